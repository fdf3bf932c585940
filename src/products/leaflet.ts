import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER, type PaperName } from '../layout/page-sizes.js';
import { PALETTES, type PaletteName } from '../layout/theme.js';
import { layoutGuidePage } from './guide-page.js';
import type { PartContext } from './parts/part-context.js';
import { storeQrCards, storeQrPanel } from './parts/store-qr-panel.js';

export interface LeafletInput {
  profile: UnitProfile;
  guide: Guide;
  paper: PaperName;
  logo?: LogoImage;
  /** Colour (default) or grayscale for black-and-white printers. */
  palette?: PaletteName;
}

/** One page: the guide page with the two store QR codes above the contact band. */
export function layoutLeaflet(input: LeafletInput, m: Measurer): LaidOutDocument {
  const { width, height } = PAPER[input.paper];
  const k = width / PAPER.a5.width;
  const c: PartContext = { m, k, colors: PALETTES[input.palette ?? 'color'] };
  const page = layoutGuidePage(
    {
      ...input,
      width,
      height,
      aboveFooter: (margin, inner) => [{ block: storeQrPanel(storeQrCards(input.profile), inner, 78 * k, c), x: margin }],
    },
    c,
  );
  if (!page) throw overflow(input);
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
