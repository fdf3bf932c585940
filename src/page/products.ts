import { zipSync } from 'fflate';
import { z } from 'zod';
import { memorySink, type Batch } from '../batch/batch.js';
import { handoutBatch, handoutLayoutOptions, PRINT_ROOM_FILE, type HandoutRequest } from '../batch/handout-batch.js';
import { stickerBatch, stickerPdfName } from '../batch/sticker-batch.js';
import { findGuide, renderGuide } from '../content/guides.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { layoutOneDocument, type OneDocument } from '../export/one-document.js';
import { exportDocument, type ExportedFile } from '../export/render.js';
import type { Page } from '../layout/display-list.js';
import { PAPER_NAMES, POSTER_PAPER, type PaperName, type PosterSize } from '../layout/page-sizes.js';
import { listSheetPresets, loadSheetPreset } from '../layout/sheet-preset.js';
import { paintRaster } from '../paint/raster.js';
import { layoutHandout } from '../products/handout.js';
import { IMAGE_PRESETS, type ImagePreset } from '../products/screen-image.js';
import { stickerReminder, stickerSheetCount, stickerSheets, type StickerRow, type StickerSheetInput } from '../products/sticker-sheet.js';
import type { UnitContext } from '../products/unit-context.js';
import { asUploadProblems, type ClassRow, type DataStore } from './data-store.js';

const PRODUCTS = ['leaflet', 'poster', 'image', 'stickers', 'handout'] as const;

/** What to make, as the page's second half sends it. Every value is checked; nothing reaches a path. */
export const productFormSchema = z.object({
  product: z.enum(PRODUCTS, { error: 'chưa chọn loại sản phẩm' }),
  guide: z.string().max(100).default('kich-hoat'),
  format: z.enum(['pdf', 'png']).default('pdf'),
  size: z.enum(PAPER_NAMES as [string, ...string[]]).default('a5'),
  posterSize: z.enum(Object.keys(POSTER_PAPER) as [string, ...string[]]).default('a2'),
  landscape: z.boolean().default(false),
  preset: z.enum(Object.keys(IMAGE_PRESETS) as [string, ...string[]]).default('social-square'),
  sheet: z.string().max(100).default('a4-2x4'),
  twoUp: z.boolean().default(false),
  /** Leaflets and handouts: body text of 14 pt or more, on A4. */
  largePrint: z.boolean().default(false),
  grayscale: z.boolean().default(false),
  /** Handouts: every class as many times as its `students` column says (for the print room). */
  allCopies: z.boolean().default(false),
  dataId: z.string().max(100).optional(),
});
export type ProductForm = z.output<typeof productFormSchema>;

export interface Made {
  /** ASCII only, safe in a Content-Disposition header. */
  fileName: string;
  type: string;
  bytes: Buffer;
  /** What the clerk should know about the file (the leaflet took both sides; the pictures come zipped). */
  notices: string[];
  /** How much the file holds, in the clerk's words: 125 "tờ" of stickers, 2 "trang", 2 "ảnh". */
  contents?: { count: number; unit: string };
}

/** The unit as the form gives it (a logo when one is loaded), the uploaded tables and the PDFs' date. */
export interface Context extends UnitContext {
  data: DataStore;
  /** SOURCE_DATE_EPOCH, read as the command line reads it, so the same request gives the same bytes. */
  date?: Date;
}

/** `done` of `total`, counted in `unit` as the clerk gave them ("tòa nhà", "lớp"); no unit for a single file. */
export type Progress = (done: number, total: number, unit?: string) => void;

/** Sample rows so a sticker or handout can be previewed before any spreadsheet is uploaded. */
const SAMPLE_BLOCK: StickerRow = { line: 2, block: 'Tòa nhà mẫu', address: 'Địa chỉ tòa nhà' };
const SAMPLE_CLASS: ClassRow = { line: 2, dataFile: 'mẫu', name: '6A', teacher: 'Giáo viên chủ nhiệm', copies: 1 };

function sheet(name: string) {
  if (!listSheetPresets().includes(name)) throw new UserError({ field: 'sheet', message: `không có khổ giấy "${name}"`, hint: `chọn một trong: ${listSheetPresets().join(', ')}` });
  return loadSheetPreset(name);
}

function guide(id: string, profile: UnitProfile) {
  return renderGuide(findGuide(id), profile);
}

