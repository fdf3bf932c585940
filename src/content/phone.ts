import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Vietnamese phone numbers as people read them aloud: mobiles 4-3-3
 * ("0907 028 318"); landlines by their area code, Hà Nội and TP.HCM 3-4-4
 * ("028 3841 1234"), other provinces 4-3-4 ("0273 383 3113"); 1800/1900
 * hotlines 4-4 or 4-3-3.
 */
export function parseVietnamesePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s.\-()]/g, '');
  if (/^(1800|1900)\d{4,6}$/.test(digits)) return groupHotline(digits);
  const parsed = parsePhoneNumberFromString(digits, 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return undefined;
  const national = '0' + parsed.nationalNumber;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (national.length === 11 && /^02[48]/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  if (national.length === 11) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return national;
}

function groupHotline(d: string): string {
  if (d.length === 8) return `${d.slice(0, 4)} ${d.slice(4)}`;
  return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
}
