import { parse as parseYaml, stringify } from 'yaml';
import { z } from 'zod';
import { formatDeadline, parseDeadline, type CalendarDate } from '../content/deadline.js';
import { parseProfile, type UnitProfile } from '../content/profile.js';
import { UserError, type Problem } from '../errors.js';
import type { FontSet } from '../layout/fonts.js';

/**
 * The unit profile as the web form holds it: plain strings, empty when not filled.
 * It becomes the same YAML a clerk would write by hand, and goes through the
 * same parseProfile as the CLI's --unit file.
 */
const str = (max: number) => z.string().max(max).default('');
const venueSchema = z.object({ name: str(500), address: str(500), hours: str(500) });

export const profileFormSchema = z.object({
  unit: z.object({ name: str(500), parent: str(500) }).default({ name: '', parent: '' }),
  contact: z.object({ name: str(500), title: str(500), phone: str(100) }).default({ name: '', title: '', phone: '' }),
  deadline: str(100),
  venues: z.array(venueSchema).max(10).default([]),
  /** Parts of a loaded profile the form has no inputs for (qr, slogan), sent back as they were. */
  rest: z.record(z.string(), z.unknown()).optional(),
});

export type ProfileForm = z.output<typeof profileFormSchema>;

/** A problem as the page shows it: under the input named by `field`, or in the list at the top. */
export interface FieldError {
  field?: string;
  message: string;
  hint?: string;
  line?: number;
}

const FORM_KEYS = ['unit', 'contact', 'deadline', 'venues'];

/** The form as a profile file: what "Tải hồ sơ về" saves, and what the checks read. */
export function formToYaml(form: ProfileForm): { yaml: string; venueRows: number[] } {
  const doc: Record<string, unknown> = {};
  const trim = (s: string) => s.trim();
  doc.unit = { name: trim(form.unit.name), ...(trim(form.unit.parent) ? { parent: trim(form.unit.parent) } : {}) };
  const contact = Object.fromEntries(Object.entries(form.contact).map(([k, v]) => [k, trim(v)]).filter(([, v]) => v));
  if (Object.keys(contact).length) doc.contact = contact;
  if (trim(form.deadline)) doc.deadline = trim(form.deadline);
  // Rows left wholly empty are not venues; remember which form row each kept one was.
  const venueRows: number[] = [];
  const venues = form.venues.flatMap((v, i) => {
    const kept = Object.fromEntries(Object.entries(v).map(([k, s]) => [k, trim(s)]).filter(([, s]) => s));
    if (!Object.keys(kept).length) return [];
    venueRows.push(i);
    return [{ name: kept.name ?? '', ...kept }];
  });
  if (venues.length) doc.venues = venues;
  for (const [key, value] of Object.entries(form.rest ?? {})) if (!FORM_KEYS.includes(key)) doc[key] = value;
  return { yaml: stringify(doc, { lineWidth: 0 }), venueRows };
}

/** Checks the form exactly as the CLI checks a profile file; problems come back keyed by form field. */
export function profileFromForm(form: ProfileForm, fonts: FontSet, allowSchemes: readonly string[] = [], today?: CalendarDate): UnitProfile {
  const { yaml, venueRows } = formToYaml(form);
  try {
    return parseProfile(yaml, 'form', { missingGlyphs: fonts.missingGlyphs, allowSchemes, today });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UserError(err.problems.map((p) => ({ field: formField(p.field, venueRows), message: p.message, hint: p.hint })));
  }
}

/** "venues.1.name" of the YAML is the form's row that was kept second. */
function formField(field: string | undefined, venueRows: number[]): string | undefined {
  const m = field?.match(/^venues\.(\d+)(\..*)?$/);
  if (!m) return field;
  const row = venueRows[Number(m[1])];
  return row === undefined ? field : `venues.${row}${m[2] ?? ''}`;
}

/**
 * A saved profile file back into the form. The file is read leniently so the form
 * can be filled even when something in it needs fixing; the problems come along.
 */
export function yamlToForm(source: string, fileName: string, fonts: FontSet, allowSchemes: readonly string[] = [], today?: CalendarDate): { form: ProfileForm; errors: FieldError[]; warnings: string[] } {
  if (new TextEncoder().encode(source).length > 256 * 1024) throw new UserError({ field: 'profileFile', message: 'tệp hồ sơ quá lớn (hơn 256 KB)', hint: 'tệp hồ sơ chỉ cần vài dòng; kiểm tra xem có chọn nhầm tệp không' });
  let errors: FieldError[] = [];
  const warnings: string[] = [];
  try {
    parseProfile(source, fileName, { missingGlyphs: fonts.missingGlyphs, allowSchemes, today });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    errors = err.problems.map(toFieldError);
  }
  let raw: unknown;
  try {
    raw = parseYaml(source.replace(/^\uFEFF/, ''), { maxAliasCount: 50 });
  } catch {
    // A file that is not YAML at all: the parse errors above say where.
    throw new UserError(errors.length ? errors.map((e) => ({ ...e, field: 'profileFile' })) : { field: 'profileFile', message: 'tệp hồ sơ viết sai cú pháp YAML' });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError({ field: 'profileFile', message: 'tệp này không phải hồ sơ đơn vị', hint: 'chọn tệp .yaml đã tải về từ trang này, hoặc tệp hồ sơ dùng với lệnh vneid-print' });
  }
  const r = raw as Record<string, unknown>;
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const s = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : '');
  const unit = obj(r.unit);
  if (unit.logo) warnings.push('trang web chưa in logo; mục unit.logo trong tệp được bỏ qua (dùng lệnh vneid-print để in có logo)');
  const contact = obj(r.contact);
  const venues = Array.isArray(r.venues) ? r.venues.slice(0, 10).map((v) => ({ name: s(obj(v).name), address: s(obj(v).address), hours: s(obj(v).hours) })) : [];
  const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !FORM_KEYS.includes(k)));
  const parsed = profileFormSchema.safeParse({
    unit: { name: s(unit.name), parent: s(unit.parent) },
    contact: { name: s(contact.name), title: s(contact.title), phone: s(contact.phone) },
    deadline: asTyped(s(r.deadline)),
    venues,
    rest,
  });
  // Only a text too long for the form's boxes can fail here: the file is refused, naming the entry.
  if (!parsed.success) {
    throw new UserError(
      parsed.error.issues.slice(0, 5).map((i) => ({
        field: 'profileFile',
        message: i.code === 'too_big' ? `mục ${i.path.join('.')} trong tệp dài quá ${i.maximum} ký tự` : `mục ${i.path.join('.')} trong tệp không đọc được`,
        hint: 'sửa tệp hồ sơ cho ngắn lại (tên đơn vị chỉ tối đa 120 ký tự) rồi mở lại, hoặc điền thẳng vào trang',
      })),
    );
  }
  const form = parsed.data;
  // The logo is not part of the page; do not report it as a problem of the form.
  errors = errors.filter((e) => e.field !== 'unit.logo');
  return { form, errors, warnings };
}

/** A date from the file as a clerk types it (31/3/2027); one that is not a real date stays as written, so its error shows with it. */
function asTyped(raw: string): string {
  const date = parseDeadline(raw);
  return date ? formatDeadline(date) : raw;
}

export function toFieldError(p: Problem): FieldError {
  return { ...(p.field ? { field: p.field } : {}), message: p.message, ...(p.hint ? { hint: p.hint } : {}), ...(p.line ? { line: p.line } : {}) };
}