function needData(kind: 'blocks' | 'classes'): UserError {
  return new UserError({
    field: 'data',
    message: kind === 'blocks' ? 'chưa chọn bảng các tòa nhà' : 'chưa chọn bảng các lớp',
    hint: kind === 'blocks' ? 'chọn tệp .xlsx hoặc .csv có cột "Tòa nhà" (và "Địa chỉ", "Đường link" nếu có)' : 'chọn tệp .xlsx hoặc .csv có cột "Lớp" (và "GVCN", "SĐT", "Zalo", "Sĩ số" nếu có)',
  });
}

function stickerInput(p: ProductForm, c: Context, sample: boolean): StickerSheetInput {
  const data = c.data.get(p.dataId, 'blocks');
  if (!data && !sample) throw needData('blocks');
  return {
    profile: c.profile,
    rows: (data?.rows as StickerRow[] | undefined) ?? [SAMPLE_BLOCK],
    preset: sheet(p.sheet),
    reminder: stickerReminder(c.profile),
    dataFile: data?.name ?? 'mẫu',
  };
}

/** The handouts as the form asks for them; large print is one copy to an A4 sheet, so it cannot also be two-up. */
function handoutRequest(p: ProductForm, c: Context): HandoutRequest {
  return { guide: guide(p.guide, c.profile), grayscale: p.grayscale, twoUp: p.twoUp && !p.largePrint, largePrint: p.largePrint, bleedMm: 0 };
}

/** The one-document products, laid out by the module the CLI commands call, from the same request. */
function layoutSimple(p: ProductForm, c: Context): OneDocument {
  const info = findGuide(p.guide);
  switch (p.product) {
    case 'leaflet':
      return layoutOneDocument({ product: 'leaflet', guide: info, size: p.size as PaperName, largePrint: p.largePrint }, c);
    case 'poster':
      return layoutOneDocument({ product: 'poster', guide: info, size: p.posterSize as PosterSize, landscape: p.landscape, bleedMm: 0 }, c);
    case 'image':
      return layoutOneDocument({ product: 'image', guide: info, px: IMAGE_PRESETS[p.preset as ImagePreset], preset: p.preset }, c);
    default:
      throw new Error(`not a one-document product: ${p.product}`);
  }
}

/** Preview images are at most this many pixels on their long side. */
const PREVIEW_PX = 900;

function previewDpi(page: Page): number {
  return Math.max(10, Math.min(110, Math.floor((PREVIEW_PX * 72) / Math.max(page.width, page.height))));
}

export interface Preview {
  /** Page 1 as a PNG. */
  png: Buffer;
  /** Every page drawn, in order (only page 1 unless all pages were asked for). */
  pngs: Buffer[];
  dpi: number;
  /** Pages of what would be made (a two-sided leaflet has 2, a handout its front and back; stickers 1, their first sheet). */
  pages: number;
  notices: string[];
  /** For a batch, what the pages stand for: its first sheet or class, or a sample row before any table. */
  batch?: PreviewBatch;
}

export interface PreviewBatch {
  /** No table yet: the pages show a made-up building or class. */
  sample: boolean;
  /** What the file will hold, in `unit`: sheets of stickers ("tờ"), classes ("lớp"). */
  total: number;
  unit: string;
  /** The class shown (handouts). */
  first?: string;
}

/**
 * What would be made, as small PNGs: page 1, or every page when asked (a leaflet's
 * two sides, a handout's front and back; of a sticker batch its first sheet).
 * Stickers and handouts use a sample row until a table is uploaded.
 */
export async function preview(p: ProductForm, c: Context, o: { allPages?: boolean } = {}): Promise<Preview> {
  let pages: Page[];
  let notices: string[] = [];
  let batch: PreviewBatch | undefined;
  if (p.product === 'stickers') {
    const input = stickerInput(p, c, true);
    pages = [stickerSheets(input, c.m).next().value!.page];
    batch = { sample: !c.data.get(p.dataId, 'blocks'), total: stickerSheetCount(input.rows.length, input.preset), unit: 'tờ' };
  } else if (p.product === 'handout') {
    const data = c.data.get(p.dataId, 'classes');
    const rows = data?.rows as ClassRow[] | undefined;
    const cls = rows?.[0] ?? SAMPLE_CLASS;
    pages = layoutHandout(cls, await handoutLayoutOptions(handoutRequest(p, c), c), c.m);
    batch = { sample: !data, total: rows?.length ?? 1, unit: 'lớp', first: cls.name };
  } else {
    ({ doc: { pages }, notices } = layoutSimple(p, c));
  }
  const dpi = previewDpi(pages[0]!);
  // Both sides at once: libvips renders each on threads of its own.
  const pngs = await Promise.all((o.allPages ? pages : pages.slice(0, 1)).map((page) => paintRaster(page, c.fonts, 'png', dpi)));
  return { png: pngs[0]!, pngs, dpi, pages: pages.length, notices, ...(batch ? { batch } : {}) };
}

