import type { OutputFormat } from '../export/render.js';

/**
 * What each product is, in one place: its name for people, which guides it
 * takes, its files' formats, names and resolution, and its type floors. The command line and the web page both read it, so
 * they cannot drift apart.
 */
export interface ProductDescriptor {
  id: ProductId;
  /** Plain Vietnamese, for menus and messages. */
  name: string;
  /** 'any' shipped guide, or the one guide it always prints. */
  guides: 'any' | 'kich-hoat';
  defaultGuide: string;
  formats: readonly OutputFormat[];
  defaultFormat: OutputFormat;
  /** Resolution of its pictures, dots per inch. */
  dpi: number;
  /** The smallest text and the body text, in points (posters: on A2), where the layout enforces them. */
  floors?: { min: number; body: number };
}

export type ProductId = 'leaflet' | 'poster' | 'image' | 'banner' | 'stickers' | 'handout';

const PRINT: readonly OutputFormat[] = ['pdf', 'png', 'jpg', 'webp'];

export const PRODUCTS: Record<ProductId, ProductDescriptor> = {
  leaflet: { id: 'leaflet', name: 'Tờ hướng dẫn (tờ rơi)', guides: 'any', defaultGuide: 'kich-hoat', formats: PRINT, defaultFormat: 'pdf', dpi: 200, floors: { min: 9, body: 10 } },
  poster: { id: 'poster', name: 'Áp phích', guides: 'any', defaultGuide: 'kich-hoat', formats: PRINT, defaultFormat: 'pdf', dpi: 150, floors: { min: 18, body: 36 } },
  image: { id: 'image', name: 'Ảnh cho Facebook, Zalo, màn hình LED', guides: 'any', defaultGuide: 'kich-hoat', formats: ['png', 'jpg', 'webp'], defaultFormat: 'png', dpi: 96 },
  banner: { id: 'banner', name: 'Băng rôn', guides: 'kich-hoat', defaultGuide: 'kich-hoat', formats: ['pdf'], defaultFormat: 'pdf', dpi: 72 },
  stickers: { id: 'stickers', name: 'Tem mã QR dán ở chung cư', guides: 'kich-hoat', defaultGuide: 'kich-hoat', formats: ['pdf'], defaultFormat: 'pdf', dpi: 300, floors: { min: 7, body: 7.5 } },
  handout: { id: 'handout', name: 'Tờ phát cho phụ huynh', guides: 'kich-hoat', defaultGuide: 'kich-hoat', formats: ['pdf'], defaultFormat: 'pdf', dpi: 200, floors: { min: 9, body: 10 } },
};

/** File names people recognise, without accents: "to-roi-kich-hoat-a5.pdf". */
export const fileNames = {
  leaflet: (guide: string, size: string, largePrint: boolean, format: OutputFormat) => `to-roi-${guide}-${largePrint ? 'chu-to' : size}.${format}`,
  poster: (guide: string, size: string, landscape: boolean, format: OutputFormat, tile?: string) => `ap-phich-${guide}-${size}${landscape ? '-ngang' : ''}${tile ? `-ghep-${tile}` : ''}.${format}`,
  image: (guide: string, preset: string, format: OutputFormat) => `anh-${guide}-${preset}.${format}`,
} as const;
