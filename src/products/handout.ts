import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { centred, stack } from '../layout/block.js';
import type { Page } from '../layout/display-list.js';
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

/** Steps on the front, per batch (options object): the same for every class. */
const frontSteps = new WeakMap<HandoutOptions, number>();

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
  const frontWith = (stepCount: number) =>
    layoutGuidePage(
      { profile: o.profile, guide: o.guide, logo: o.logo, width, height, compact: true, notes: [], footer: false, stepCount, aboveFooter: () => [], belowFooter: (margin) => [{ block: slip(margin), x: 0 }] },
      c,
    );
  // As many steps in front as fit; the rest continue on the back. The front is the
  // same for every class of a batch (the slip's height does not depend on the class),
  // so the count is found once per options; fewer steps in front could only make the
  // back taller, so a back that does not fit ends the search.
  let stepCount = frontSteps.get(o);
  if (stepCount === undefined) {
    stepCount = o.guide.steps.length;
    while (stepCount >= 1 && !frontWith(stepCount)) stepCount--;
    frontSteps.set(o, stepCount);
  }
  const front = stepCount >= 1 ? frontWith(stepCount) : undefined;
  const back = front && layoutBackPage({ profile: o.profile, guide: o.guide, logo: o.logo, width, height, fromStep: stepCount, notes: o.guide.notes.slice(0, 1), extra, keepClear: slip(24 * k).height, bandless: true }, c);
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
