import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { decodeTextFile } from '../content/decode-text.js';
import { listGuides } from '../content/guides.js';
import { UserError } from '../errors.js';
import { loadFonts } from '../layout/fonts.js';
import { createMeasurer } from '../layout/measure.js';
import { POSTER_PAPER, type PosterSize } from '../layout/page-sizes.js';
import { listSheetPresets, loadSheetPreset } from '../layout/sheet-preset.js';
import { choiceTitles } from '../products/catalog.js';
import { IMAGE_PRESETS, type ImagePreset } from '../products/screen-image.js';
import { DataStore, MAX_ROWS, MAX_UPLOAD_BYTES } from './data-store.js';
import { GENERIC_ERROR, Jobs } from './jobs.js';
import { prepare, preview, productFormSchema, type Context, type Made } from './products.js';
import { formToYaml, profileFormSchema, profileFromForm, toFieldError, yamlToForm } from './profile-form.js';
import { todayFrom } from '../content/deadline.js';
import { sourceDate } from '../export/source-date.js';

/** The page's files: HTML and CSS from the package's web/ folder, the script as the build compiles it (both two levels up from src/server and dist/server). */
const WEB_DIR = new URL('../../web/', import.meta.url);
const WEB_SCRIPT_DIR = new URL('../../dist/web/', import.meta.url);

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the page has no login, so it must never be reachable from the network. */
  host?: string;
  /** Link schemes QR codes may use besides http(s) (--allow-scheme), already checked. */
  allowSchemes?: string[];
  /** The PDFs' date; by default SOURCE_DATE_EPOCH, as the command line reads it. */
  date?: Date;
  /** Where unexpected errors are written (they never reach the page). */
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];
const MAX_PROFILE_UPLOAD = 256 * 1024;

const requestSchema = z.object({ profile: profileFormSchema, product: productFormSchema });
const profileOnlySchema = z.object({ profile: profileFormSchema });

