/**
 * Only web links become QR codes unless the user allows another scheme by name
 * (--allow-scheme tel): no javascript:, file: or intent: surprises.
 */
export function isAllowedLink(s: string, allowSchemes: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'http' || scheme === 'https') return url.hostname.length > 0;
  return allowSchemes.includes(scheme);
}

export function linkHint(allowSchemes: readonly string[]): string {
  const extra = allowSchemes.length ? ` (hoặc ${allowSchemes.map((s) => `${s}:`).join(', ')} như đã cho phép)` : '';
  return `chỉ nhận đường link bắt đầu bằng http:// hoặc https://${extra}; muốn dùng loại link khác thì thêm tuỳ chọn --allow-scheme`;
}
