import { UserError } from '../errors.js';
import { withBleed } from '../layout/bleed.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { MM, POSTER_PAPER, type PosterSize } from '../layout/page-sizes.js';
import { distanceForMessage, posterPlace, POSTER_DISTANCE_MM } from './scan-distance.js';
import { textBlock } from '../layout/text-block.js';
import { LEADING, PALETTES } from '../layout/theme.js';
import { OVERLAP, tilePoster, type TileSheet } from '../layout/tiles.js';
import { layoutCampaign, leftOutNotices, type CampaignInput } from './campaign.js';
import { PRODUCTS } from './catalog.js';
import type { PartContext } from './parts/part-context.js';

export interface PosterOptions {
  size: PosterSize;
  landscape: boolean;
  /** Bleed in points (0 for none). */
  bleed: number;
  tile?: TileSheet;
}

export interface PosterResult {
  doc: LaidOutDocument;
  /** Side of each QR code's dark square (quiet zone not counted), in points: at least a tenth of the distance it is read from. */
  qrSize: number;
  tiles?: { rows: number; columns: number };
  /** What the layout left out to keep its type readable from afar. */
  notices: string[];
}

/** A poster at real size, optionally with bleed and crop marks, or tiled over office sheets. */
export function layoutPoster(input: CampaignInput, o: PosterOptions, m: Measurer): PosterResult {
  const laid = layoutPosterPage(input, o.size, o.landscape, m);
  if (!laid) {
    const bigger = (Object.keys(POSTER_PAPER) as PosterSize[]).filter((s) => POSTER_PAPER[s].width > POSTER_PAPER[o.size].width).find((s) => layoutPosterPage(input, s, o.landscape, m));
    throw new UserError({
      file: input.profile.source,
      message: `hướng dẫn "${input.guide.id}" không vừa áp phích ${o.size.toUpperCase()}${o.landscape ? ' ngang' : ''} mà chữ vẫn đọc được từ xa và mã QR vẫn quét được từ ${distanceForMessage(POSTER_DISTANCE_MM[o.size] * MM)}`,
      hint: `${bigger ? `chọn khổ ${bigger.toUpperCase()}` : 'chọn khổ lớn hơn'}, in khổ dọc, hoặc rút gọn tên đơn vị, địa chỉ và giờ làm việc trong hồ sơ`,
    });
  }
  const title = `Áp phích ${input.guide.title} – ${input.profile.unit.name}`;
  const notices = leftOutNotices(laid.leftOut, 'Áp phích', 'hãy dán kèm tờ rơi có đủ địa chỉ');
  const author = input.profile.unit.name;
  if (o.tile) {
    const label = (r: number, col: number, i: number, n: number) =>
      `Tờ ${i}/${n} · hàng ${r}, cột ${col} · dán chồng ${Math.round(OVERLAP / MM)} mm lên tờ bên trái và tờ phía trên, theo các dấu góc`;
    const labelItems = (text: string, x: number, y: number, w: number) => textBlock(text, w, { size: 8, font: 'regular', color: '#333333', leading: LEADING.tight }, m).place(x, y - 8);
    const tiled = tilePoster(laid.page, o.tile, label, labelItems);
    return { doc: { title, author, pages: tiled.pages }, qrSize: laid.qrSize, tiles: { rows: tiled.rows, columns: tiled.columns }, notices };
  }
  const page: Page = o.bleed > 0 ? withBleed(laid.page, o.bleed) : laid.page;
  return { doc: { title, author, pages: [page] }, qrSize: laid.qrSize, notices };
}

/** The poster's one page at real size, its codes sized for the distance its size is read from (scan-distance.ts). */
function layoutPosterPage(input: CampaignInput, size: PosterSize, landscape: boolean, m: Measurer) {
  const paper = POSTER_PAPER[size];
  const [width, height] = landscape ? [paper.height, paper.width] : [paper.width, paper.height];
  const c: PartContext = { m, k: 1, colors: PALETTES.color };
  // Body text an A2 poster's readers see from 3 m: 36 pt; larger sheets hang farther away and scale up.
  const k = Math.min(paper.width, paper.height) / Math.min(POSTER_PAPER.a2.width, POSTER_PAPER.a2.height);
  const { min, body } = PRODUCTS.poster.floors;
  return layoutCampaign(input, width, height, c, { floors: { min: min * k, body: body * k }, place: posterPlace(size) });
}
