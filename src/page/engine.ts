// What the web page asks for, answered by the library itself: the page's
// worker (src/browser/engine.ts) runs this in the browser; the tests run it on
// Node. Requests are checked as the page could send anything; problems come back
// as the page shows them, next to their fields.

import { z } from 'zod';
import { todayFrom, type CalendarDate } from '../content/deadline.js';
import { decodeTextFile } from '../content/decode-text.js';
import { listGuides } from '../content/guides.js';
import { UserError } from '../errors.js';
import { loadFonts } from '../layout/fonts.js';
import { createMeasurer } from '../layout/measure.js';
import { POSTER_PAPER, type PosterSize } from '../layout/page-sizes.js';
import { listSheetPresets, loadSheetPreset } from '../layout/sheet-preset.js';
import { choiceTitles } from '../products/catalog.js';
import { IMAGE_PRESETS, type ImagePreset } from '../products/screen-image.js';
import { asBuffer, DataStore, MAX_ROWS, MAX_UPLOAD_BYTES, type DataKind } from './data-store.js';
import { prepare, preview, productFormSchema, type Context, type Made, type PreviewBatch } from './products.js';
import { formToYaml, profileFormSchema, profileFromForm, toFieldError, yamlToForm, type FieldError, type ProfileForm } from './profile-form.js';

export type { DataKind, FieldError, ProfileForm };

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** One entry of a menu: the id a request carries, the name the clerk reads. */
export interface Choice {
  id: string;
  title: string;
}

export interface Options {
  guides: Choice[];
  sheets: Choice[];
  posterSizes: Choice[];
  imagePresets: (Choice & { width: number; height: number })[];
}

export interface EnginePreview {
  /** Every page as a PNG (of a sticker batch, its first sheet). */
  pngs: Uint8Array[];
  notices: string[];
  batch?: PreviewBatch;
}

export interface EngineMade {
  fileName: string;
  type: string;
  bytes: Uint8Array;
  notices: string[];
  contents?: Made['contents'];
}

export interface EngineData {
  dataId: string;
  rows: number;
  name: string;
  warnings: string[];
}

export interface EngineProfile {
  form: ProfileForm;
  errors: FieldError[];
  warnings: string[];
}

export interface EngineOptions {
  /** Link schemes QR codes may use besides http(s). */
  allowSchemes?: string[];
  /** The PDFs' date: none (the epoch) unless given, as the command line without SOURCE_DATE_EPOCH. */
  date?: Date;
  /** Today, for campaign dates already past; by default the clock's day in Vietnam. */
  today?: () => CalendarDate;
  /** Where unexpected errors are written (the page only says something went wrong). */
  log?: (message: string) => void;
}

export const GENERIC_ERROR = 'Có lỗi bất ngờ trong chương trình; hãy thử lại. Nếu vẫn lỗi, tải lại trang.';
const MAX_PROFILE_BYTES = 256 * 1024;

const requestSchema = z.object({ profile: profileFormSchema, product: productFormSchema });

export type Engine = ReturnType<typeof createEngine>;

