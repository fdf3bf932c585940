import { quoteForMessage, UserError } from '../errors.js';

/**
 * A number option as the clerk typed it. Number options are declared as text:
 * yargs would turn "abc" into NaN (and the message into "độ nét NaN"), and it
 * rewraps errors thrown while parsing, so the check runs in the command's handler.
 */
export function readNumber(raw: unknown, flag: string, example: string): number;
export function readNumber(raw: unknown, flag: string, example: string, optional: 'optional'): number | undefined;
export function readNumber(raw: unknown, flag: string, example: string, optional?: 'optional'): number | undefined {
  if (raw === undefined && optional) return undefined;
  if (Array.isArray(raw)) throw new UserError({ field: flag, message: `${flag} được ghi ${raw.length} lần`, hint: `chỉ ghi ${flag} một lần` });
  const text = String(raw).trim();
  const n = Number(text.replace(',', '.'));
  if (!text || !Number.isFinite(n)) throw new UserError({ field: flag, message: `${quoteForMessage(String(raw))} không phải một con số`, hint: `ghi một con số, ví dụ ${flag} ${example}` });
  return n;
}
