import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER, type PaperName } from '../layout/page-sizes.js';
import { PALETTES, type PaletteName } from '../layout/theme.js';
import { layoutBackPage, layoutGuidePage } from './guide-page.js';
import type { PartContext } from './parts/part-context.js';
import { callToAction, storeQrPanel } from './parts/store-qr-panel.js';
import { baseSide, LEAFLET } from './scan-distance.js';

export interface LeafletInput {
  profile: UnitProfile;
  guide: Guide;
  paper: PaperName;
  logo?: LogoImage;
  /** Colour (default) or grayscale for black-and-white printers. */
  palette?: PaletteName;
  /** Body text of 14 pt or more, for readers with weak sight (on A4). */
  largePrint?: boolean;
}

/**
 * How large the A5 design is set on each paper: A4 reads at 12 pt body text with
 * more room around it; large print at 14 pt or more.
 */
export function designScale(paper: PaperName, largePrint = false): number {
  if (largePrint) return 1.42;
  return paper === 'a4' ? 1.2 : 1;
}

export interface Leaflet {
  doc: LaidOutDocument;
  /** Choices the layout made that the user should know about, in Vietnamese. */
  notices: string[];
}

/**
 * The guide page with its call-to-action codes above the contact band. When it
 * does not fit one side with readable type, the notes, the venues, the codes and
 * then the last steps go on the back, in that order, and the user is told.
 */
export function layoutLeaflet(input: LeafletInput, m: Measurer): Leaflet {
  const { width, height } = PAPER[input.paper];
  const k = designScale(input.paper, input.largePrint);
  const c: PartContext = { m, k, colors: PALETTES[input.palette ?? 'color'] };
  // Codes read at arm's length, set larger with the rest of the design on A4 and in large print.
  const panel = (inner: number) => storeQrPanel(callToAction(input.guide, input.profile), inner, LEAFLET, baseSide(LEAFLET) * k, c);
  const spec = { ...input, width, height, aboveFooter: (margin: number, inner: number) => [{ block: panel(inner), x: margin }] };
  const doc = (pages: Page[]): LaidOutDocument => ({ title: `${input.guide.title} – ${input.profile.unit.name}`, author: input.profile.unit.name, pages });
  const one = layoutGuidePage(spec, c);
  if (one) return { doc: doc([one]), notices: [] };

  // Two sides. The front keeps the title, the steps and, while it can, the codes;
  // what gives way goes to the back, in this order: the notes after the first (the
  // warning), the first note, the list of venues, the codes, then the last steps.
  for (const choice of twoSidedChoices(input)) {
    const front = layoutGuidePage({ ...spec, notes: input.guide.notes.slice(0, choice.keep), venues: choice.venues, stepCount: choice.stepCount, aboveFooter: choice.codesInFront ? spec.aboveFooter : () => [] }, c);
    if (!front) continue;
    const back = layoutBackPage({ ...spec, fromStep: choice.stepCount, notes: input.guide.notes.slice(choice.keep), extra: choice.codesInFront ? undefined : (_m, inner) => panel(inner) }, c);
    if (!back) continue;
    return { doc: doc([front, back]), notices: [`hướng dẫn "${input.guide.id}" dài hơn một mặt ${input.paper.toUpperCase()} với cỡ chữ dễ đọc: ${movedToBack(input, choice)} được in ở mặt sau (trang 2); hãy in hai mặt`] };
  }
  throw overflow(input);
}

function overflow(input: LeafletInput): UserError {
  const many = input.profile.venues.length > 1;
  return new UserError({
    file: input.profile.source,
    field: many ? 'venues' : undefined,
    message: `nội dung hướng dẫn "${input.guide.id}" cùng thông tin đơn vị không vừa hai mặt ${input.paper.toUpperCase()} với cỡ chữ dễ đọc (chữ không bao giờ được thu nhỏ dưới mức đó)`,
    hint:
      input.paper === 'a5' && !input.largePrint
        ? `in khổ A4${many ? ', hoặc bớt địa điểm trong venues / rút gọn địa chỉ và giờ làm việc' : ', hoặc rút gọn địa chỉ, giờ làm việc và chức vụ trong hồ sơ'}`
        : 'rút gọn địa chỉ, giờ làm việc và chức vụ trong hồ sơ, hoặc bớt địa điểm trong venues',
  });
}

interface TwoSided {
  /** Notes kept on the front, from the first. */
  keep: number;
  venues: 'here' | 'on-back';
  codesInFront: boolean;
  /** Steps on the front, from the first. */
  stepCount: number;
}

/** The ways to share a guide between two sides, the most on the front first. */
function twoSidedChoices(input: LeafletInput): TwoSided[] {
  const notes = input.guide.notes.length;
  const n = input.guide.steps.length;
  const venueChoices = input.profile.venues.length ? (['here', 'on-back'] as const) : (['here'] as const);
  const last = venueChoices[venueChoices.length - 1]!;
  const whole = venueChoices.flatMap((venues) => [1, 0].filter((keep) => keep <= notes).map((keep) => ({ keep, venues, codesInFront: true, stepCount: n })));
  const codesBack = [1, 0].filter((keep) => keep <= notes).map((keep) => ({ keep, venues: last, codesInFront: false, stepCount: n }));
  const split = Array.from({ length: n - 1 }, (_, i) => ({ keep: 0, venues: last, codesInFront: false, stepCount: n - 1 - i }));
  // A choice that moves nothing to the back is the one-sided page, already tried.
  return [...whole, ...codesBack, ...split].filter((o) => o.keep < notes || o.venues === 'on-back' || !o.codesInFront || o.stepCount < n);
}

function movedToBack(input: LeafletInput, o: TwoSided): string {
  return [
    ...(o.stepCount < input.guide.steps.length ? [`các bước từ bước ${o.stepCount + 1}`] : []),
    ...(o.keep < input.guide.notes.length ? ['phần lưu ý'] : []),
    ...(o.venues === 'on-back' ? ['danh sách nơi làm thủ tục'] : []),
    ...(o.codesInFront ? [] : ['mã QR']),
  ].join(', ');
}
