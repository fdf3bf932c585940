import { todayFrom } from '../content/deadline.js';
import { missingNeeds } from '../content/guide-needs.js';
import type { GuideInfo } from '../content/guides.js';
import type { UnitProfile } from '../content/profile.js';
import { loadUnit, type UnitContext } from '../products/unit-context.js';
import { allowedSchemes } from './output-options.js';

/** Loads the unit for a command, and tells the user what was noticed on the way. */
export async function loadUnitFor(file: string, allowScheme: string[] | undefined): Promise<UnitContext> {
  const unit = await loadUnit(file, { allowSchemes: allowedSchemes(allowScheme), today: todayFrom(process.env, new Date()) });
  // Warnings go to stderr, where a clerk sees them but a pipe of stdout does not.
  for (const w of unit.profile.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  return unit;
}

/** Tells the user, without stopping, what the profile lacks for this guide (e.g. venues for muc-2). */
export function noteGuideNeeds(guide: GuideInfo, profile: UnitProfile): void {
  for (const n of missingNeeds(guide, profile)) process.stderr.write(`Lưu ý: mục ${n.field}: ${n.message}\n`);
}

/** Tells the user what the layout chose for them (two sides, details left out); `file` names the file when a run makes several. */
export function noteLayoutChoices(notices: string[], file?: string): void {
  for (const n of notices) process.stderr.write(`Lưu ý${file ? ` (${file})` : ''}: ${n}\n`);
}
