declare module 'vneid:assets' {
  import type { FontId } from '../layout/fonts.js';
  export const fonts: Record<FontId, Uint8Array>;
  export const guides: { file: string; text: string; compiled: TemplateSpecification }[];
  export const reminder: { file: string; text: string; compiled: TemplateSpecification };
  export const sheets: { name: string; file: string; text: string }[];
}
