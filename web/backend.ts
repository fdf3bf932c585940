// What the page asks of whatever makes the products: the library itself,
// running in the page (in-page-backend.ts). The page calls only these functions.

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

export interface Options {
  guides: { id: string; title: string }[];
  sheets: string[];
  posterSizes: string[];
  imagePresets: { id: string; width: number; height: number }[];
}

/** Either what was asked for, or the problems to show next to their fields. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface Preview {
  /** Page 1 as a PNG. */
  png: Blob;
  /** Pages the product has (a two-sided leaflet: 2). */
  pages: number;
  /** Choices the layout made that the user should hear about. */
  notices: string[];
}

export interface Made {
  fileName: string;
  blob: Blob;
  notices: string[];
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
  /** Makes the file; `progress` hears how far a batch has come (items done of total). */
  make(profile: ProfileForm, product: ProductRequest, progress: (done: number, total: number) => void): Promise<Result<Made>>;
  loadData(file: File, kind: DataKind): Promise<Result<LoadedData>>;
  profileYaml(profile: ProfileForm): Promise<Result<Blob>>;
  loadProfile(file: File): Promise<Result<LoadedProfile>>;
}
