declare module 'vneid:assets' {
  import type { FontId } from '../layout/fonts.js';
  export const fonts: Record<FontId, Uint8Array>;
  export const guides: { file: string; text: string }[];
  export const reminder: { file: string; text: string };
  export const sheets: { name: string; file: string; text: string }[];
}
