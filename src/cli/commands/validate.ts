import { listGuides } from '../../content/guides.js';
import { noteGuideNeeds, loadUnitFor } from '../unit.js';

export async function validateCommand(o: { allowScheme?: string[]; unit: string }): Promise<number> {
  const { profile } = await loadUnitFor(o.unit, o.allowScheme);
  process.stdout.write(`Hồ sơ hợp lệ: ${profile.unit.name} (${o.unit})\n`);
  // A valid profile may still lack what a guide needs to be useful: say so, per guide.
  for (const guide of listGuides()) noteGuideNeeds(guide, profile);
  return 0;
}
