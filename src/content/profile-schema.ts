import { z } from 'zod';
import { formatDeadline, parseDeadline } from './deadline.js';
import { parseVietnamesePhone } from './phone.js';

export const OFFICIAL_STORE_LINKS = {
  ios: 'https://apps.apple.com/vn/app/vneid/id1582750372',
  android: 'https://play.google.com/store/apps/details?id=com.vnid',
} as const;

const text = (what: string, max: number) =>
  z
    .string({ error: `cần ghi ${what} (chữ)` })
    .min(1, { error: `${what} đang để trống` })
    .max(max, { error: `${what} dài quá ${max} ký tự` });

const optionalText = (what: string, max: number) =>
  z.union([text(what, max), z.literal('').transform(() => undefined), z.null().transform(() => undefined)]).optional();

// Which schemes are allowed is decided after parsing (see profile.ts): it depends on the schemes the user allowed.
const link = z.string({ error: 'cần một đường link (bắt đầu bằng https://)' }).min(1, { error: 'đường link đang để trống' });

const phone = z
  .union([z.string(), z.number().transform(String)], { error: 'cần ghi số điện thoại' })
  .transform((raw, ctx) => {
    const grouped = parseVietnamesePhone(raw);
    if (!grouped) {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" không phải số điện thoại Việt Nam hợp lệ; ghi số di động 10 chữ số (ví dụ 0907 028 318) hoặc số cố định kèm mã vùng (ví dụ 028 3841 1234)`,
      });
      return z.NEVER;
    }
    return grouped;
  });

const deadline = z
  .union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))], { error: 'cần ghi ngày theo dạng năm-tháng-ngày (ví dụ 2027-03-31) hoặc ngày/tháng/năm (31/3/2027)' })
  .transform((raw, ctx) => {
    const date = parseDeadline(raw);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" không phải một ngày có thật; ghi theo dạng năm-tháng-ngày (ví dụ 2027-03-31) hoặc ngày/tháng/năm (31/3/2027)`,
      });
      return z.NEVER;
    }
    return { ...date, printed: formatDeadline(date) };
  });

export const unitProfileSchema = z.strictObject({
  unit: z.strictObject(
    {
      name: text('tên đơn vị', 120),
      parent: optionalText('tên cơ quan cấp trên', 120),
      logo: optionalText('đường dẫn tệp logo', 500),
    },
    { error: 'cần mục unit với ít nhất unit.name (tên đơn vị)' },
  ),
  contact: z
    .strictObject({
      name: optionalText('tên cán bộ liên hệ', 80),
      title: optionalText('chức vụ', 120),
      phone: phone.optional(),
    })
    .optional(),
  deadline: deadline.optional(),
  /** The banner's slogan, when the command line gives none. */
  slogan: optionalText('khẩu hiệu', 120),
  venues: z
    .array(
      z.strictObject({
        name: text('tên địa điểm', 120),
        address: optionalText('địa chỉ', 200),
        hours: optionalText('giờ làm việc', 120),
      }),
      { error: 'venues cần là một danh sách, mỗi dòng bắt đầu bằng dấu "- "' },
    )
    .max(4, { error: 'nhiều nhất 4 địa điểm để vừa trang in' })
    .default([]),
  qr: z
    .strictObject({
      ios: link.default(OFFICIAL_STORE_LINKS.ios),
      android: link.default(OFFICIAL_STORE_LINKS.android),
      extra: z
        .array(z.strictObject({ label: text('nhãn mã QR', 40), url: link }))
        .max(2, { error: 'nhiều nhất 2 mã QR thêm để mã đủ lớn khi in' })
        .default([]),
    })
    .default({ ios: OFFICIAL_STORE_LINKS.ios, android: OFFICIAL_STORE_LINKS.android, extra: [] }),
});

export type ParsedProfile = z.output<typeof unitProfileSchema>;
