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
  /** The field, as written in the file (e.g. "contact.phone") or an option ("--size"). */
  field?: string;
  /** What to do about it. */
  hint?: string;
}

export class UserError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}

export function formatProblem(p: Problem): string {
  const place = [
    p.file ? `tệp ${p.file}` : undefined,
    p.line ? `dòng ${p.line}` : undefined,
    p.field ? `mục ${p.field}` : undefined,
  ].filter(Boolean);
  const head = place.length ? `${place.join(', ')}: ` : '';
  const hint = p.hint ? `\n  → ${p.hint}` : '';
  return `${head}${p.message}${hint}`;
}