/**
 * Checks what can be checked at once (guide, sheet, uploaded table) and returns
 * the work that makes the file in memory; batches report progress page by page.
 * Batches are the command line's (src/batch/), written to memory: the stickers
 * are its sticker PDF; the handouts its print room's PDF, with every copy or
 * one of each class.
 */
export function prepare(p: ProductForm, c: Context): (progress?: Progress) => Promise<Made> {
  if (p.product === 'stickers') {
    const input = stickerInput(p, c, false);
    const made = () => stickerBatch(input, c, { pictures: false, date: c.date });
    // The batch counts sheets; the clerk gave buildings, and hears of them.
    const perSheet = input.preset.columns * input.preset.rows;
    const rows = input.rows.length;
    return (progress = () => {}) =>
      runBatch(made, input.dataFile, stickerPdfName(input.preset), stickerPdfName(input.preset), (done) => progress(Math.min(rows, done * perSheet), rows, 'tòa nhà'));
  }
  if (p.product === 'handout') {
    const data = c.data.get(p.dataId, 'classes');
    if (!data) throw needData('classes');
    const made = () => handoutBatch(data.rows as ClassRow[], handoutRequest(p, c), c, { classFiles: false, pictures: false, copies: p.allCopies ? 'students' : 'one', date: c.date });
    return (progress = () => {}) => runBatch(made, data.name, PRINT_ROOM_FILE, p.allCopies ? 'to-phu-huynh-du-so-ban.pdf' : 'to-phu-huynh-cac-lop.pdf', (done, total) => progress(done, total, 'lớp'));
  }
  const { doc, dpi, fileName, notices } = layoutSimple(p, c);
  return async (progress = () => {}) => {
    progress(0, 1);
    const files = await exportDocument(doc, c.fonts, fileName(p.format), { format: p.format, dpi, date: c.date });
    progress(1, 1);
    if (files.length === 1) {
      const contents = p.format === 'png' ? { count: 1, unit: 'ảnh' } : { count: doc.pages.length, unit: 'trang' };
      return { fileName: files[0]!.name, type: p.format === 'png' ? 'image/png' : 'application/pdf', bytes: files[0]!.bytes, notices, contents };
    }
    return zipped(files, c.date, notices);
  };
}

/**
 * Runs a batch into memory and sends the one file the page asks for. Problems
 * in the uploaded table (named by its file) are shown under the upload.
 */
async function runBatch<R extends { sheets: number; notices?: string[] }>(make: () => Batch<R> | Promise<Batch<R>>, table: string, file: string, fileName: string, progress: Progress): Promise<Made> {
  const sink = memorySink();
  const { sheets, notices } = await asUploadProblems(async () => (await make()).run(sink, { progress }), (p) => p.file === table);
  return { fileName, type: 'application/pdf', bytes: sink.file(file), notices: notices ?? [], contents: { count: sheets, unit: 'tờ' } };
}

/**
 * The pictures of a two-sided leaflet, front and back, in one .zip (a browser
 * download is one file), each named and made as the command line names and
 * makes them; the clerk is told what is inside.
 */
function zipped(files: ExportedFile[], date: Date | undefined, notices: string[]): Made {
  const name = files[0]!.name.replace(/\.png$/, files.length === 2 ? '-hai-mat.zip' : `-${files.length}-trang.zip`);
  // PNG is compressed already; a fixed time keeps the archive the same on every run (ZIP dates start in 1980).
  const mtime = new Date(Math.max((date ?? new Date(0)).getTime(), new Date(1980, 0, 1).getTime()));
  const bytes = Buffer.from(zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])), { level: 0, mtime }));
  const inside = files.length === 2 ? `ảnh mặt trước (${files[0]!.name}) và ảnh mặt sau (${files[1]!.name})` : `${files.length} ảnh, mỗi trang một ảnh`;
  return {
    fileName: name,
    type: 'application/zip',
    bytes,
    notices: [...notices, `tệp tải về là tệp nén ${name}, trong có ${inside}; giải nén để gửi hoặc in từng ảnh`],
    contents: { count: files.length, unit: 'ảnh' },
  };
}
