// The messages between the page (web/in-page-backend.ts) and its engine
// (engine.ts, in a Web Worker or, where a worker cannot start, in the page).

/** What the page asks; `id` pairs each answer with its question. */
export type Ask =
  | { id: number; op: 'init'; args: { allowSchemes: string[]; today?: string } }
  | { id: number; op: 'options'; args: Record<string, never> }
  | { id: number; op: 'preview'; args: { profile: unknown; product: unknown } }
  | { id: number; op: 'make'; args: { profile: unknown; product: unknown } }
  | { id: number; op: 'loadData'; args: { name: string; bytes: Uint8Array; kind: 'blocks' | 'classes' } }
  | { id: number; op: 'profileYaml'; args: { profile: unknown } }
  | { id: number; op: 'loadProfile'; args: { name: string; bytes: Uint8Array } };

/** What the engine says: an answer, a batch's progress, or a picture it needs drawn. */
export type Tell =
  | { id: number; answer: unknown }
  | { id: number; progress: [done: number, total: number, unit: string] }
  | { draw: number; svg: string; format: 'png' | 'jpg' | 'webp' | 'grey'; dpi: number };

/** The page's reply to a `draw`: the encoded file, or grey levels. */
export type Drawn = { drawn: number; bytes?: Uint8Array; grey?: { data: Uint8ClampedArray; width: number; height: number }; error?: string };

/** The engine loaded into the page itself (no worker): the same messages, passed directly. */
export interface InPageEngine {
  connect(tell: (message: Tell) => void): (message: Ask | Drawn) => void;
}
