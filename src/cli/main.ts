#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserError } from '../errors.js';
import { reportError } from './report.js';
import { VI_STRINGS } from './vi-strings.js';

// Commands load their heavy modules (pdfkit, sharp) only when they run.
const PAPER_SIZES = ['a5', 'a4'] as const;
const FORMATS = ['pdf', 'png', 'jpg', 'webp'] as const;

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const cli = yargs(argv)
    .scriptName('vneid-print')
    .updateStrings(VI_STRINGS as unknown as Record<string, string>)
    .usage('$0 <lệnh> [tuỳ chọn]\n\nIn tờ hướng dẫn VNeID có thông tin của đơn vị bạn.')
    .command(
      'guides',
      'Liệt kê các hướng dẫn có sẵn (mã và tiêu đề)',
      (y) => y,
      async () => {
        const { guidesCommand } = await import('./commands/guides.js');
        exitCode = await guidesCommand();
      },
    )
    .command(
      'validate',
      'Kiểm tra tệp hồ sơ đơn vị và chỉ ra mọi chỗ cần sửa',
      (y) => y.option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ đơn vị (.yaml)' }).example('$0 validate --unit don-vi.yaml', ''),
      async (args) => {
        const { validateCommand } = await import('./commands/validate.js');
        exitCode = await validateCommand({ unit: args.unit });
      },
    )
    .command(
      'leaflet',
      'Làm tờ hướng dẫn một trang (PDF hoặc ảnh)',
      (y) =>
        y
          .option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ đơn vị (.yaml)' })
          .option('guide', { type: 'string', demandOption: true, describe: 'Mã hướng dẫn (xem lệnh: guides)' })
          .option('size', { choices: PAPER_SIZES, default: 'a5' as const, describe: 'Khổ giấy' })
          .option('format', { choices: FORMATS, describe: 'Loại tệp; mặc định theo đuôi tên tệp --out, hoặc pdf' })
          .option('dpi', { type: 'number', default: 200, describe: 'Độ nét của ảnh (điểm ảnh mỗi inch), 72–600' })
          .option('out', { type: 'string', describe: 'Tên tệp kết quả' })
          .example('$0 leaflet --unit don-vi.yaml --guide kich-hoat --out to-roi.pdf', '')
          .example('$0 leaflet --unit don-vi.yaml --guide kich-hoat --format png', 'ảnh để gửi Zalo, Facebook'),
      async (args) => {
        const { leafletCommand } = await import('./commands/leaflet.js');
        exitCode = await leafletCommand({ unit: args.unit, guide: args.guide, size: args.size, format: args.format, dpi: args.dpi, out: args.out });
      },
    )
    .command(
      'stickers',
      'Làm tem mã QR dán ở sảnh chung cư: mỗi tòa nhà một tem, in trên giấy decal',
      (y) =>
        y
          .option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ đơn vị (.yaml)' })
          .option('data', { type: 'string', demandOption: true, describe: 'Bảng các tòa nhà (.xlsx hoặc .csv) với cột block, address, url' })
          .option('sheet', { type: 'string', default: 'a4-2x4', describe: 'Khổ giấy decal: a4-2x4, a4-3x8, a4-4xa6, a6, a5, hoặc tệp .json' })
          .option('out', { type: 'string', default: 'tem-qr', describe: 'Thư mục kết quả' })
          .option('png', { type: 'boolean', default: false, describe: 'Thêm ảnh PNG cho từng tem' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Không hiện thanh tiến độ' })
          .example('$0 stickers --unit don-vi.yaml --data toa-nha.xlsx --sheet a4-2x4 --out tem/', ''),
      async (args) => {
        const { stickersCommand } = await import('./commands/stickers.js');
        exitCode = await stickersCommand({ unit: args.unit, data: args.data, sheet: args.sheet, out: args.out, png: args.png, quiet: args.quiet });
      },
    )
    .command(
      'handout',
      'Làm tờ hướng dẫn phát cho phụ huynh, mỗi lớp một tệp, có phiếu xác nhận cắt rời',
      (y) =>
        y
          .option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ của trường (.yaml)' })
          .option('data', { type: 'string', demandOption: true, describe: 'Bảng các lớp (.xlsx hoặc .csv) với cột class, teacher, phone, zalo, students' })
          .option('out', { type: 'string', default: 'to-phu-huynh', describe: 'Thư mục kết quả' })
          .option('guide', { type: 'string', default: 'kich-hoat', describe: 'Hướng dẫn ở mặt trước' })
          .option('back', { type: 'string', default: 'tien-ich', describe: 'Hướng dẫn ở mặt sau khi in hai mặt' })
          .option('two-up', { type: 'boolean', default: false, describe: 'Hai tờ A5 trên một tờ A4, có đường cắt' })
          .option('duplex', { type: 'boolean', default: false, describe: 'In hai mặt: mặt sau là hướng dẫn --back' })
          .option('grayscale', { type: 'boolean', default: false, describe: 'Chỉ đen trắng, cho máy in laser đen trắng' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Không hiện thanh tiến độ' })
          .example('$0 handout --unit truong.yaml --data cac-lop.xlsx --out to-phu-huynh/ --two-up --duplex --grayscale', ''),
      async (args) => {
        const { handoutCommand } = await import('./commands/handout.js');
        exitCode = await handoutCommand({ unit: args.unit, data: args.data, out: args.out, guide: args.guide, back: args.back, twoUp: args['two-up'], duplex: args.duplex, grayscale: args.grayscale, quiet: args.quiet });
      },
    )
    .command(
      'kit',
      'Làm cả bộ: mọi hướng dẫn, dạng PDF và ảnh PNG, vào một thư mục',
      (y) =>
        y
          .option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ đơn vị (.yaml)' })
          .option('out', { type: 'string', default: 'output', describe: 'Thư mục kết quả' }),
      async (args) => {
        const { kitCommand } = await import('./commands/kit.js');
        exitCode = await kitCommand({ unit: args.unit, out: args.out });
      },
    )
    .demandCommand(1, 'Hãy ghi một lệnh, ví dụ: vneid-print leaflet --help')
    .recommendCommands()
    .strict()
    .help('help')
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : '';
      const known = ['guides', 'validate', 'leaflet', 'stickers', 'handout', 'kit'].includes(command);
      throw new UserError({
        message: msg.startsWith('Có phải') ? `không có lệnh "${command}". ${msg}` : msg,
        hint: `xem cách dùng: vneid-print ${known ? `${command} ` : ''}--help`,
      });
    });
  await cli.parseAsync();
  return exitCode;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportError(err);
  },
);
