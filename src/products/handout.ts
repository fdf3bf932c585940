import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { row } from '../layout/block.js';
import type { Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PAPER } from '../layout/page-sizes.js';
import { PALETTES, type PaletteName } from '../layout/theme.js';
import { twoUp } from '../layout/two-up.js';
import { layoutGuidePage } from './guide-page.js';
import { classBox, type ClassEntry } from './parts/class-box.js';
import type { PartContext } from './parts/part-context.js';
import { returnSlip } from './parts/return-slip.js';
import { layoutLeaflet } from './leaflet.js';
import { qrCardRow, storeQrCards } from './parts/store-qr-panel.js';

export interface HandoutOptions {
  profile: UnitProfile;
  logo?: LogoImage;
  /** The front: how to activate at home. */
  guide: Guide;
  /** The back, when printing double-sided: what an account is good for. */
  backGuide?: Guide;
  palette: PaletteName;
  twoUp: boolean;
}

export interface HandoutClass extends ClassEntry {
  /** The data file's line, for messages. */
  line: number;
  dataFile: string;
}

/**
 * One class's handout as print pages, in the order a duplex printer wants them:
 * front, back, front, back… With two-up, each A4 sheet carries two copies.
 */
export function layoutHandout(entry: HandoutClass, o: HandoutOptions, m: Measurer): Page[] {
  const { width, height } = PAPER.a5;
  const c: PartContext = { m, k: 1, colors: PALETTES[o.palette] };
  const qr = 60;
  const front = layoutGuidePage(
    {
      profile: o.profile,
      guide: o.guide,
      logo: o.logo,
      width,
      height,
      aboveFooter: (_margin, inner) => {
        const stores = qrCardRow(storeQrCards(o.profile).slice(0, 2), qr, c);
        return [{ block: row([classBox(entry, inner - stores.width - 10, qr, c), stores], 10, 'middle'), x: 24 }];
      },
      belowFooter: (margin) => [{ block: returnSlip(entry.name, width, margin, c), x: 0 }],
      compact: true,
      // A half sheet with a class box and a slip has room for one note: the guide's first, its warning.
      notes: o.guide.notes.slice(0, 1),
    },
    c,
  );
  if (!front) {
    throw new UserError({
      file: entry.dataFile,
      line: entry.line,
      message: `tờ cho lớp ${entry.name} không vừa một trang A5`,
      hint: 'rút gọn tên giáo viên, hoặc địa chỉ và giờ làm việc trong hồ sơ trường',
    });
  }
  const back = backPage(o, m);
  const sides = back ? [front, back] : [front];
  return o.twoUp ? sides.map((side) => twoUp(side, side)) : sides;
}

// The back is the same for every class of a batch: laid out once per options object.
const backs = new WeakMap<HandoutOptions, Page | undefined>();

/** The back: the benefits guide as its own A5 leaflet, in the same colours. */
function backPage(o: HandoutOptions, m: Measurer): Page | undefined {
  if (!backs.has(o)) backs.set(o, o.backGuide ? layoutLeaflet({ profile: o.profile, guide: o.backGuide, logo: o.logo, paper: 'a5', palette: o.palette }, m).doc.pages[0]! : undefined);
  return backs.get(o);
}
