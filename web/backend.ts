// What the page asks of whatever makes the products: the library itself,
// running in the page (in-page-backend.ts). The page calls only these functions.
// The shapes are written out here rather than imported from src/page: the page is
// type-checked with the browser's library alone, and the engine's modules reach
// Node's and fontkit's types (in-page-backend.ts turns one into the other).

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
