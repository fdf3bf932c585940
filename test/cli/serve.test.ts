import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';

afterEach(() => vi.restoreAllMocks());

describe('vneid-print serve', () => {
  it('prints the page\'s address, with the link schemes allowed in it (the page is made in the browser), and stops on Ctrl-C', async () => {
    const said: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => said.push(String(chunk)) > 0);
    const running = serveCommand({ port: 0, open: false, allowScheme: ['tel', 'zalo'] });
    await vi.waitFor(() => expect(said.join('')).toContain('Trang web đang chạy'));
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?allow-scheme=tel,zalo/.exec(said.join(''))?.[0];
    expect(url).toBeDefined();
    expect(await (await fetch(url!)).text()).toContain('<html lang="vi">');
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(said.join('')).toContain('Đã tắt trang web.');
  });
});
