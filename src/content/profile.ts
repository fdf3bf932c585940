import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { quoteForMessage, UserError, type Problem } from '../errors.js';
import { cleanDeep } from './clean-text.js';
import { compareDates, formatDeadline, type CalendarDate } from './deadline.js';
import { decodeTextFile } from './decode-text.js';
import { readInputFile } from './read-input.js';
import { linkProblem } from './web-link.js';
import { unitProfileSchema, type ParsedProfile } from './profile-schema.js';
import { makeLineFinder } from './yaml-places.js';

/** A unit's profile, checked and cleaned: every string is NFC and drawable. */
export type UnitProfile = ParsedProfile & {
  /** The file it came from, for messages. */
  source: string;
  /** The logo's absolute path, when a profile read from disk (loadProfile) names one. */
  logoPath?: string;
  /** Things the user should know that did not stop the run (e.g. an old encoding converted). */
  warnings: string[];
};

export interface ProfileChecks {
  /** Characters the fonts cannot draw; they are reported by field. */
  missingGlyphs(text: string): string[];
  /** Link schemes allowed besides http(s), as the user allowed them. */
  allowSchemes?: readonly string[];
  /** Today: a campaign date before it is refused. Without it, dates are only checked to exist. */
  today?: CalendarDate;
}

const MAX_PROFILE_BYTES = 256 * 1024;

export async function loadProfile(file: string, checks: ProfileChecks): Promise<UnitProfile> {
  const bytes = readInputFile(file, { what: 'tệp hồ sơ', field: 'unitFile', maxBytes: MAX_PROFILE_BYTES, tooBigHint: 'tệp hồ sơ chỉ cần vài dòng; kiểm tra xem có chọn nhầm tệp không' });
  const { text, warnings } = decodeTextFile(bytes, file);
  const profile = parseProfile(text, file, checks);
  profile.warnings.push(...warnings);
  // A logo is a file beside the profile: only a profile read from disk has one to find.
  if (profile.unit.logo) profile.logoPath = resolve(dirname(file), profile.unit.logo);
  return profile;
}

export function parseProfile(source: string, file: string, checks: ProfileChecks): UnitProfile {
  const counter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    throw new UserError(
      doc.errors.map((e) => ({
        file,
        line: e.code === 'MISSING_CHAR' ? openQuoteLine(source, e.linePos?.[0].line) : e.linePos?.[0].line,
        message: `tệp hồ sơ viết sai cú pháp YAML (${yamlReason(e.code)})`,
        hint: 'mỗi dòng có dạng "tên_mục: giá trị", mục con thụt vào bằng dấu cách (không dùng phím Tab); chuỗi có dấu ":" hãy đặt trong ngoặc kép',
      })),
    );
  }
  const lineOf = makeLineFinder(doc, counter);
  const raw = cleanDeep(toPlainData(doc, file));
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError({
      file,
      line: 1,
      message: 'tệp hồ sơ trống hoặc không đúng mẫu',
      hint: 'xem tệp mẫu trong thư mục examples/ và bắt đầu bằng dòng "unit:"',
    });
  }

  const problems: Problem[] = [];
  walkStrings(raw, [], (value, path) => {
    const missing = checks.missingGlyphs(value);
    if (missing.length) {
      problems.push({
        file,
        line: lineOf(path),
        field: path.join('.'),
        message: `có ký tự không in được: ${missing.map(describeChar).join(', ')}`,
        hint: 'hãy xoá hoặc thay ký tự đó bằng chữ thường (biểu tượng cảm xúc và ký hiệu lạ không in được)',
      });
    }
  });

  const parsed = unitProfileSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((issue) => toProblems(issue, raw, file, lineOf)));
  if (parsed.success) {
    const links: [string[], string][] = [
      [['qr', 'ios'], parsed.data.qr.ios],
      [['qr', 'android'], parsed.data.qr.android],
      ...parsed.data.qr.extra.map((e, i): [string[], string] => [['qr', 'extra', String(i), 'url'], e.url]),
    ];
    for (const [path, url] of links) {
      const bad = linkProblem(url, checks.allowSchemes);
      if (bad) problems.push({ file, line: lineOf(path), field: path.join('.'), message: `đường link ${quoteForMessage(url)} không dùng được làm mã QR: ${bad.reason}`, hint: bad.hint });
    }
    const deadline = parsed.data.deadline;
    if (deadline && checks.today && compareDates(deadline, checks.today) < 0) {
      problems.push({
        file,
        line: lineOf(['deadline']),
        field: 'deadline',
        message: `ngày ${deadline.printed} đã qua (hôm nay là ${formatDeadline(checks.today)}); tờ in ra sẽ báo một hạn đã hết`,
        hint: 'ghi ngày kết thúc của đợt vận động hiện nay (năm-tháng-ngày, ví dụ 2027-03-31), hoặc xoá dòng deadline nếu đợt này không có hạn',
      });
    }
  }
  if (problems.length || !parsed.success) throw new UserError(sortByLine(problems));

  return { ...parsed.data, source: file, warnings: [] };
}

