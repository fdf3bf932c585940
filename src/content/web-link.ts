import { QR_MAX_BYTES } from '../qr/matrix.js';

export interface LinkProblem {
  /** What is wrong with the link, to follow "đường link … không dùng được: ". */
  reason: string;
  hint: string;
}

/**
 * Why a link cannot become a QR code, or undefined when it can. It is read with
 * the WHATWG URL parser, as a phone's browser will read it. Only web links pass
 * unless the user allows another scheme by name (tel, zalo): no
 * javascript:, file: or intent: surprises, and nothing that shows one site and
 * opens another (a user name before "@", a backslash).
 */
export function linkProblem(raw: string, allowSchemes: readonly string[] = []): LinkProblem | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(raw)) return { reason: 'có dấu cách hoặc ký tự điều khiển', hint: 'chép lại đường link từ thanh địa chỉ của trình duyệt, không có dấu cách' };
  if (raw.includes('\\')) return { reason: 'có dấu gạch chéo ngược "\\"', hint: 'đường link chỉ dùng dấu gạch chéo "/"' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'viết chưa đúng dạng một đường link', hint: linkHint(allowSchemes) };
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const web = scheme === 'http' || scheme === 'https';
  if (web ? !url.hostname : !allowSchemes.includes(scheme)) return { reason: web ? 'thiếu tên trang web' : `loại link "${scheme}:" chưa được cho phép`, hint: linkHint(allowSchemes) };
  if (url.username || url.password || /^[^:]+:\/\/[^/?#]*@/.test(raw)) {
    return { reason: `có phần đứng trước dấu "@", nên mở ra trang ${url.host} chứ không phải trang ghi ở đầu`, hint: 'xoá phần từ sau "//" đến hết dấu "@"; đường link thật không cần phần này' };
  }
  const bytes = Buffer.byteLength(raw);
  if (bytes > QR_MAX_BYTES) {
    return { reason: `dài ${bytes.toLocaleString('vi-VN')} ký tự, quá sức chứa của mã QR (nhiều nhất ${QR_MAX_BYTES.toLocaleString('vi-VN')} ký tự; chữ có dấu tính 2–3 ký tự)`, hint: 'dùng đường link ngắn hơn, ví dụ link rút gọn của trang đó' };
  }
  return undefined;
}

function linkHint(allowSchemes: readonly string[]): string {
  const extra = allowSchemes.length ? ` (hoặc ${allowSchemes.map((s) => `${s}:`).join(', ')} như đã cho phép)` : '';
  return `chỉ nhận đường link bắt đầu bằng http:// hoặc https://${extra}; loại link khác (như tel:) phải được cho phép trước khi chạy chương trình (tuỳ chọn allow-scheme)`;
}
