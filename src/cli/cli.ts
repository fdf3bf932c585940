import { UserError } from '../errors.js';
import { stopOnSignals } from './interrupt.js';
import { readNumber } from './number-option.js';
import { reportError } from './report.js';
import { isDrawingCommand } from './snapshot.js';
import { VI_STRINGS } from './vi-strings.js';

// Commands load their heavy modules (pdfkit, sharp) only when they run.
const PAPER_SIZES = ['a5', 'a4'] as const;
const POSTER_SIZES = ['a4', 'a3', 'a2', 'a1', 'a0'] as const;
const TILE_SHEETS = ['a4', 'a3'] as const;
const IMAGE_PRESETS = ['social-square', 'social-wide', 'led-fhd', 'led-portrait'] as const;
const FORMATS = ['pdf', 'png', 'jpg', 'webp'] as const;
// Options several commands share, written once.
const UNIT = { type: 'string', demandOption: true, describe: 'Tệp hồ sơ đơn vị (.yaml)' } as const;
const GUIDE = { type: 'string', demandOption: true, describe: 'Mã hướng dẫn (xem lệnh: guides)' } as const;
const OUT_FILE = { type: 'string', describe: 'Tên tệp kết quả' } as const;
const QUIET = { type: 'boolean', default: false, describe: 'Không hiện thanh tiến độ' } as const;
const FORMAT = { choices: FORMATS, describe: 'Loại tệp; mặc định theo đuôi tên tệp --out, hoặc pdf' } as const;
/** Number options are read as text and checked by readNumber, so "abc" is quoted back, never shown as NaN. */
const NUMBER = { type: 'string' } as const;
const COMMANDS = ['guides', 'validate', 'leaflet', 'poster', 'image', 'banner', 'stickers', 'handout', 'kit', 'serve'];

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  if (isDrawingCommand(argv)) stopOnSignals();
  try {
    return await parseAndRun(argv);
  } catch (err) {
    return reportError(err);
  }
}

