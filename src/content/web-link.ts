/** Only web links become QR codes: no javascript:, file: or tel: surprises. */
export function isWebLink(s: string): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