/** The page's engine: the fonts are parsed once, tables stay in memory for the page's life. */
export function createEngine(o: EngineOptions = {}) {
  const fonts = loadFonts();
  const m = createMeasurer(fonts);
  const allowSchemes = o.allowSchemes ?? [];
  const data = new DataStore(allowSchemes);
  const today = o.today ?? (() => todayFrom({}, new Date()));
  const log = o.log ?? ((message: string) => console.error(message));

  /** Runs a request: a UserError becomes the problems it names, anything else a plain message (and the log). */
  async function answer<T>(run: () => T | Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (err) {
      if (err instanceof UserError) return { ok: false, errors: err.problems.map(toFieldError) };
      log(`vneid-print: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, errors: [{ message: GENERIC_ERROR }] };
    }
  }

  const context = (body: unknown): { product: z.output<typeof productFormSchema>; c: Context } => {
    const req = parse(requestSchema, body);
    const profile = profileFromForm(req.profile, fonts, allowSchemes, today());
    return { product: req.product, c: { profile, fonts, m, data, date: o.date } };
  };

  return {
    options(): Options {
      // The menus' names: the guide's title, each label sheet's own title, the paper in cm, the picture's use.
      return {
        guides: listGuides().map((g) => ({ id: g.id, title: g.title })),
        sheets: listSheetPresets().map((id) => ({ id, title: loadSheetPreset(id).title })),
        posterSizes: Object.keys(POSTER_PAPER).map((id) => ({ id, title: choiceTitles.posterSize[id as PosterSize] })),
        imagePresets: Object.entries(IMAGE_PRESETS).map(([id, px]) => ({ id, title: `${choiceTitles.imagePreset[id as ImagePreset]} ${px.width} × ${px.height}`, width: px.width, height: px.height })),
      };
    },

    preview(profile: unknown, product: unknown): Promise<Result<EnginePreview>> {
      return answer(async () => {
        const { product: p, c } = context({ profile, product });
        const shot = await preview(p, c, { allPages: true });
        return { pngs: shot.pngs, notices: shot.notices, ...(shot.batch ? { batch: shot.batch } : {}) };
      });
    },

    /** Makes the file in memory; `progress` hears a batch item by item, in the clerk's unit. */
    make(profile: unknown, product: unknown, progress: (done: number, total: number, unit?: string) => void = () => {}): Promise<Result<EngineMade>> {
      return answer(async () => {
        const { product: p, c } = context({ profile, product });
        const made = await prepare(p, c)(progress);
        return { fileName: made.fileName, type: made.type, bytes: made.bytes, notices: made.notices, ...(made.contents ? { contents: made.contents } : {}) };
      });
    },

    loadData(name: string, bytes: Uint8Array, kind: DataKind): Promise<Result<EngineData>> {
      return answer(async () => {
        if (bytes.length > MAX_UPLOAD_BYTES) {
          throw new UserError({ field: 'data', message: `tệp quá lớn (nhiều nhất ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`, hint: `chia bảng thành nhiều tệp nhỏ hơn, mỗi tệp không quá ${MAX_ROWS} dòng` });
        }
        const { id, data: stored, warnings } = await data.add(kind === 'classes' ? 'classes' : 'blocks', name, bytes, fonts);
        return { dataId: id, name: stored.name, rows: stored.rows.length, warnings };
      });
    },

    profileYaml(profile: unknown): Promise<Result<string>> {
      return answer(() => formToYaml(parse(z.object({ profile: profileFormSchema }), { profile }).profile).yaml);
    },

    loadProfile(fileName: string, bytes: Uint8Array): Promise<Result<EngineProfile>> {
      return answer(() => {
        const name = fileName.split(/[\\/]/).pop() || 'ho-so.yaml';
        if (bytes.length > MAX_PROFILE_BYTES) {
          throw new UserError({ field: 'profileFile', message: 'tệp hồ sơ quá lớn (hơn 256 KB)', hint: 'tệp hồ sơ chỉ cần vài dòng; kiểm tra xem có chọn nhầm tệp không' });
        }
        // Decoded as the command line decodes --unit: an image or a file in another encoding is refused for what it is.
        let decoded: { text: string; warnings: string[] };
        try {
          decoded = decodeTextFile(asBuffer(bytes), name);
        } catch (err) {
          throw err instanceof UserError ? new UserError(err.problems.map((p) => ({ ...p, field: 'profileFile' }))) : err;
        }
        const form = yamlToForm(decoded.text, name, fonts, allowSchemes, today());
        return { ...form, warnings: [...decoded.warnings, ...form.warnings] };
      });
    },
  };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  // Our page keeps every box within its length; a text too long (pasted past the box) is named
  // by its box. Anything else only a page other than ours sends, and zod's own (English) words
  // are not for the clerk.
  throw new UserError(
    r.error.issues.slice(0, 10).map((i) => {
      const field = i.path.join('.').replace(/^profile\./, '') || undefined;
      if (i.code === 'too_big' && i.origin === 'string') return { field, message: `dài quá ${Number(i.maximum).toLocaleString('vi-VN')} ký tự`, hint: 'rút gọn lại' };
      return { field, message: 'dữ liệu không đúng mẫu', hint: 'tải lại trang rồi thử lần nữa' };
    }),
  );
}