async function parseAndRun(argv: string[]): Promise<number> {
  let exitCode = 0;
  // Imported here, not at the top: yargs looks at the terminal when it loads, and
  // a startup snapshot must be built before there is one.
  const { default: yargs } = await import('yargs');
  const cli = yargs(argv)
    .scriptName('vneid-print')
    .updateStrings(VI_STRINGS as unknown as Record<string, string>)
    .option('allow-scheme', { type: 'string', array: true, global: true, describe: 'Cho phép mã QR dùng loại link khác http(s), ví dụ: --allow-scheme tel' })
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
      (y) => y.option('unit', UNIT).example('$0 validate --unit don-vi.yaml', ''),
      async (args) => {
        const { validateCommand } = await import('./commands/validate.js');
        exitCode = await validateCommand({ allowScheme: args['allow-scheme'], unit: args.unit });
      },
    )
    .command(
      'leaflet',
      'Làm tờ hướng dẫn một trang (PDF hoặc ảnh)',
      (y) =>
        y
          .option('unit', UNIT)
          .option('guide', { type: 'string', describe: 'Mã hướng dẫn (xem lệnh: guides)' })
          .option('template', { type: 'string', describe: 'Tệp mẫu hướng dẫn của bạn (.hbs), thay cho --guide' })
          .option('size', { choices: PAPER_SIZES, describe: 'Khổ giấy (mặc định a5)' })
          .option('large-print', { type: 'boolean', default: false, describe: 'Chữ to (chữ thân bài từ 14 pt), khổ A4, in hai mặt' })
          .option('bleed', { ...NUMBER, default: '0', describe: 'Tràn lề cho nhà in, mm (thường 3); thêm dấu cắt' })
          .option('format', FORMAT)
          .option('dpi', { ...NUMBER, default: '200', describe: 'Độ nét của ảnh (điểm ảnh mỗi inch), 72–600' })
          .option('out', OUT_FILE)
          .example('$0 leaflet --unit don-vi.yaml --guide kich-hoat --out to-roi.pdf', '')
          .example('$0 leaflet --unit don-vi.yaml --guide kich-hoat --format png', 'ảnh để gửi Zalo, Facebook'),
      async (args) => {
        const { leafletCommand } = await import('./commands/leaflet.js');
        exitCode = await leafletCommand({ allowScheme: args['allow-scheme'], unit: args.unit, guide: args.guide, template: args.template, size: args.size, largePrint: args['large-print'], bleed: readNumber(args.bleed, '--bleed', '3'), format: args.format, dpi: readNumber(args.dpi, '--dpi', '300'), out: args.out });
      },
    )
    .command(
      'poster',
      'Làm áp phích (A4 đến A0), cho nhà in (tràn lề, dấu cắt, CMYK) hoặc ghép từ nhiều tờ A4/A3',
      (y) =>
        y
          .option('unit', UNIT)
          .option('guide', GUIDE)
          .option('size', { choices: POSTER_SIZES, default: 'a2' as const, describe: 'Khổ áp phích' })
          .option('landscape', { type: 'boolean', default: false, describe: 'Khổ ngang' })
          .option('bleed', { ...NUMBER, default: '0', describe: 'Tràn lề cho nhà in, mm (thường 3); thêm dấu cắt' })
          .option('cmyk', { type: 'boolean', default: false, describe: 'Ghi màu CMYK cho nhà in' })
          .option('tile', { choices: TILE_SHEETS, describe: 'Chia áp phích ra nhiều tờ A4 hoặc A3 để in ở văn phòng rồi ghép' })
          .option('format', FORMAT)
          .option('dpi', { ...NUMBER, default: '150', describe: 'Độ nét khi xuất ảnh' })
          .option('out', OUT_FILE)
          .example('$0 poster --unit don-vi.yaml --guide kich-hoat --size a2 --bleed 3 --out ap-phich.pdf', '')
          .example('$0 poster --unit don-vi.yaml --guide kich-hoat --size a1 --tile a4 --out ghep.pdf', ''),
      async (args) => {
        const { posterCommand } = await import('./commands/poster.js');
        exitCode = await posterCommand({ allowScheme: args['allow-scheme'], unit: args.unit, guide: args.guide, size: args.size, landscape: args.landscape, bleed: readNumber(args.bleed, '--bleed', '3'), tile: args.tile, cmyk: args.cmyk, format: args.format, dpi: readNumber(args.dpi, '--dpi', '300'), out: args.out });
      },
    )
    .command(
      'image',
      'Làm ảnh cho màn hình LED, Facebook, Zalo (PNG, JPEG, WebP)',
      (y) =>
        y
          .option('unit', UNIT)
          .option('guide', GUIDE)
          .option('preset', { choices: IMAGE_PRESETS, describe: 'social-square 1080×1080, social-wide 1200×630, led-fhd 1920×1080, led-portrait 1080×1920' })
          .option('width', { ...NUMBER, describe: 'Chiều rộng ảnh (điểm ảnh), thay cho --preset' })
          .option('height', { ...NUMBER, describe: 'Chiều cao ảnh (điểm ảnh), thay cho --preset' })
          .option('format', { choices: ['png', 'jpg', 'webp'] as const, describe: 'Loại ảnh; mặc định theo đuôi tên tệp --out, hoặc png' })
          .option('out', OUT_FILE)
          .example('$0 image --unit don-vi.yaml --guide kich-hoat --preset social-square --out bai-dang.png', ''),
      async (args) => {
        const { imageCommand } = await import('./commands/image.js');
        exitCode = await imageCommand({ allowScheme: args['allow-scheme'], unit: args.unit, guide: args.guide, preset: args.preset, width: readNumber(args.width, '--width', '1200', 'optional'), height: readNumber(args.height, '--height', '630', 'optional'), format: args.format ?? (args.out ? undefined : 'png'), out: args.out });
      },
    )
    .command(
      'banner',
      'Làm băng rôn đúng kích thước thật (PDF), một khẩu hiệu và tên đơn vị',
      (y) =>
        y
          .option('unit', UNIT)
          .option('text', { type: 'string', describe: 'Khẩu hiệu; mặc định lấy mục slogan trong hồ sơ' })
          .option('size', { type: 'string', default: '500x80cm', describe: 'Dài x cao, ví dụ 500x80cm' })
          .option('cmyk', { type: 'boolean', default: false, describe: 'Ghi màu CMYK cho nhà in' })
          .option('out', { type: 'string', describe: 'Tên tệp kết quả (.pdf)' })
          .example('$0 banner --unit don-vi.yaml --text "Cài VNeID – dùng dịch vụ công dễ dàng" --size 500x80cm --out bang-ron.pdf', ''),
      async (args) => {
        const { bannerCommand } = await import('./commands/banner.js');
        exitCode = await bannerCommand({ allowScheme: args['allow-scheme'], unit: args.unit, text: args.text, size: args.size, cmyk: args.cmyk, out: args.out });
      },
    )
    .command(
      'stickers',
      'Làm tem mã QR dán ở sảnh chung cư: mỗi tòa nhà một tem, in trên giấy decal',
      (y) =>
        y
          .option('unit', UNIT)
          .option('data', { type: 'string', demandOption: true, describe: 'Bảng các tòa nhà (.xlsx hoặc .csv), cột: Tòa nhà, Địa chỉ, Đường link (hoặc block, address, url)' })
          .option('sheet', { type: 'string', default: 'a4-2x4', describe: 'Khổ giấy decal: a4-2x4, a4-4xa6, a6, a5, hoặc tệp .json (a4-3x8 quá nhỏ cho hai mã quét từ 30 cm)' })
          .option('out', { type: 'string', default: 'tem-qr', describe: 'Thư mục kết quả' })
          .option('png', { type: 'boolean', default: false, describe: 'Thêm ảnh PNG cho từng tem' })
          .option('quiet', QUIET)
          .example('$0 stickers --unit don-vi.yaml --data toa-nha.xlsx --sheet a4-2x4 --out tem/', ''),
      async (args) => {
        const { stickersCommand } = await import('./commands/stickers.js');
        exitCode = await stickersCommand({ allowScheme: args['allow-scheme'], unit: args.unit, data: args.data, sheet: args.sheet, out: args.out, png: args.png, quiet: args.quiet });
      },
    )
    .command(
      'handout',
      'Làm tờ hướng dẫn phát cho phụ huynh, mỗi lớp một tệp, có phiếu xác nhận cắt rời',
      (y) =>
        y
          .option('unit', { type: 'string', demandOption: true, describe: 'Tệp hồ sơ của trường (.yaml)' })
          .option('data', { type: 'string', demandOption: true, describe: 'Bảng các lớp (.xlsx hoặc .csv), cột: Lớp, GVCN, SĐT, Zalo, Sĩ số (hoặc class, teacher, phone, zalo, students)' })
          .option('out', { type: 'string', default: 'to-phu-huynh', describe: 'Thư mục kết quả' })
          .option('guide', { type: 'string', default: 'kich-hoat', describe: 'Hướng dẫn ở mặt trước' })
          .option('two-up', { type: 'boolean', default: false, describe: 'Hai tờ A5 trên một tờ A4, có đường cắt' })
          .option('large-print', { type: 'boolean', default: false, describe: 'Chữ to (chữ thân bài từ 14 pt), mỗi bản một tờ A4' })
          .option('bleed', { ...NUMBER, default: '0', describe: 'Tràn lề cho nhà in, mm (thường 3); mỗi bản một tờ, thêm dấu cắt' })
          .option('grayscale', { type: 'boolean', default: false, describe: 'Chỉ đen trắng, cho máy in laser đen trắng' })
          .option('png', { type: 'boolean', default: false, describe: 'Thêm ảnh PNG màu của từng lớp, để gửi vào nhóm Zalo' })
          .option('quiet', QUIET)
          .example('$0 handout --unit truong.yaml --data cac-lop.xlsx --out to-phu-huynh/ --two-up --grayscale', ''),
      async (args) => {
        const { handoutCommand } = await import('./commands/handout.js');
        exitCode = await handoutCommand({ allowScheme: args['allow-scheme'], unit: args.unit, data: args.data, out: args.out, guide: args.guide, twoUp: args['two-up'], largePrint: args['large-print'], bleed: readNumber(args.bleed, '--bleed', '3'), grayscale: args.grayscale, png: args.png, quiet: args.quiet });
      },
    )
    .command(
      'kit',
      'Làm cả bộ ở khổ mặc định: tờ rơi mọi hướng dẫn (PDF, PNG), áp phích, ảnh mạng xã hội và màn hình LED, băng rôn',
      (y) =>
        y
          .option('unit', UNIT)
          .option('out', { type: 'string', default: 'output', describe: 'Thư mục kết quả' }),
      async (args) => {
        const { kitCommand } = await import('./commands/kit.js');
        exitCode = await kitCommand({ allowScheme: args['allow-scheme'], unit: args.unit, out: args.out });
      },
    )
    .command(
      'serve',
      'Mở trang web trên máy này để điền hồ sơ, xem trước và tải tờ in (không cần gõ lệnh)',
      (y) =>
        y
          .option('port', { ...NUMBER, default: '8080', describe: 'Cổng của trang web (0: chọn cổng trống)' })
          .option('open', { type: 'boolean', default: true, describe: 'Mở trình duyệt; tắt bằng --no-open' })
          .example('$0 serve', 'rồi mở http://127.0.0.1:8080 bằng trình duyệt'),
      async (args) => {
        const { serveCommand } = await import('./commands/serve.js');
        exitCode = await serveCommand({ allowScheme: args['allow-scheme'], port: readNumber(args.port, '--port', '8080'), open: args.open });
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
      const known = COMMANDS.includes(command);
      throw new UserError({
        message: msg.startsWith('Có phải') ? `không có lệnh "${command}". ${msg}` : msg,
        hint: `xem cách dùng: vneid-print ${known ? `${command} ` : ''}--help`,
      });
    });
  // yargs lays out the whole help text of a command as it starts it, to have it at
  // hand should the command fail (string-width on every Vietnamese cell: 40–150 ms of
  // a cold leaflet). Errors are reported by reportError, never with the help: skip it.
  const usage = (cli as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } }).getInternalMethods().getUsageInstance();
  usage.cacheHelpMessage = () => undefined;
  await cli.parseAsync();
  return exitCode;
}
