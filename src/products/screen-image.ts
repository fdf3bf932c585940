import { UserError } from '../errors.js';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PALETTES } from '../layout/theme.js';
import { layoutCampaign, type CampaignInput } from './campaign.js';
import type { PartContext } from './parts/part-context.js';
import { screenPlace } from './scan-distance.js';

/** Screens and social networks, in pixels. */
export const IMAGE_PRESETS = {
  'social-square': { width: 1080, height: 1080 },
  'social-wide': { width: 1200, height: 630 },
  'led-fhd': { width: 1920, height: 1080 },
  'led-portrait': { width: 1080, height: 1920 },
} as const;

export type ImagePreset = keyof typeof IMAGE_PRESETS;

/** Pictures are laid out at 96 pixels per inch: one pixel is 0.75 pt. */
export const IMAGE_DPI = 96;

/** A picture for an LED screen or a Facebook/Zalo post, composed for its shape. */
export function layoutScreenImage(input: CampaignInput, px: { width: number; height: number }, m: Measurer): LaidOutDocument {
  const c: PartContext = { m, k: 1, colors: PALETTES.color };
  const [width, height] = [(px.width * 72) / IMAGE_DPI, (px.height * 72) / IMAGE_DPI];
  const laid = layoutCampaign(input, width, height, c, { place: screenPlace(width, height) });
  if (!laid) {
    throw new UserError({
      field: 'imageSize',
      message: `ảnh ${px.width} × ${px.height} điểm ảnh quá nhỏ hoặc quá dẹt cho hướng dẫn "${input.guide.id}"`,
      hint: `dùng ảnh lớn hơn (ít nhất khoảng 800 điểm ảnh mỗi cạnh) hoặc một cỡ có sẵn (${Object.keys(IMAGE_PRESETS).join(', ')})`,
    });
  }
  return { title: `${input.guide.title} – ${input.profile.unit.name}`, author: input.profile.unit.name, pages: [laid.page] };
}
