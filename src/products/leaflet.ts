import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER, type PaperName } from '../layout/page-sizes.js';
import { PALETTES, type PaletteName } from '../layout/theme.js';
import { layoutGuidePage, layoutNotesPage } from './guide-page.js';
import type { PartContext } from './parts/part-context.js';
import { callToAction, storeQrPanel } from './parts/store-qr-panel.js';

export interface LeafletInput {
  profile: UnitProfile;
  guide: Guide;
  paper: PaperName;
  logo?: LogoImage;
  /** Colour (default) or grayscale for black-and-white printers. */
  palette?: PaletteName;
}

export interface Leaflet {
  doc: LaidOutDocument;
  /** Choices the layout made that the user should know about, in Vietnamese. */
  notices: string[];
}

/**
 * The guide page with its call-to-action codes above the contact band. When it
 * does not fit one side with readable type, the notes go on the back instead.
 */
export function layoutLeaflet(input: LeafletInput, m: Measurer): Leaflet {
  const { width, height } = PAPER[input.paper];
  const k = width / PAPER.a5.width;
  const c: PartContext = { m, k, colors: PALETTES[input.palette ?? 'color'] };
  const spec = {
    ...input,
    width,
    height,
    aboveFooter: (margin: number, inner: number) => [{ block: storeQrPanel(callToAction(input.guide, input.profile), inner, 78 * k, c), x: margin }],
  };
  const doc = (pages: Page[]): LaidOutDocument => ({ title: `${input.guide.title} – ${input.profile.unit.name}`, author: input.profile.unit.name, pages });
  const one = layoutGuidePage(spec, c);
  if (one) return { doc: doc([one]), notices: [] };
  // Two sides. The front keeps the steps and the codes, and what else fits, in this
  // order of giving way: the notes after the first (the warning), the first note,
  // then the list of venues. The back takes what the front gave up.
  const notes = input.guide.notes;
  const hasVenues = input.profile.venues.length > 0;
  const choices = [
    { keep: 1, venues: 'here' as const },
    { keep: 0, venues: 'here' as const },
    { keep: 1, venues: 'on-back' as const },
    { keep: 0, venues: 'on-back' as const },
  ].filter((o) => o.keep <= notes.length && (o.venues === 'here' || hasVenues) && (o.keep < notes.length || o.venues === 'on-back'));
  for (const choice of choices) {
    const front = layoutGuidePage({ ...spec, notes: notes.slice(0, choice.keep), venues: choice.venues }, c);
    if (!front) continue;
    const back = layoutNotesPage({ ...spec, notes: notes.slice(choice.keep) }, c);
    if (!back) continue;
    const moved = [...(choice.keep < notes.length ? ['phần lưu ý'] : []), ...(choice.venues === 'on-back' ? ['danh sách nơi làm thủ tục'] : [])].join(' và ');
    return {
      doc: doc([front, back]),
      notices: [`hướng dẫn "${input.guide.id}" dài hơn một mặt ${input.paper.toUpperCase()} với cỡ chữ dễ đọc: ${moved} được in ở mặt sau (trang 2); hãy in hai mặt`],
    };
  }
  throw overflow(input);
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
