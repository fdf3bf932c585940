import { loadUnit } from '../../products/unit-context.js';
import { allowedSchemes } from '../output-options.js';

export async function validateCommand(o: { allowScheme?: string[]; unit: string }): Promise<number> {
  const { profile } = await loadUnit(o.unit, { allowSchemes: allowedSchemes(o.allowScheme) });
  process.stdout.write(`Hồ sơ hợp lệ: ${profile.unit.name} (${o.unit})\n`);
  return 0;
}
