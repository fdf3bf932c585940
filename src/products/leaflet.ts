import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { stack } from '../layout/block.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER, type PaperName } from '../layout/page-sizes.js';
import { COLORS } from '../layout/theme.js';
import { fitScale } from './fit-scale.js';
import { contactFooter } from './parts/contact-footer.js';
import { guideTitle } from './parts/guide-title.js';
import { noteBox } from './parts/note-box.js';
import type { PartContext } from './parts/part-context.js';
import { stepList } from './parts/step-list.js';
import { storeQrCards, storeQrPanel } from './parts/store-qr-panel.js';
import { unitHeader } from './parts/unit-header.js';

export interface LeafletInput {
  profile: UnitProfile;
  guide: Guide;
  paper: PaperName;
  logo?: LogoImage;
}

/** Text scale range: 1 is the design size; the floor keeps A5 body text at 7.2 pt. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.15;

/**
 * One page: unit header, guide title, numbered steps and notes, the store QR
 * codes, and the unit's contact band. Text shrinks to fit, down to a floor.
 */
export function layoutLeaflet(input: LeafletInput, m: Measurer): LaidOutDocument {
  const { width, height } = PAPER[input.paper];
  const k = width / PAPER.a5.width;
  const c: PartContext = { m, k };
  const margin = 24 * k;
  const inner = width - 2 * margin;
  const gap = 12 * k;

  const header = unitHeader(input.profile, input.logo, width, margin, c);
  const title = guideTitle(input.guide, inner, c);
  const qr = storeQrPanel(storeQrCards(input.profile), inner, 78 * k, c);
  const fixed = header.height + title.height + qr.height + 4 * gap;

  const flexible = (scale: number, extraGap = 0) => {
    const body = stack([stepList(input.guide.steps, inner, { scale, extraGap, columns: input.guide.steps.length >= 4 ? 2 : 1 }, c), noteBox(input.guide.notes, inner, scale, c)], 10 * k * scale);
    const footer = contactFooter(input.profile, width, margin, scale, c);
    return { body, footer, height: body.height + footer.height };
  };
  const scale = fitScale((s) => flexible(s).height, height - fixed, MIN_SCALE, MAX_SCALE);
  if (scale === undefined) throw overflow(input);

  // Spread what is left: some between the steps, the rest above the QR codes.
  let { body, footer } = flexible(scale);
  const slack = height - fixed - body.height - footer.height;
  const gaps = Math.max(1, input.guide.steps.length - 1);
  const extraGap = Math.min((slack * 0.5) / gaps, 8 * k);
  ({ body, footer } = flexible(scale, extraGap));

  const page: Page = { width, height, items: [{ type: 'rect', x: 0, y: 0, width, height, fill: COLORS.paper }] };
  let y = 0;
  page.items.push(...header.place(0, y));
  y += header.height + gap;
  page.items.push(...title.place(margin, y));
  y += title.height + gap;
  page.items.push(...body.place(margin, y));
  const footerY = height - footer.height;
  page.items.push(...qr.place(margin, footerY - gap - qr.height));
  page.items.push(...footer.place(0, footerY));

  return { title: `${input.guide.title} – ${input.profile.unit.name}`, author: input.profile.unit.name, pages: [page] };
}

function overflow(input: LeafletInput): UserError {
  const many = input.profile.venues.length > 1;
  return new UserError({
    file: input.profile.source,
    field: many ? 'venues' : undefined,
    message: `nội dung hướng dẫn "${input.guide.id}" cùng thông tin đơn vị không vừa một trang ${input.paper.toUpperCase()}, kể cả khi thu nhỏ chữ tới mức còn đọc được`,
    hint:
      input.paper === 'a5'
        ? `in khổ lớn hơn bằng --size a4${many ? ', hoặc bớt địa điểm trong venues / rút gọn địa chỉ và giờ làm việc' : ', hoặc rút gọn địa chỉ, giờ làm việc và chức vụ trong hồ sơ'}`
        : 'rút gọn địa chỉ, giờ làm việc và chức vụ trong hồ sơ, hoặc bớt địa điểm trong venues',
  });
}