/** Starts the clerk's web page on the loopback interface. Nothing is written to disk: uploads are read from memory. */
export async function startServer(o: ServerOptions = {}): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  if (!LOOPBACK.includes(host)) throw new UserError({ field: '--host', message: `trang web chỉ mở trên máy này (127.0.0.1), không mở ra mạng ở "${host}"`, hint: 'bỏ tuỳ chọn địa chỉ' });
  const log = o.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const fonts = loadFonts();
  const m = createMeasurer(fonts);
  const allowSchemes = o.allowSchemes ?? [];
  const date = o.date ?? sourceDate();
  const data = new DataStore(allowSchemes);
  const jobs = new Jobs();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  let port = 0;

  // Another web site open in the same browser must not be able to drive this page (DNS rebinding).
  app.use((req, res, next) => {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) {
      res.status(403).json({ errors: [{ message: 'chỉ mở trang này bằng địa chỉ http://127.0.0.1 trên chính máy này' }] });
      return;
    }
    // Nor post to it from another page: browsers name the page a request comes from.
    const origin = req.headers.origin;
    if (origin && !allowed.some((h) => origin === `http://${h}`)) {
      res.status(403).json({ errors: [{ message: 'yêu cầu đến từ trang web khác, không được nhận' }] });
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // The page is static files, served as they are: web/ (HTML, CSS) and its script compiled to dist/web/.
  app.get('/', (_req, res) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    res.sendFile(fileURLToPath(new URL('index.html', WEB_DIR)));
  });
  app.get('/style.css', (_req, res) => res.sendFile(fileURLToPath(new URL('style.css', WEB_DIR))));
  app.get('/favicon.svg', (_req, res) => res.sendFile(fileURLToPath(new URL('favicon.svg', WEB_DIR))));
  // The page's compiled scripts, by name only: nothing else in dist/ is served.
  for (const script of ['app.js', 'backend.js']) app.get(`/${script}`, (_req, res) => res.sendFile(fileURLToPath(new URL(script, WEB_SCRIPT_DIR))));
  // The page names its icon (favicon.svg); a browser that still asks for the old name gets nothing rather than a 404.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());

  app.get('/api/options', (_req, res) => {
    res.json({
      guides: listGuides().map((g) => ({ id: g.id, title: g.title })),
      sheets: listSheetPresets(),
      // The menus' names: each label sheet's own title, the paper in cm, the picture's use.
      sheetChoices: listSheetPresets().map((id) => ({ id, title: loadSheetPreset(id).title })),
      posterSizes: Object.keys(POSTER_PAPER),
      posterChoices: Object.keys(POSTER_PAPER).map((id) => ({ id, title: choiceTitles.posterSize[id as PosterSize] })),
      imagePresets: Object.entries(IMAGE_PRESETS).map(([id, px]) => ({ id, title: `${choiceTitles.imagePreset[id as ImagePreset]} ${px.width} × ${px.height}`, width: px.width, height: px.height })),
      maxUploadBytes: MAX_UPLOAD_BYTES,
      maxRows: MAX_ROWS,
    });
  });

  const json = express.json({ limit: '300kb' });
  const context = (body: unknown) => {
    const req = parse(requestSchema, body);
    const profile = profileFromForm(req.profile, fonts, allowSchemes, todayFrom(process.env, new Date()));
    return { product: req.product, c: { profile, fonts, m, data, date } satisfies Context };
  };

  // Page 1 as a PNG; with "pages": "all", every page and what they stand for as multipart/form-data
  // (a "meta" JSON part, then one "page" part per PNG), which the browser's Response.formData() reads.
  app.post('/api/preview', json, async (req, res) => {
    const { product, c } = context(req.body);
    const all = (req.body as { pages?: unknown }).pages === 'all';
    const shot = await preview(product, c, { allPages: all });
    if (all) {
      const meta = { dpi: shot.dpi, pages: shot.pages, notices: shot.notices, batch: shot.batch };
      const parts = [{ name: 'meta', type: 'application/json', body: Buffer.from(JSON.stringify(meta)) }, ...shot.pngs.map((png, i) => ({ name: 'page', file: `trang-${i + 1}.png`, type: 'image/png', body: png }))];
      const { type, body } = multipart(parts);
      return void res.type(type).send(body);
    }
    res.setHeader('X-Preview-Dpi', String(shot.dpi));
    res.setHeader('X-Preview-Pages', String(shot.pages));
    res.setHeader('X-Notices', noticesHeader(shot.notices));
    res.type('png').send(shot.png);
  });

  app.post('/api/generate', json, async (req, res) => {
    const { product, c } = context(req.body);
    sendFile(res, await prepare(product, c)());
  });

  app.post('/api/jobs', json, (req, res) => {
    const { product, c } = context(req.body);
    const run = prepare(product, c);
    const job = jobs.start(run, (err) => log(`vneid-print serve: ${(err as Error)?.stack ?? String(err)}`));
    res.status(202).json({ id: job.id });
  });

  app.get('/api/jobs/:id', (req, res) => {
    const job = jobs.get(String(req.params.id));
    if (!job) throw new UserError({ message: 'không tìm thấy việc này (có thể đã quá 15 phút)', hint: 'bấm tải về lần nữa' });
    const r = job.result;
    res.json({ state: job.state, done: job.done, total: job.total, unit: job.unit, errors: job.errors, fileName: r?.fileName, notices: r?.notices, contents: r?.contents });
  });

  app.get('/api/jobs/:id/file', (req, res) => {
    const job = jobs.get(String(req.params.id));
    if (!job?.result) throw new UserError({ message: 'tệp chưa sẵn sàng hoặc đã quá 15 phút', hint: 'bấm tải về lần nữa' });
    sendFile(res, job.result);
  });

  const upload = (limit: number, field: string) => {
    const receive = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 1000, parts: 6 } }).single('file');
    // Besides its own limit errors, multer passes on what the multipart parser says of a
    // body cut short or garbled: the request's fault, not the program's.
    return (req: Request, res: Response, next: NextFunction) =>
      receive(req, res, (err?: unknown) => next(err && !(err instanceof multer.MulterError) ? brokenUpload(field) : err));
  };

  app.post('/api/data', upload(MAX_UPLOAD_BYTES, 'data'), async (req, res) => {
    const kind = req.body?.kind === 'classes' ? 'classes' : 'blocks';
    if (!req.file) throw new UserError({ field: 'data', message: 'chưa chọn tệp', hint: 'chọn tệp .xlsx hoặc .csv' });
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
    const { id, data: stored, warnings } = await data.add(kind, name, req.file.buffer, fonts);
    res.json({ dataId: id, kind, name: stored.name, rows: stored.rows.length, warnings });
  });

  app.post('/api/profile/yaml', json, (req, res) => {
    const { profile } = parse(profileOnlySchema, req.body);
    const { yaml } = formToYaml(profile);
    res.setHeader('Content-Disposition', 'attachment; filename="ho-so-don-vi.yaml"');
    res.type('text/yaml; charset=utf-8').send(yaml);
  });

  app.post('/api/profile/load', upload(MAX_PROFILE_UPLOAD, 'profileFile'), (req, res) => {
    if (!req.file) throw new UserError({ field: 'profileFile', message: 'chưa chọn tệp hồ sơ', hint: 'chọn tệp .yaml đã lưu' });
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8').split(/[\\/]/).pop() || 'ho-so.yaml';
    // Decoded as the command line decodes --unit: an image or a file in another encoding is
    // refused for what it is (read leniently, its replacement characters made it look too large).
    let decoded: { text: string; warnings: string[] };
    try {
      decoded = decodeTextFile(req.file.buffer, name);
    } catch (err) {
      throw err instanceof UserError ? new UserError(err.problems.map((p) => ({ ...p, field: 'profileFile' }))) : err;
    }
    const form = yamlToForm(decoded.text, name, fonts, allowSchemes, todayFrom(process.env, new Date()));
    res.json({ ...form, warnings: [...decoded.warnings, ...form.warnings] });
  });

  app.use('/api', (_req, res) => void res.status(404).json({ errors: [{ message: 'không có địa chỉ này' }] }));
  app.use((_req, res) => void res.status(404).type('html').send(NOT_FOUND_HTML));

  // Input problems become 400 with their fields; anything else is logged, answered with a
  // plain message, and the server goes on serving.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof UserError) return void res.status(400).json({ errors: err.problems.map(toFieldError) });
    if (err instanceof multer.MulterError) return void res.status(400).json({ errors: [multerProblem(err, req.path)] });
    const status = (err as { status?: number; type?: string })?.status;
    if (status && status >= 400 && status < 500) {
      const tooLarge = status === 413;
      return void res.status(status).json({ errors: [{ message: tooLarge ? 'dữ liệu gửi lên quá lớn' : 'dữ liệu gửi lên không đọc được', hint: 'tải lại trang rồi thử lần nữa' }] });
    }
    log(`vneid-print serve: ${(err as Error)?.stack ?? String(err)}`);
    res.status(500).json({ errors: [{ message: GENERIC_ERROR }] });
  });

  const server = app.listen(o.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UserError({ field: '--port', message: `cổng ${o.port} đang được chương trình khác dùng`, hint: 'chọn cổng khác, ví dụ --port 8090, hoặc bỏ --port' }) : err),
    );
  });
  port = (server.address() as AddressInfo).port;
  server.requestTimeout = 10 * 60 * 1000;
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  // Our page keeps every box within its length; a text too long (pasted past the box, from an
  // old page) is named by its box. Anything else only a page other than ours sends, and zod's
  // own (English) words are not for the clerk.
  throw new UserError(
    r.error.issues.slice(0, 10).map((i) => {
      const field = i.path.join('.').replace(/^profile\./, '') || undefined;
      if (i.code === 'too_big' && i.origin === 'string') return { field, message: `dài quá ${Number(i.maximum).toLocaleString('vi-VN')} ký tự`, hint: 'rút gọn lại' };
      return { field, message: 'dữ liệu gửi lên không đúng mẫu', hint: 'tải lại trang rồi thử lần nữa' };
    }),
  );
}

