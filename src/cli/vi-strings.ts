/** yargs ships no Vietnamese locale: these are its strings for our users. */
export const VI_STRINGS = {
  'Commands:': 'Lệnh:',
  'Options:': 'Tuỳ chọn:',
  'Examples:': 'Ví dụ:',
  boolean: 'có/không',
  count: 'số lần',
  string: 'chữ',
  number: 'số',
  array: 'danh sách',
  required: 'bắt buộc',
  default: 'mặc định',
  'default:': 'mặc định:',
  'choices:': 'chọn một:',
  'aliases:': 'tên khác:',
  'Show help': 'Xem hướng dẫn',
  'Show version number': 'Xem phiên bản',
  'Not enough non-option arguments: got %s, need at least %s': {
    one: 'Thiếu lệnh: có %s, cần ít nhất %s',
    other: 'Thiếu lệnh: có %s, cần ít nhất %s',
  },
  'Too many non-option arguments: got %s, maximum of %s': {
    one: 'Thừa chữ trong câu lệnh: có %s, nhiều nhất %s',
    other: 'Thừa chữ trong câu lệnh: có %s, nhiều nhất %s',
  },
  'Missing required argument: %s': {
    one: 'Thiếu tuỳ chọn bắt buộc: %s',
    other: 'Thiếu các tuỳ chọn bắt buộc: %s',
  },
  'Unknown argument: %s': {
    one: 'Không có tuỳ chọn: %s',
    other: 'Không có các tuỳ chọn: %s',
  },
  'Unknown command: %s': {
    one: 'Không có lệnh: %s',
    other: 'Không có các lệnh: %s',
  },
  'Invalid values:': 'Giá trị không hợp lệ:',
  'Argument: %s, Given: %s, Choices: %s': 'Tuỳ chọn: %s, đã ghi: %s, chọn một trong: %s',
  'Not enough arguments following: %s': 'Thiếu giá trị sau: %s',
  'Did you mean %s?': 'Có phải ý bạn là %s?',
} as const;
