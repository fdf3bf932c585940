import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { centred, stack, type Block } from '../layout/block.js';
import type { Item, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER } from '../layout/page-sizes.js';
import { PALETTES, type PaletteName } from '../layout/theme.js';
import { twoUp } from '../layout/two-up.js';
import { withBleed } from '../layout/bleed.js';
import { layoutBackPage, layoutGuidePage } from './guide-page.js';
import { designScale } from './leaflet.js';
import { classBox, type ClassEntry } from './parts/class-box.js';
import type { PartContext } from './parts/part-context.js';
import { returnSlip } from './parts/return-slip.js';
import { qrCardRow, storeQrCards, type QrCard } from './parts/store-qr-panel.js';
import { HANDOUT } from './scan-distance.js';

export interface HandoutOptions {
  profile: UnitProfile;
  logo?: LogoImage;
  /** How to activate at home. */
  guide: Guide;
  palette: PaletteName;
  twoUp: boolean;
  /** Body text of 14 pt or more, each copy on A4 (no two-up). */
  largePrint?: boolean;
  /** Bleed in points for a print shop (one copy a sheet), 0 or absent for none. */
  bleed?: number;
}

export interface HandoutClass extends ClassEntry {
  /** The data file's line, for messages. */
  line: number;
  dataFile: string;
}

/**
 * The front of a batch (options object): the same for every class but the class
 * named on the slip, whose height does not depend on it. It is laid out once,
 * with a mark where the slip goes, and each class gets its own slip there.
 */
interface Front {
  page: Page;
  /** The guide's steps it carries (the rest continue on the back). */
  stepCount: number;
  /** Where the mark is among the page's items, where the slip was placed, and the page margin it was made for. */
  at: number;
  x: number;
  y: number;
  margin: number;
}
const fronts = new WeakMap<HandoutOptions, Front | undefined>();

/**
 * One class's handout: both sides of an A5 sheet, in the order a duplex printer
 * wants them (front, back). The front carries the guide's first steps and the
 * tear-off slip at its foot; the back the rest of the steps, the warning, the
 * class box with the codes and the contact band, and nothing behind the slip, so
 * tearing it off loses nothing. With two-up, each A4 sheet carries two copies.
 */
export function layoutHandout(entry: HandoutClass, o: HandoutOptions, m: Measurer): Page[] {
  const { width, height } = PAPER[o.largePrint ? 'a4' : 'a5'];
  const k = designScale('a5', o.largePrint);
  const c: PartContext = { m, k, colors: PALETTES[o.palette] };
  const slip = (margin: number) => returnSlip(entry.name, width, margin, c);
  // The class box, then the class's Zalo group and the two stores as one row of
  // codes at the size a parent at a table, about 40 cm away, can scan.
  const extra = (_margin: number, inner: number) => {
    const zalo: QrCard[] = entry.zalo ? [{ url: entry.zalo, label: `Nhóm Zalo lớp ${entry.name}`, caption: '', field: 'zalo' }] : [];
    const codes = qrCardRow([...zalo, ...storeQrCards(o.profile)], HANDOUT, 0, c, { captionInLabel: true });
    return stack([classBox(entry, inner, c), centred(codes, inner)], 4 * k);
  };
  if (!fronts.has(o)) fronts.set(o, markedFront(o, slip, c));
  const marked = fronts.get(o);
  const front = marked && withSlip(marked, slip(marked.margin));
  const back = marked && layoutBackPage({ profile: o.profile, guide: o.guide, logo: o.logo, width, height, fromStep: marked.stepCount, notes: o.guide.notes.slice(0, 1), extra, keepClear: slip(24 * k).height, bandless: true }, c);
  if (front && back) {
    if (o.twoUp && !o.largePrint) return [twoUp(front, front), twoUp(back, back)];
    return o.bleed ? [withBleed(front, o.bleed), withBleed(back, o.bleed)] : [front, back];
  }
  throw new UserError({
    file: entry.dataFile,
    line: entry.line,
    message: `tờ cho lớp ${entry.name} không vừa hai mặt ${o.largePrint ? 'A4' : 'A5'} với cỡ chữ dễ đọc`,
    hint: 'rút gọn tên giáo viên, hoặc địa chỉ và giờ làm việc trong hồ sơ trường',
  });
}

/**
 * The front with as many steps as fit (the rest continue on the back), a mark
 * where the slip goes; undefined when not even one step fits. Fewer steps in
 * front could only make the back taller, so a back that does not fit ends the search.
 */
function markedFront(o: HandoutOptions, slip: (margin: number) => Block, c: PartContext): Front | undefined {
  const { width, height } = PAPER[o.largePrint ? 'a4' : 'a5'];
  const mark: Item = { type: 'rect', x: 0, y: 0, width: 0, height: 0 };
  let placed = { x: 0, y: 0, margin: 0 };
  const marking = (margin: number): Block => {
    const real = slip(margin);
    return {
      width: real.width,
      height: real.height,
      place: (x, y) => {
        placed = { x, y, margin };
        return [mark];
      },
    };
  };
  for (let stepCount = o.guide.steps.length; stepCount >= 1; stepCount--) {
    const page = layoutGuidePage(
      { profile: o.profile, guide: o.guide, logo: o.logo, width, height, compact: true, notes: [], footer: false, stepCount, aboveFooter: () => [], belowFooter: (margin) => [{ block: marking(margin), x: 0 }] },
      c,
    );
    if (page) return { page, at: page.items.indexOf(mark), ...placed, stepCount };
  }
  return undefined;
}

function withSlip(front: Front, slip: Block): Page {
  const items = front.page.items.slice();
  items.splice(front.at, 1, ...slip.place(front.x, front.y));
  return { ...front.page, items };
}
