import { z } from 'zod';
import { readInputFile } from '../content/read-input.js';
import { quoteForMessage, UserError, type Problem } from '../errors.js';
import { platform } from '../platform/platform.js';
import { MM } from './page-sizes.js';

/**
 * Label papers are data (assets/sheets/*.json, sizes in mm): a new decal sheet
 * needs a new file, not new code. A user may also pass a path to their own.
 */
const mm = z.number().nonnegative();
const presetSchema = z.strictObject({
  title: z.string().min(1),
  paper: z.strictObject({ width: mm, height: mm }),
  label: z.strictObject({ width: mm, height: mm }),
  grid: z.strictObject({ columns: z.number().int().min(1).max(20), rows: z.number().int().min(1).max(40) }),
  origin: z.strictObject({ left: mm, top: mm }),
  gap: z.strictObject({ x: mm, y: mm }),
  marks: z.enum(['none', 'crop']),
});

export interface SheetPreset {
  name: string;
  title: string;
  /** Everything below in points. */
  paper: { width: number; height: number };
  label: { width: number; height: number };
  columns: number;
  rows: number;
  origin: { left: number; top: number };
  gap: { x: number; y: number };
  marks: 'none' | 'crop';
}

const MAX_PRESET_BYTES = 64 * 1024;
const SEE_EXAMPLES = 'xem mẫu trong assets/sheets/ (kích thước tính bằng mm)';

export function listSheetPresets(): string[] {
  return platform()
    .assets.sheets()
    .map((s) => s.name);
}

/** A preset by name (a4-2x4) or by the path of a JSON file. */
export function loadSheetPreset(nameOrPath: string): SheetPreset {
  if (nameOrPath.endsWith('.json')) {
    const bytes = readInputFile(nameOrPath, { what: 'tệp khổ giấy', field: 'sheetFile', maxBytes: MAX_PRESET_BYTES, tooBigHint: 'tệp khổ giấy chỉ có vài dòng; kiểm tra xem có chọn nhầm tệp không' });
    return parseSheetPreset(bytes.toString('utf8'), nameOrPath);
  }
  const shipped = platform()
    .assets.sheets()
    .find((s) => s.name === nameOrPath);
  if (!shipped) {
    throw new UserError({ field: 'sheet', message: `không có khổ giấy ${quoteForMessage(nameOrPath)}`, hint: `chọn một trong: ${listSheetPresets().join(', ')}, hoặc ghi đường dẫn tệp .json của bạn` });
  }
  return parseSheetPreset(shipped.text, shipped.file);
}

/** A preset from its JSON text; `file` names it (its name is the file's, without .json). */
function parseSheetPreset(json: string, file: string): SheetPreset {
  const text = json.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    throw new UserError({
      file,
      line: at ? text.slice(0, Number(at[1])).split('\n').length : undefined,
      message: 'tệp khổ giấy viết sai cú pháp JSON',
      hint: `kiểm tra dấu phẩy, dấu ngoặc kép và dấu ngoặc nhọn; ${SEE_EXAMPLES}`,
    });
  }
  const parsed = presetSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues.flatMap((issue) => presetProblems(issue, raw, file)));
  const p = parsed.data;
  const preset: SheetPreset = {
    name: (file.split(/[\\/]/).pop() ?? file).replace(/\.json$/, ''),
    title: p.title,
    paper: { width: p.paper.width * MM, height: p.paper.height * MM },
    label: { width: p.label.width * MM, height: p.label.height * MM },
    columns: p.grid.columns,
    rows: p.grid.rows,
    origin: { left: p.origin.left * MM, top: p.origin.top * MM },
    gap: { x: p.gap.x * MM, y: p.gap.y * MM },
    marks: p.marks,
  };
  const right = preset.origin.left + p.grid.columns * preset.label.width + (p.grid.columns - 1) * preset.gap.x;
  const bottom = preset.origin.top + p.grid.rows * preset.label.height + (p.grid.rows - 1) * preset.gap.y;
  if (right > preset.paper.width + 0.5 || bottom > preset.paper.height + 0.5) {
    throw new UserError({ file, field: 'grid', message: 'các nhãn vượt ra ngoài tờ giấy', hint: 'kiểm tra lại kích thước nhãn, số cột, số hàng, lề và khoảng cách' });
  }
  return preset;
}

/** A zod issue in the clerk's words, one problem per unknown key. */
function presetProblems(issue: z.core.$ZodIssue, raw: unknown, file: string): Problem[] {
  const field = issue.path.join('.') || undefined;
  const at = (message: string): Problem[] => [{ file, field, message: `tệp khổ giấy sai: ${message}`, hint: SEE_EXAMPLES }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ file, field: [...issue.path, key].join('.'), message: `tệp khổ giấy có mục ${quoteForMessage(key)} không dùng được`, hint: `kiểm tra chính tả; ${SEE_EXAMPLES}` }));
    case 'invalid_type': {
      const missing = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw) === undefined;
      if (missing) return at('thiếu mục này');
      return at(issue.expected === 'number' ? 'cần một con số (mm)' : issue.expected === 'int' ? 'cần một số nguyên' : issue.expected === 'string' ? 'cần chữ trong ngoặc kép' : 'cần một nhóm { … } như trong mẫu');
    }
    case 'too_small':
      return at(issue.origin === 'string' ? 'đang để trống' : Number(issue.minimum) === 0 ? 'không được là số âm' : `nhỏ nhất là ${issue.minimum}`);
    case 'too_big':
      return at(`lớn nhất là ${issue.maximum}`);
    case 'invalid_value':
      return at(`chỉ nhận một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`);
    default:
      return at('giá trị không dùng được');
  }
}

/** Where each label sits on its sheet, in reading order (left to right, top to bottom). */
export function labelSlots(p: SheetPreset): { x: number; y: number; row: number; column: number }[] {
  const slots = [];
  for (let row = 0; row < p.rows; row++) {
    for (let column = 0; column < p.columns; column++) {
      slots.push({ x: p.origin.left + column * (p.label.width + p.gap.x), y: p.origin.top + row * (p.label.height + p.gap.y), row: row + 1, column: column + 1 });
    }
  }
  return slots;
}
