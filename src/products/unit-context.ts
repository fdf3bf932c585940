import type { CalendarDate } from '../content/deadline.js';
import { loadLogo, type LogoImage } from '../content/logo.js';
import { loadProfile, type UnitProfile } from '../content/profile.js';
import { loadFonts, type FontSet } from '../layout/fonts.js';
import { createMeasurer, type Measurer } from '../layout/measure.js';

/** Everything a product needs about a unit, loaded once per run. */
export interface UnitContext {
  profile: UnitProfile;
  logo?: LogoImage;
  fonts: FontSet;
  m: Measurer;
}

export async function loadUnit(profileFile: string, o: { allowSchemes?: readonly string[]; today?: CalendarDate } = {}): Promise<UnitContext> {
  const fonts = loadFonts();
  const profile = await loadProfile(profileFile, { missingGlyphs: fonts.missingGlyphs, allowSchemes: o.allowSchemes, today: o.today });
  const logo = profile.logoPath ? await loadLogo(profile.logoPath, profile.source) : undefined;
  return { profile, logo, fonts, m: createMeasurer(fonts) };
}
