import { quoteForMessage, UserError } from '../errors.js';

/** The last second a PDF date can hold: 31/12/9999 23:59:59 UTC. */
const LAST_PDF_SECOND = 253402300799;

/**
 * The date every PDF carries: SOURCE_DATE_EPOCH (seconds) when set, for
 * reproducible builds; otherwise none (the painter writes the epoch), never the
 * clock. The command line and the web page both read it, so the same request
 * gives the same bytes from either.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > LAST_PDF_SECOND) {
    throw new UserError({ field: 'SOURCE_DATE_EPOCH', message: `${quoteForMessage(raw)} không phải số giây hợp lệ`, hint: `ghi số nguyên giây kể từ 1/1/1970, từ 0 đến ${LAST_PDF_SECOND} (năm 9999), hoặc bỏ biến này` });
  }
  return new Date(Number(raw) * 1000);
}
