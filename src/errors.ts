/**
 * Errors a user can fix carry a place (file, line, field) and a message in plain
 * Vietnamese. Only the CLI turns them into text and an exit code.
 */
export interface Problem {
  /** What is wrong, in words a ward clerk understands. */
  message: string;
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** The field, as written in the file (e.g. "contact.phone") or a neutral key a front end words as its own ("size"). */
  field?: string;
  /** What to do about it. */
  hint?: string;
}

export class UserError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => formatProblem(p)).join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}

/**
 * A problem as one line of text. Fields are neutral keys ("guide", "dataFile");
 * a front end passes `fieldName` to word them its own way (the command line as its option).
 */
export function formatProblem(p: Problem, o: { fieldName?: (field: string) => string } = {}): string {
  const fieldName = o.fieldName ?? ((f: string) => f);
  const place = [
    p.file ? `tệp ${escapeControls(p.file)}` : undefined,
    p.line ? `dòng ${p.line}` : undefined,
    p.field ? `mục ${escapeControls(fieldName(p.field))}` : undefined,
  ].filter(Boolean);
  const head = place.length ? `${place.join(', ')}: ` : '';
  const hint = p.hint ? `\n  → ${escapeControls(p.hint)}` : '';
  return `${head}${escapeControls(p.message)}${hint}`;
}

/**
 * A value the user typed, quoted for a message: control characters shown as
 * \u0000 (a NUL or an escape sequence must never reach the terminal raw), and a
 * long value cut so the message stays readable.
 */
export function quoteForMessage(value: string, max = 80): string {
  const chars = [...value];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return `"${escapeControls(shown)}"`;
}

// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
