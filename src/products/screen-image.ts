import { UserError } from '../errors.js';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PALETTES } from '../layout/theme.js';
import { layoutCampaign, leftOutNotices, type CampaignInput, type TypeFloors } from './campaign.js';
import type { PartContext } from './parts/part-context.js';
import { screenPlace } from './scan-distance.js';

/**
 * How a picture is seen: `phone`, a post in a Facebook or Zalo feed, shown about
 * 390 CSS pixels wide whatever its pixel size; `screen`, an LED screen read
 * across a room or a street.
 */
export type Seen = 'phone' | 'screen';

/** Screens and social networks, in pixels. */
export const IMAGE_PRESETS = {
  'social-square': { width: 1080, height: 1080, seen: 'phone' },
  'social-wide': { width: 1200, height: 630, seen: 'phone' },
  'led-fhd': { width: 1920, height: 1080, seen: 'screen' },
  'led-portrait': { width: 1080, height: 1920, seen: 'screen' },
} as const satisfies Record<string, { width: number; height: number; seen: Seen }>;

export type ImagePreset = keyof typeof IMAGE_PRESETS;

/** Pictures are laid out at 96 pixels per inch: one pixel is 0.75 pt. */
export const IMAGE_DPI = 96;

/** Width a phone's feed shows a post at, in CSS pixels. */
const FEED_WIDTH = 390;

/**
 * The type floors in pixels of the picture. On a phone: captions of 9 and text of
 * 12 CSS pixels, the least a feed's own text uses. On a screen: a 45th and a 30th
 * of the short side.
 */
export function screenFloors(px: { width: number; height: number }, seen: Seen): TypeFloors {
  if (seen === 'phone') {
    const k = px.width / FEED_WIDTH;
    return { min: 9 * k, body: 12 * k };
  }
  const short = Math.min(px.width, px.height);
  return { min: short / 45, body: short / 30 };
}

/** A picture for an LED screen or a Facebook/Zalo post, composed for its shape. */
export function layoutScreenImage(input: CampaignInput, px: { width: number; height: number; seen?: Seen }, m: Measurer): { doc: LaidOutDocument; notices: string[] } {
  const c: PartContext = { m, k: 1, colors: PALETTES.color };
  const pt = 72 / IMAGE_DPI;
  const [width, height] = [px.width * pt, px.height * pt];
  const seen = px.seen ?? 'screen';
  const floors = screenFloors(px, seen);
  const laid = layoutCampaign(input, width, height, c, { floors: { min: floors.min * pt, body: floors.body * pt }, place: screenPlace(width, height), stepsOptional: true });
  if (!laid) {
    throw new UserError({
      field: 'imageSize',
      message: `ảnh ${px.width} × ${px.height} điểm ảnh không chứa được hướng dẫn "${input.guide.id}" với chữ đủ lớn để đọc ${seen === 'phone' ? 'trên điện thoại' : 'trên màn hình từ xa'}`,
      hint: `dùng ảnh lớn hơn hoặc một cỡ có sẵn (${Object.keys(IMAGE_PRESETS).join(', ')}), hoặc rút gọn tên đơn vị, địa chỉ và giờ làm việc trong hồ sơ`,
    });
  }
  const elsewhere = seen === 'phone' ? 'hãy ghi địa chỉ và giờ làm việc vào nội dung bài đăng' : 'hãy in kèm tờ rơi hoặc áp phích có đủ địa chỉ';
  return {
    doc: { title: `${input.guide.title} – ${input.profile.unit.name}`, author: input.profile.unit.name, pages: [laid.page] },
    notices: leftOutNotices(laid.leftOut, 'Ảnh', elsewhere, 'các bước có trong ảnh vuông social-square và ảnh led-portrait'),
  };
}
