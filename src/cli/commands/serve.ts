import { spawn } from 'node:child_process';
import { UserError } from '../../errors.js';
import { startServer } from '../../server/index.js';
import { allowedSchemes } from '../output-options.js';

export interface ServeOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  port: number;
  /** Try to open the page in the default browser (never in CI or without a terminal). */
  open: boolean;
}

/** The web page for clerks who never open a terminal; runs until Ctrl-C. */
export async function serveCommand(o: ServeOptions): Promise<number> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    throw new UserError({ field: '--port', message: `cổng ${o.port} không dùng được`, hint: 'ghi một số nguyên từ 1024 đến 65535, ví dụ --port 8080 (hoặc 0 để tự chọn cổng trống)' });
  }
  const schemes = allowedSchemes(o.allowScheme);
  const server = await startServer({ port: o.port, host: '127.0.0.1' });
  // The page is made in the browser: the link schemes allowed travel in its address.
  const url = schemes.length ? `${server.url}?allow-scheme=${schemes.join(',')}` : server.url;
  process.stdout.write(`Trang web đang chạy: ${url}\nMở địa chỉ này bằng trình duyệt trên máy này. Bấm Ctrl-C để tắt.\n`);
  if (o.open && process.stdout.isTTY && !process.env.CI) openBrowser(url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  process.stdout.write('Đã tắt trang web.\n');
  return 0;
}

/** Best effort: when no browser opens, the printed address is enough. */
function openBrowser(url: string) {
  const [cmd, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine.
  }
}
