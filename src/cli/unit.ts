import { loadUnit, type UnitContext } from '../products/unit-context.js';
import { allowedSchemes } from './output-options.js';

/** Loads the unit for a command, and tells the user what was noticed on the way. */
export async function loadUnitFor(file: string, allowScheme: string[] | undefined): Promise<UnitContext> {
  const unit = await loadUnit(file, { allowSchemes: allowedSchemes(allowScheme) });
  // Warnings go to stderr, where a clerk sees them but a pipe of stdout does not.
  for (const w of unit.profile.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  return unit;
}
