import { marked, type Token, type Tokens } from 'marked';
import type { RichText, Span } from './rich-text.js';

/** One numbered step of a guide. */
export interface GuideStep {
  title: RichText;
  paragraphs: RichText[];
  bullets: RichText[];
}

/** A guide's body as structured content, independent of any page. */
export interface GuideBody {
  intro: RichText[];
  steps: GuideStep[];
  notes: RichText[];
}

/**
 * Guide bodies are a small Markdown dialect: `## ` starts a step, paragraphs and
 * `- ` bullets belong to the step above, `> ` is a note, `**…**` is emphasis.
 * Anything else is refused, so a template cannot silently lose content.
 */
export function parseGuideMarkdown(markdown: string, where: (problem: string) => Error): GuideBody {
  const body: GuideBody = { intro: [], steps: [], notes: [] };
  for (const token of marked.lexer(markdown)) {
    const step = body.steps[body.steps.length - 1];
    switch (token.type) {
      case 'space':
        break;
      case 'heading':
        if ((token as Tokens.Heading).depth !== 2) throw where('chỉ dùng tiêu đề "## " cho mỗi bước');
        body.steps.push({ title: inline(token, where), paragraphs: [], bullets: [] });
        break;
      case 'paragraph':
        if (body.notes.length) throw where('đoạn văn phải đứng trước phần lưu ý');
        (step ? step.paragraphs : body.intro).push(inline(token, where));
        break;
      case 'list': {
        const list = token as Tokens.List;
        if (!step || list.ordered) throw where('danh sách "- " chỉ dùng bên trong một bước');
        step.bullets.push(...list.items.map((item) => inline(item, where)));
        break;
      }
      case 'blockquote':
        for (const inner of (token as Tokens.Blockquote).tokens) {
          if (inner.type === 'paragraph') body.notes.push(inline(inner, where));
          else if (inner.type !== 'space') throw where('phần lưu ý "> " chỉ chứa đoạn văn');
        }
        break;
      default:
        throw where(`không dùng được định dạng Markdown "${token.type}" trong hướng dẫn`);
    }
  }
  return body;
}

function inline(token: Token, where: (problem: string) => Error): RichText {
  const spans: Span[] = [];
  const walk = (tokens: Token[] | undefined, strong: boolean) => {
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'text':
          if ('tokens' in t && t.tokens?.length) walk(t.tokens, strong);
          else push(t.text, strong);
          break;
        case 'escape':
        case 'html':
        case 'codespan':
          push(t.text ?? t.raw, strong);
          break;
        case 'strong':
          walk((t as Tokens.Strong).tokens, true);
          break;
        case 'em':
          walk((t as Tokens.Em).tokens, strong);
          break;
        // A bare web address in the text is printed as written, not as a link.
        case 'link':
          walk((t as Tokens.Link).tokens, strong);
          break;
        case 'br':
          push(' ', strong);
          break;
        default:
          throw where(`không dùng được định dạng "${t.type}" trong một dòng chữ`);
      }
    }
  };
  const push = (text: string, strong: boolean) => {
    const prev = spans[spans.length - 1];
    if (prev && prev.strong === strong) prev.text += text;
    else spans.push({ text, strong });
  };
  walk((token as Tokens.Generic).tokens, false);
  // Markdown keeps soft line breaks; on paper they are spaces.
  return spans.map((s) => ({ ...s, text: s.text.replace(/\s*\n\s*/g, ' ') })).filter((s) => s.text);
}
