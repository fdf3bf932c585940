import type { Item, Page, TextItem } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import type { Font as FontkitFont, Glyph } from 'fontkit';
import { shapeWord, splitWords } from '../layout/shaping.js';
import { translateItems } from '../layout/translate.js';
import { qrRuns } from '../qr/matrix.js';

/** The part of the page to draw, in points. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws a page (or the part of it in `view`) as SVG with every glyph as an outline (shared through <defs>),
 * so the raster looks like the PDF on a machine without any fonts.
 */
export function paintSvg(page: Page, fonts: FontSet, pixelWidth: number, pixelHeight: number, view?: ViewBox): string {
  return framePageSvg(pageSvgContent(page, fonts), pixelWidth, pixelHeight, view ?? { x: 0, y: 0, width: page.width, height: page.height });
}

/** The page's drawing without its frame: draw it once to look at several parts of it. */
export function pageSvgContent(page: Page, fonts: FontSet): string {
  const glyphs = new Map<string, string>();
  const clips = { next: 0 };
  const body = page.items.map((item) => drawItem(item, fonts, glyphs, clips)).join('');
  const defs = [...glyphs.entries()].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('');
  return `<defs>${defs}</defs>${body}`;
}

/** An SVG document showing `view` of a drawing from pageSvgContent at the given pixel size. */
export function framePageSvg(content: string, pixelWidth: number, pixelHeight: number, view: ViewBox): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${pixelWidth}" height="${pixelHeight}" viewBox="${n(view.x)} ${n(view.y)} ${n(view.width)} ${n(view.height)}">` +
    `${content}</svg>`
  );
}

function drawItem(item: Item, fonts: FontSet, glyphs: Map<string, string>, clips: { next: number }): string {
  switch (item.type) {
    case 'rect': {
      const fill = item.fill ?? 'none';
      const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="${n(item.strokeWidth ?? 1)}"` : '';
      const r = item.radius ? ` rx="${n(item.radius)}"` : '';
      return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}"${r} fill="${fill}"${stroke}/>`;
    }
    case 'circle':
      return `<circle cx="${n(item.cx)}" cy="${n(item.cy)}" r="${n(item.r)}" fill="${item.fill}"/>`;
    case 'line': {
      const dash = item.dash ? ` stroke-dasharray="${n(item.dash[0])} ${n(item.dash[1])}"` : '';
      return `<line x1="${n(item.x1)}" y1="${n(item.y1)}" x2="${n(item.x2)}" y2="${n(item.y2)}" stroke="${item.color}" stroke-width="${n(item.width)}"${dash}/>`;
    }
    case 'text':
      return drawText(item, fonts, glyphs);
    case 'qr': {
      const cell = item.size / (item.modules.length + 2 * item.margin);
      const ox = item.x + item.margin * cell;
      const oy = item.y + item.margin * cell;
      const d = qrRuns(item.modules)
        .map((r) => `M${n(ox + r.x * cell)} ${n(oy + r.y * cell)}h${n(r.length * cell)}v${n(cell)}h${n(-r.length * cell)}z`)
        .join('');
      return `<path d="${d}" fill="${item.color}" shape-rendering="crispEdges"/>`;
    }
    case 'clip': {
      const id = `c${clips.next++}`;
      const inner = item.items.map((i) => drawItem(i, fonts, glyphs, clips)).join('');
      return `<clipPath id="${id}"><rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}"/></clipPath><g clip-path="url(#${id})">${inner}</g>`;
    }
    case 'group':
      // Drawn out where it is placed: the same SVG, and so the same pixels, as items placed one by one.
      return translateItems(item.items, item.x, item.y)
        .map((i) => drawItem(i, fonts, glyphs, clips))
        .join('');
    case 'image':
      return `<image x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" preserveAspectRatio="none" xlink:href="data:image/png;base64,${item.png.toString('base64')}"/>`;
    default:
      return item satisfies never;
  }
}

function drawText(item: TextItem, fonts: FontSet, glyphs: Map<string, string>): string {
  const font = fonts.faces[item.font].font;
  const scale = item.size / font.unitsPerEm;
  let x = item.x;
  let uses = '';
  for (const word of splitWords(item.text)) {
    const run = shapeWord(font, word);
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      const id = `${item.font[0]}${glyph.id}`;
      if (!glyphs.has(id)) glyphs.set(id, outline(font, glyph));
      const gx = x + pos.xOffset * scale;
      const gy = item.y - pos.yOffset * scale;
      if (glyph.path.commands.length) uses += `<use xlink:href="#${id}" transform="matrix(${n4(scale)} 0 0 ${n4(-scale)} ${n(gx)} ${n(gy)})"/>`;
      x += pos.xAdvance * scale;
    });
  }
  return `<g fill="${item.color}">${uses}</g>`;
}

const outlines = new WeakMap<FontkitFont, Map<number, string>>();

/** A glyph's outline as SVG path data, made once per process (fontkit builds it anew each time it is asked). */
function outline(font: FontkitFont, glyph: Glyph): string {
  let forFont = outlines.get(font);
  if (!forFont) outlines.set(font, (forFont = new Map()));
  let d = forFont.get(glyph.id);
  if (d === undefined) forFont.set(glyph.id, (d = glyph.path.toSVG()));
  return d;
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const n4 = (v: number) => String(Math.round(v * 1e6) / 1e6);