/** A multipart/form-data body: named parts, files among them. */
function multipart(parts: { name: string; file?: string; type: string; body: Buffer }[]): { type: string; body: Buffer } {
  const boundary = `vneid-print-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.file ? `; filename="${p.file}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${p.type}\r\n\r\n`), p.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** Headers carry ASCII only: the notices go as percent-encoded JSON (the page decodes them). */
function noticesHeader(notices: string[]): string {
  return encodeURIComponent(JSON.stringify(notices));
}

function sendFile(res: Response, made: Made) {
  const name = made.fileName.replace(/[^A-Za-z0-9._-]/g, '-');
  res.setHeader('X-Notices', noticesHeader(made.notices));
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.type(made.type).send(made.bytes);
}

const NOT_FOUND_HTML = '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Không có trang này</title><p>Không có trang này. <a href="/">Về trang chính</a></p></html>';

function brokenUpload(field: string): UserError {
  return new UserError({ field, message: 'tệp gửi lên bị đứt giữa chừng hoặc không đúng cách', hint: 'chọn lại tệp rồi thử lần nữa' });
}

function multerProblem(err: InstanceType<typeof multer.MulterError>, path: string) {
  const profile = path === '/api/profile/load';
  const field = profile ? 'profileFile' : 'data';
  if (err.code === 'LIMIT_FILE_SIZE') {
    return profile
      ? { field, message: 'tệp hồ sơ quá lớn (hơn 256 KB)', hint: 'tệp hồ sơ chỉ cần vài dòng; kiểm tra xem có chọn nhầm tệp không' }
      : { field, message: `tệp quá lớn (nhiều nhất ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`, hint: `chia bảng thành nhiều tệp nhỏ hơn, mỗi tệp không quá ${MAX_ROWS} dòng` };
  }
  return { field, message: 'tệp gửi lên không đúng cách (chỉ gửi một tệp mỗi lần)', hint: 'chọn lại tệp rồi thử lần nữa' };
}
