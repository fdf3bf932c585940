import { loadUnitFor } from '../unit.js';

export async function validateCommand(o: { allowScheme?: string[]; unit: string }): Promise<number> {
  const { profile } = await loadUnitFor(o.unit, o.allowScheme);
  process.stdout.write(`Hồ sơ hợp lệ: ${profile.unit.name} (${o.unit})\n`);
  return 0;
}