/** YAML aliases (&a, *a) can nest into an exponential "alias bomb": refuse it plainly. */
function toPlainData(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch {
    throw new UserError({ file, message: 'tệp hồ sơ dùng bí danh YAML (&, *) lồng nhau quá nhiều', hint: 'ghi thẳng giá trị vào từng mục, không dùng & và *' });
  }
}

type LineFinder = ReturnType<typeof makeLineFinder>;

/** A zod issue as the clerk's problems: an issue about unknown keys names each of them. */
function toProblems(issue: z.core.$ZodIssue, raw: object, file: string, lineOf: LineFinder): Problem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      line: lineOf(issue.path, key),
      field: [...path, key].join('.'),
      message: `mục ${quoteForMessage(key)} không có trong mẫu hồ sơ`,
      hint: `kiểm tra chính tả; các mục được dùng ở đây: ${allowedKeys(path).join(', ')}`,
    }));
  }
  const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
  return [{
    file,
    line: lineOf(issue.path),
    field: path.join('.') || undefined,
    message: missing ? `thiếu mục bắt buộc: ${issue.message}` : issue.message,
  }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function allowedKeys(path: string[]): string[] {
  let shape: unknown = unitProfileSchema;
  for (const seg of path) {
    const def = unwrap(shape);
    shape = def?.shape?.[seg] ?? (def?.element && /^\d+$/.test(seg) ? def.element : undefined);
  }
  const keys = Object.keys(unwrap(shape)?.shape ?? {});
  return keys;
}

// Zod wraps objects in default/optional/array layers; peel them to reach the shape.
function unwrap(schema: unknown): { shape?: Record<string, unknown>; element?: unknown } | undefined {
  let s = schema as { def?: { innerType?: unknown; element?: unknown }; shape?: Record<string, unknown> } | undefined;
  for (let i = 0; i < 5 && s && !s.shape; i++) {
    if (s.def?.element) return { element: s.def.element };
    s = s.def?.innerType as typeof s;
  }
  return s;
}

function walkStrings(value: unknown, path: (string | number)[], visit: (s: string, path: (string | number)[]) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

/** A character as a clerk can find it in a file: "😀" (U+1F600). */
export function describeChar(ch: string): string {
  return `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

function sortByLine(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

// An unclosed quote is reported where the file ends; the clerk needs the line it opens on.
function openQuoteLine(source: string, reported: number | undefined): number | undefined {
  const lines = source.split('\n');
  for (let i = Math.min(lines.length, reported ?? lines.length) - 1; i >= 0; i--) {
    const quotes = lines[i]!.replace(/\\"/g, '').match(/"/g)?.length ?? 0;
    if (quotes % 2 === 1) return i + 1;
  }
  return reported;
}


function yamlReason(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'một mục được ghi hai lần';
    case 'BAD_INDENT':
      return 'thụt lề hoặc dấu ":" không đúng chỗ';
    case 'TAB_AS_INDENT':
      return 'dùng phím Tab để thụt lề';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'thiếu dấu ":" sau tên mục';
    case 'MISSING_CHAR':
      return 'thiếu dấu ngoặc hoặc ký tự đóng';
    default:
      return 'dòng này không đọc được';
  }
}
