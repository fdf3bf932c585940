// What the page asks of whatever makes the products: today the local server
// (vneid-print serve) over HTTP. The page calls only these functions, so the
// engine can move into the page itself without the page changing.

export interface FieldError {
  field?: string;
  message: string;
  hint?: string;
  line?: number;
}

export interface Venue {
  name: string;
  address: string;
  hours: string;
}

export type DataKind = 'blocks' | 'classes';

/** The unit's details as the form holds them; `rest` carries what a loaded profile has beyond the form. */
export interface ProfileForm {
  unit: { name: string; parent: string };
  contact: { name: string; title: string; phone: string };
  deadline: string;
  venues: Venue[];
  rest: unknown;
}

/** What to make, as the form's second half says it. */
export interface ProductRequest {
  product: string;
  guide: string;
  format: string;
  size: string;
  posterSize: string;
  landscape: boolean;
  preset: string;
  sheet: string;
  twoUp: boolean;
  grayscale: boolean;
  largePrint: boolean;
  allCopies: boolean;
  dataId?: string;
}

/** One entry of a menu: the id the request carries, the name the clerk reads. */
export interface Choice {
  id: string;
  title: string;
}

export interface Options {
  guides: Choice[];
  /** Label sheets by their own titles ("A4 decal, 8 nhãn 99,1 × 67,7 mm …"). */
  sheets: Choice[];
  /** "A2 (42 × 59,4 cm)". */
  posterSizes: Choice[];
  /** "Facebook/Zalo vuông 1080 × 1080". */
  imagePresets: (Choice & { width: number; height: number })[];
}

/** Either what was asked for, or the problems to show next to their fields. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface Preview {
  /** Every page as a PNG, in order: a leaflet's two sides, a handout's front and back; of a sticker batch, its first sheet. */
  pages: Blob[];
  /** Choices the layout made that the user should hear about. */
  notices: string[];
  /** For stickers and handouts: what the pages stand for. */
  batch?: PreviewBatch;
}

export interface PreviewBatch {
  /** No table loaded yet: the pages show a made-up building or class. */
  sample: boolean;
  /** What the file will hold, counted in `unit`: sheets of stickers ("tờ"), classes ("lớp"). */
  total: number;
  unit: string;
  /** The class the pages show (handouts). */
  first?: string;
}

/** How far a file has come: `done` of `total` in `unit` as the clerk gave them ("tòa nhà", "lớp"; "" for a single file). */
export type MakeProgress = (done: number, total: number, unit: string) => void;

export interface Made {
  fileName: string;
  blob: Blob;
  notices: string[];
  /** What the file holds, for the notice after the download: 125 "tờ", 2 "trang", 2 "ảnh". */
  contents?: { count: number; unit: string };
}

export interface LoadedData {
  dataId: string;
  rows: number;
  name: string;
  warnings: string[];
}

export interface LoadedProfile {
  form: ProfileForm;
  errors: FieldError[];
  warnings: string[];
}

export interface Backend {
  options(): Promise<Options>;
  preview(profile: ProfileForm, product: ProductRequest, signal: AbortSignal): Promise<Result<Preview>>;
  /** Makes the file; `progress` hears how far a batch has come. */
  make(profile: ProfileForm, product: ProductRequest, progress: MakeProgress): Promise<Result<Made>>;
  loadData(file: File, kind: DataKind): Promise<Result<LoadedData>>;
  profileYaml(profile: ProfileForm): Promise<Result<Blob>>;
  loadProfile(file: File): Promise<Result<LoadedProfile>>;
}

async function problemsOf(res: Response): Promise<FieldError[]> {
  try {
    const body = (await res.json()) as { errors?: FieldError[] };
    return body.errors || [{ message: 'lỗi không rõ' }];
  } catch {
    return [{ message: `máy chủ trả lời không đọc được (${res.status})` }];
  }
}

const postJson = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });

/** A failed request as problems; a network failure is worded for the clerk. */
async function asResult<T>(run: () => Promise<Response>, read: (res: Response) => Promise<T>, offline: FieldError): Promise<Result<T>> {
  let res: Response;
  try {
    res = await run();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return { ok: false, errors: [offline] };
  }
  if (!res.ok) return { ok: false, errors: await problemsOf(res) };
  return { ok: true, value: await read(res) };
}

const OFFLINE: FieldError = { message: 'không kết nối được máy chủ; kiểm tra cửa sổ đang chạy vneid-print serve' };

interface JobState {
  state: 'running' | 'done' | 'error';
  done: number;
  total: number;
  unit?: string;
  fileName?: string;
  errors?: FieldError[];
  notices?: string[];
  contents?: Made['contents'];
}

interface ServerOptions {
  guides: Choice[];
  sheetChoices: Choice[];
  posterChoices: Choice[];
  imagePresets: (Choice & { width: number; height: number })[];
}

/** The local server's HTTP API, at addresses relative to the page. */
export const httpBackend: Backend = {
  async options() {
    const o = (await (await fetch('api/options')).json()) as ServerOptions;
    return { guides: o.guides, sheets: o.sheetChoices, posterSizes: o.posterChoices, imagePresets: o.imagePresets };
  },

  preview(profile, product, signal) {
    return asResult(
      () => postJson('api/preview', { profile, product, pages: 'all' }, signal),
      async (res) => {
        const parts = await res.formData();
        const meta = JSON.parse(String(parts.get('meta'))) as { notices: string[]; batch?: PreviewBatch };
        return { pages: parts.getAll('page') as File[], notices: meta.notices, ...(meta.batch ? { batch: meta.batch } : {}) };
      },
      OFFLINE,
    );
  },

  async make(profile, product, progress) {
    const started = await asResult(() => postJson('api/jobs', { profile, product }), async (res) => ((await res.json()) as { id: string }).id, OFFLINE);
    if (!started.ok) return started;
    const id = encodeURIComponent(started.value);
    for (;;) {
      await new Promise((r) => setTimeout(r, 300));
      const st = await asResult(() => fetch(`api/jobs/${id}`), async (res) => (await res.json()) as JobState, OFFLINE);
      if (!st.ok) return st;
      const job = st.value;
      progress(job.done, job.total, job.unit ?? '');
      if (job.state === 'error') return { ok: false, errors: job.errors ?? [] };
      if (job.state === 'done') {
        return asResult(
          () => fetch(`api/jobs/${id}/file`),
          async (res) => ({ fileName: job.fileName ?? '', blob: await res.blob(), notices: job.notices ?? [], ...(job.contents ? { contents: job.contents } : {}) }),
          OFFLINE,
        );
      }
    }
  },

  loadData(file, kind) {
    const fd = new FormData();
    fd.append('kind', kind);
    fd.append('file', file);
    return asResult(() => fetch('api/data', { method: 'POST', body: fd }), async (res) => (await res.json()) as LoadedData, { field: 'data', message: 'không gửi được tệp lên máy chủ' });
  },

  profileYaml(profile) {
    return asResult(() => postJson('api/profile/yaml', { profile }), (res) => res.blob(), OFFLINE);
  },

  loadProfile(file) {
    const fd = new FormData();
    fd.append('file', file);
    return asResult(() => fetch('api/profile/load', { method: 'POST', body: fd }), async (res) => (await res.json()) as LoadedProfile, OFFLINE);
  },
};
