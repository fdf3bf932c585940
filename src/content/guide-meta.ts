import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { UserError, type Problem } from '../errors.js';
import { cleanDeep } from './clean-text.js';
import { formatDeadline, parseDeadline, type CalendarDate } from './deadline.js';
import { makeLineFinder } from './yaml-places.js';

/**
 * What a guide asks people to do next. Every product made from the guide follows
 * it: the headline over the codes and which codes are printed.
 */
export const GUIDE_ACTIONS = ['install-app', 'open-portal', 'visit-office'] as const;
export type GuideAction = (typeof GUIDE_ACTIONS)[number];

/** Profile fields a guide needs to be useful; `validate` says when one is missing. */
export const PROFILE_NEEDS = ['venues', 'contact.phone'] as const;
export type ProfileNeed = (typeof PROFILE_NEEDS)[number];

/** The official public-service portal: the only address a guide sends people to for declarations. */
export const OFFICIAL_PORTAL = 'https://dichvucong.gov.vn';

/** A document the guide's content follows. */
export interface GuideSource {
  /** Its number or name, e.g. "Hướng dẫn số 08". */
  document: string;
  issuer: string;
  date: CalendarDate;
  /** How the dated stamp on a print names it, e.g. "Luật Căn cước 2023"; without it, the document is listed but not stamped. */
  short?: string;
}

/** A guide's front matter, checked. */
export interface GuideMeta {
  title: string;
  /** Who the guide is for, printed under the title. */
  audience: string;
  action: GuideAction;
  /** Whether the unit's campaign date belongs on this guide's prints. */
  takesDeadline: boolean;
  needs: ProfileNeed[];
  links: { portal: string };
  /** The day its content was last checked against the rules in force. */
  reviewed: CalendarDate;
  sources: GuideSource[];
}

const words = (what: string, max: number) =>
  z
    .string({ error: `cần ghi ${what} (chữ)` })
    .min(1, { error: `${what} đang để trống` })
    .max(max, { error: `${what} dài quá ${max} ký tự` });

const date = (what: string) =>
  z.union([z.string(), z.date()], { error: `cần ghi ${what} theo dạng năm-tháng-ngày, ví dụ 2026-11-15` }).transform((raw, ctx) => {
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
    const parsed = parseDeadline(text);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `${what} "${text}" không phải một ngày có thật; ghi theo dạng năm-tháng-ngày, ví dụ 2026-11-15` });
      return z.NEVER;
    }
    return parsed;
  });

const portal = z
  .string({ error: 'cần một đường link bắt đầu bằng https://' })
  .refine((s) => /^https:\/\/[^\s/@]+(\/\S*)?$/.test(s), { error: 'đường link phải bắt đầu bằng https:// và không có dấu cách' });

const sourceSchema = z.strictObject({
  document: words('số hoặc tên văn bản', 120),
  issuer: words('cơ quan ban hành', 120),
  date: date('ngày ban hành'),
  short: words('tên ngắn của văn bản', 60).optional(),
});

const metaSchema = z.strictObject({
  title: words('tiêu đề (title)', 90),
  audience: words('đối tượng (audience)', 140),
  action: z.enum(GUIDE_ACTIONS, { error: `action chỉ nhận một trong: ${GUIDE_ACTIONS.join(', ')}` }),
  deadline: z.boolean({ error: 'deadline chỉ nhận true (in hạn của đợt vận động) hoặc false' }),
  needs: z.array(z.enum(PROFILE_NEEDS, { error: `needs chỉ nhận: ${PROFILE_NEEDS.join(', ')}` })).default([]),
  links: z.strictObject({ portal: portal.optional() }).default({}),
  reviewed: date('ngày kiểm tra nội dung (reviewed)'),
  sources: z
    .array(sourceSchema, { error: 'sources cần là một danh sách văn bản, mỗi văn bản bắt đầu bằng "- "' })
    .min(1, { error: 'cần ít nhất một văn bản trong sources' }),
});

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

const SHAPE_HINT =
  'mẫu bắt đầu bằng ---, rồi các dòng title, audience, action, deadline, reviewed, sources (xem templates/guides/kich-hoat.hbs), rồi ---';

/** Splits a guide file into its checked front matter and the template body. */
export function splitGuideSource(saved: string, file: string): { meta: GuideMeta; body: string; bodyLine: number } {
  const source = saved.replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(source);
  if (!m) throw new UserError({ file, line: 1, message: 'mẫu hướng dẫn thiếu phần đầu giữa hai dòng "---"', hint: SHAPE_HINT });
  return { meta: parseGuideMeta(m[1]!, file), body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** The front matter's YAML (the lines after the first "---"), checked against the guide's shape. */
export function parseGuideMeta(yaml: string, file: string): GuideMeta {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, uniqueKeys: true });
  // Line 1 of the front matter is line 2 of the file.
  const fileLine = (line: number | undefined) => (line === undefined ? undefined : line + 1);
  if (doc.errors.length) {
    throw new UserError(
      doc.errors.map((e) => ({
        file,
        line: fileLine(e.linePos?.[0].line),
        message: 'phần đầu của mẫu hướng dẫn viết sai cú pháp YAML',
        hint: 'mỗi dòng có dạng "tên: giá trị"; chuỗi có dấu ":" hãy đặt trong ngoặc kép',
      })),
    );
  }
  const lineOf = makeLineFinder(doc, counter);
  let raw: unknown;
  try {
    raw = cleanDeep(doc.toJS({ maxAliasCount: 20 }));
  } catch {
    throw new UserError({ file, message: 'phần đầu của mẫu hướng dẫn dùng bí danh YAML (&, *) lồng nhau quá nhiều', hint: 'ghi thẳng giá trị vào từng dòng' });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError({ file, line: 2, message: 'phần đầu của mẫu hướng dẫn trống', hint: SHAPE_HINT });
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          file,
          line: fileLine(lineOf(issue.path, key)),
          field: [...path, key].join('.'),
          message: `phần đầu của mẫu hướng dẫn có mục "${key}" không dùng được`,
          hint: 'kiểm tra chính tả; các mục dùng được: title, audience, action, deadline, needs, links, reviewed, sources',
        }));
      }
      return [{ file, line: fileLine(lineOf(issue.path)), field: path.join('.') || undefined, message: `phần đầu của mẫu hướng dẫn: ${issue.message}` }];
    });
    throw new UserError(problems);
  }
  const d = parsed.data;
  return {
    title: d.title,
    audience: d.audience,
    action: d.action,
    takesDeadline: d.deadline,
    needs: d.needs,
    links: { portal: d.links.portal ?? OFFICIAL_PORTAL },
    reviewed: d.reviewed,
    sources: d.sources,
  };
}

/**
 * The small dated line every print carries: which documents its content follows
 * and the day it was last checked against them.
 */
export function contentStamp(meta: Pick<GuideMeta, 'sources' | 'reviewed'>, o: { short?: boolean } = {}): string {
  const checked = `Cập nhật ${formatDeadline(meta.reviewed)}`;
  const names = meta.sources.flatMap((s) => (s.short ? [s.short] : []));
  if (o.short || !names.length) return checked;
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}` : names[0];
  return `Nội dung theo ${list} · ${checked.toLocaleLowerCase('vi')}`;
}
