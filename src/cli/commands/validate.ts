import { loadUnit } from '../../products/unit-context.js';

export async function validateCommand(o: { unit: string }): Promise<number> {
  const { profile } = await loadUnit(o.unit);
  process.stdout.write(`Hồ sơ hợp lệ: ${profile.unit.name} (${o.unit})\n`);
  return 0;
}
