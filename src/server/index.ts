import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/**
 * The page is the static build in dist/web (npm run build:web): everything is
 * made inside the browser, so this server only hands out its files — the same
 * files a USB stick or any static host serves. Two levels up from src/server and dist/server.
 */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the page is for this machine. */
  host?: string;
  /** Where unexpected errors are written. */
  log?: (message: string) => void;
  /** The folder served; the package's build by default. */
  root?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Only the page's own files, no frames, no eval (its templates come compiled); WebAssembly for the QR read-back. */
const CSP = "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; frame-ancestors 'none'";

const NOT_FOUND_HTML = '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Không có trang này</title><p>Không có trang này. <a href="./">Về trang chính</a></p></html>';

/** Serves the clerk's page on the loopback interface; nothing is received, nothing is written. */
export async function startServer(o: ServerOptions = {}): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  if (!LOOPBACK.includes(host)) throw new UserError({ field: '--host', message: `trang web chỉ mở trên máy này (127.0.0.1), không mở ra mạng ở "${host}"`, hint: 'bỏ tuỳ chọn địa chỉ' });
  const log = o.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const root = o.root ?? WEB_ROOT;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Another web site open in the same browser must not be able to read this page's files (DNS rebinding).
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'chỉ mở trang này bằng địa chỉ http://127.0.0.1 trên chính máy này');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'trang này chỉ có tệp để tải');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    // Files of the build by plain name only: no folders, no dot files, nothing outside it.
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || !TYPES[name.slice(name.lastIndexOf('.'))]) return send(res, 404, TYPES['.html']!, NOT_FOUND_HTML);
    let body: Buffer;
    try {
      body = await readFile(root + name);
    } catch {
      return send(res, 404, TYPES['.html']!, NOT_FOUND_HTML);
    }
    res.setHeader('Content-Security-Policy', CSP);
    // The service worker keeps the page for offline use; the browser asks again each time.
    res.setHeader('Cache-Control', 'no-cache');
    send(res, 200, TYPES[name.slice(name.lastIndexOf('.'))]!, req.method === 'HEAD' ? '' : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`vneid-print serve: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'lỗi bất ngờ');
    });
  });
  server.listen(o.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UserError({ field: '--port', message: `cổng ${o.port} đang được chương trình khác dùng`, hint: 'chọn cổng khác, ví dụ --port 8090, hoặc bỏ --port' }) : err),
    );
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}
