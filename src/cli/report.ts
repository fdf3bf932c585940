import { UserError, formatProblem } from '../errors.js';
import { PartialOutputError } from '../output/staged-output.js';
import { InterruptedError } from './interrupt.js';

/** The library's neutral field keys that are options on the command line. */
const OPTIONS: Record<string, string> = {
  guide: '--guide',
  templateFile: '--template',
  unitFile: '--unit',
  dataFile: '--data',
  sheet: '--sheet',
  sheetFile: '--sheet',
  size: '--size',
  text: '--text',
  imageSize: '--width/--height',
  out: '--out',
};

/** How the command line names a problem's field: as the option the user typed. */
const cliFieldName = (field: string): string => OPTIONS[field] ?? field;

/** Prints an error for the user and returns the exit code: 2 for what they can fix, 130/143 when stopped, 1 for our bugs. */
export function reportError(err: unknown): number {
  if (err instanceof InterruptedError) {
    process.stderr.write(`${formatProblem(err.problems[0]!, { fieldName: cliFieldName })}\n`);
    return err.exitCode;
  }
  if (err instanceof UserError) {
    const n = err.problems.length;
    process.stderr.write(`Lỗi${n > 1 ? ` (${n} chỗ cần sửa)` : ''}:\n${err.problems.map((p) => `• ${formatProblem(p, { fieldName: cliFieldName })}`).join('\n')}\n`);
    process.stderr.write(err instanceof PartialOutputError ? partly(err) : 'Chưa tạo tệp nào.\n');
    return 2;
  }
  const detail = err instanceof Error ? (process.env.VNEID_DEBUG ? err.stack : err.message) : String(err);
  process.stderr.write(
    `Lỗi ngoài dự kiến của chương trình (không phải do bạn nhập sai): ${detail}\n` +
      'Hãy chụp lại thông báo này gửi cho người phụ trách kỹ thuật.\n',
  );
  return 1;
}

function partly(err: PartialOutputError): string {
  const list = (paths: string[]) => paths.map((p) => `  ${p}\n`).join('');
  return `Chỉ ghi xong ${err.written.length} tệp (trọn vẹn, của lần chạy này):\n${list(err.written)}Chưa ghi được ${err.missing.length} tệp:\n${list(err.missing)}`;
}
