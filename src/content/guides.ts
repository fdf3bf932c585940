import Handlebars from 'handlebars';
import { UserError } from '../errors.js';
import { decodeTextFile } from './decode-text.js';
import { readInputFile } from './read-input.js';
import { splitGuideSource, type GuideMeta } from './guide-meta.js';
import { parseGuideMarkdown, type GuideBody } from './guide-markdown.js';
import { describeChar, type UnitProfile } from './profile.js';
import { platform, type ShippedTemplate } from '../platform/platform.js';

export interface GuideInfo {
  id: string;
  title: string;
  file: string;
  meta: GuideMeta;
  /** The template's text, read once, and its body after the front matter (starting on line bodyLine). */
  source: string;
  body: string;
  bodyLine: number;
  /** The body compiled ahead with TEMPLATE_OPTIONS (the web build's); otherwise it is compiled when filled in. */
  compiled?: TemplateSpecification;
}

/** How every guide body is compiled, at run time or ahead by the web build: strict, no HTML escaping, no helpers. */
export const TEMPLATE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true } as const;

/** A guide filled in for one unit: its checked front matter and its structured body. */
export interface Guide extends GuideBody, GuideMeta {
  id: string;
}

/** The guides shipped in templates/guides, sorted by id. */
export function listGuides(): GuideInfo[] {
  return platform().assets.guides().map(guideFromAsset);
}

const guideFromAsset = ({ file, text, compiled }: ShippedTemplate): GuideInfo => ({ ...guideFromSource(text, file), ...(compiled ? { compiled } : {}) });

/** One shipped guide by its id; only its own front matter is read (every command that draws starts here). */
export function findGuide(id: string): GuideInfo {
  const assets = platform().assets.guides();
  const found = assets.find((a) => guideId(a.file) === id);
  if (!found) {
    throw new UserError({
      field: 'guide',
      message: `không có hướng dẫn "${id}"`,
      hint: `chọn một trong: ${assets.map((a) => guideId(a.file)).join(', ')}`,
    });
  }
  return guideFromAsset(found);
}

/** A guide written by the user: a .hbs file in the same form as templates/guides. */
export function guideFromFile(file: string): GuideInfo {
  // Bounded like every input: a FIFO or /dev/zero named as a template is refused, not read forever.
  const bytes = readInputFile(file, {
    what: 'tệp mẫu hướng dẫn',
    field: 'templateFile',
    maxBytes: 256 * 1024,
    tooBigHint: 'mẫu hướng dẫn chỉ cần vài chục dòng; kiểm tra xem có chọn nhầm tệp không',
  });
  return guideFromSource(decodeTextFile(bytes, file).text, file);
}

/** A guide's id: its file's name without the extension. */
const guideId = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');

/** A guide from its template's text; its id is the file's name without the extension. */
export function guideFromSource(source: string, file: string): GuideInfo {
  const { meta, body, bodyLine } = splitGuideSource(source, file);
  return { id: guideId(file), title: meta.title, file, meta, source, body, bodyLine };
}

/** Characters of a template the fonts cannot draw, each reported on its line (an emoji would print as a blank). */
export function checkTemplateGlyphs(info: GuideInfo, missingGlyphs: (text: string) => string[]): void {
  const problems = info.source.split('\n').flatMap((text, i) => {
    const missing = missingGlyphs(text);
    return missing.length
      ? [{ file: info.file, line: i + 1, message: `mẫu hướng dẫn có ký tự không in được: ${missing.map(describeChar).join(', ')}`, hint: 'xoá ký tự đó hoặc thay bằng chữ (biểu tượng cảm xúc và ký hiệu lạ không in được)' }]
      : [];
  });
  if (problems.length) throw new UserError(problems);
}

/** Fills a guide template with the unit's details and parses it into steps. */
export function renderGuide(info: GuideInfo, profile: UnitProfile): Guide {
  // The front matter was checked when the guide was found: only the body is filled in here.
  const { meta, body, bodyLine } = info;
  const fail = (message: string, line?: number) =>
    new UserError({ file: info.file, line, message: `mẫu hướng dẫn lỗi: ${message}` });

  let markdown: string;
  try {
    // Compiled ahead for the web page; on Node once per body, however often a guide is filled in.
    const template = info.compiled ? Handlebars.template(info.compiled) : compiled(body, info.file, bodyLine);
    markdown = template(escapeMarkdownDeep(templateContext(profile)), {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const msg = (err as Error).message;
    const line = /line (\d+)|- (\d+):\d+/.exec(msg);
    const at = line ? Number(line[1] ?? line[2]) + bodyLine - 1 : undefined;
    const unknown = /"([^"]+)" not defined/.exec(msg);
    throw new UserError({
      file: info.file,
      line: at,
      message: unknown ? `mẫu hướng dẫn dùng biến "${unknown[1]}" không có` : 'mẫu hướng dẫn viết sai cú pháp (thường do thiếu {{/if}} hoặc {{/each}})',
      hint: `các biến dùng được: ${TEMPLATE_VARIABLES}`,
    });
  }
  const parsed = parseGuideMarkdown(markdown.normalize('NFC'), (problem) => fail(problem));
  return { id: info.id, ...meta, ...parsed };
}

/** Templates checked and compiled once per process, by their text (a preview renders one for every change on the page). */
const templates = new Map<string, HandlebarsTemplateDelegate>();

function compiled(body: string, file: string, bodyLine: number): HandlebarsTemplateDelegate {
  let template = templates.get(body);
  if (!template) {
    refusePrototypeAccess(Handlebars.parse(body), file, bodyLine);
    template = Handlebars.compile(body, TEMPLATE_OPTIONS);
    if (templates.size > 50) templates.clear();
    templates.set(body, template);
  }
  return template;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Templates may read the unit's details, never the objects' machinery. */
function refusePrototypeAccess(ast: hbs.AST.Program, file: string, bodyLine: number): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; parts?: string[]; loc?: hbs.AST.SourceLocation };
    if (n.type === 'PathExpression' && n.parts?.some((p) => FORBIDDEN.has(p))) {
      throw new UserError({
        file,
        line: n.loc ? n.loc.start.line + bodyLine - 1 : undefined,
        message: `mẫu hướng dẫn dùng biến "${n.parts.join('.')}" không có`,
        hint: `các biến dùng được: ${TEMPLATE_VARIABLES}`,
      });
    }
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(ast);
}

const TEMPLATE_VARIABLES = 'unit.name, unit.parent, contact.name, contact.title, contact.phone, deadline, venues (mỗi địa điểm có name, address, hours)';

/** What a template may use; every field exists so strict mode only catches typos. */
function templateContext(p: UnitProfile) {
  return {
    unit: { name: p.unit.name, parent: p.unit.parent ?? '' },
    contact: { name: p.contact?.name ?? '', title: p.contact?.title ?? '', phone: p.contact?.phone ?? '' },
    deadline: p.deadline?.printed ?? '',
    venues: p.venues.map((v) => ({ name: v.name, address: v.address ?? '', hours: v.hours ?? '' })),
  };
}

// User text goes into Markdown; backslash-escaping its punctuation keeps a "#" or
// "*" in a unit's name from turning into a heading or bold text.
function escapeMarkdownDeep<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, '\\$&') as T;
  if (Array.isArray(value)) return value.map(escapeMarkdownDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeMarkdownDeep(v)])) as T;
  }
  return value;
}
