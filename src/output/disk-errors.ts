import { UserError, type Problem } from '../errors.js';

/** What the operating system's write errors mean to a clerk, and what to do about each. */
const DISK_PROBLEMS: Record<string, Omit<Problem, 'file' | 'field'>> = {
  ENOSPC: { message: 'ổ đĩa đầy, không ghi hết được tệp', hint: 'xoá bớt tệp không cần trên ổ đĩa đó, hoặc ghi kết quả vào ổ khác, rồi chạy lại lệnh' },
  EROFS: { message: 'ổ đĩa này chỉ đọc, không ghi được', hint: 'ghi kết quả vào một thư mục trên ổ khác; nếu là thẻ nhớ hay USB, hãy gạt khoá chống ghi rồi cắm lại' },
  EACCES: { message: 'không có quyền ghi vào chỗ này', hint: 'chọn thư mục kết quả mà bạn có quyền ghi (ví dụ trong thư mục Tài liệu của bạn), hoặc nhờ người quản trị máy cấp quyền' },
  ENAMETOOLONG: { message: 'tên tệp quá dài', hint: 'đặt tên tệp kết quả ngắn hơn (dưới 200 chữ cái) hoặc chọn thư mục nằm ít tầng hơn' },
  ENOTDIR: { message: 'trong đường dẫn có một tệp trùng tên với thư mục cần dùng', hint: 'đổi tên thư mục kết quả, hoặc đổi tên tệp đang chắn đường' },
  EBUSY: { message: 'tệp đang được một chương trình khác mở (ví dụ Excel)', hint: 'đóng chương trình đó rồi chạy lại lệnh' },
  EIO: { message: 'ổ đĩa báo lỗi khi ghi (có thể đã bị rút ra hoặc bị hỏng)', hint: 'kiểm tra ổ đĩa rồi chạy lại, hoặc ghi kết quả vào ổ khác' },
  ENOENT: { message: 'thư mục kết quả đã bị xoá hoặc đổi tên trong lúc đang ghi', hint: 'chạy lại lệnh' },
};
// The same causes under other names (quotas, other systems).
const SAME_AS: Record<string, string> = { EDQUOT: 'ENOSPC', EFBIG: 'ENOSPC', EPERM: 'EACCES', EEXIST: 'ENOTDIR', ETXTBSY: 'EBUSY' };

/**
 * The user-fixable meaning of a failed write to `file` (as the user named it),
 * or the error itself when it is not one the user can do anything about.
 */
export function diskError(err: unknown, file: string): unknown {
  if (err instanceof UserError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const problem = code ? DISK_PROBLEMS[SAME_AS[code] ?? code] : undefined;
  return problem ? new UserError({ file, field: 'out', ...problem }) : err;
}
