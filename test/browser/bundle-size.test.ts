// What a clerk's browser downloads the first time: everything the page loads,
// and ZXing, which the service worker keeps at once for offline use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const WEB = join(ROOT, 'dist/web');
const MB = 1024 * 1024;

describe('the page\'s first load', () => {
  it('is under 3 MB compressed, fonts, engine and ZXing included', () => {
    const files = readdirSync(WEB);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'app.js', 'engine.js', 'zxing-wasm.js', 'sw.js', 'manifest.webmanifest']));
    let gzip = 0;
    let brotli = 0;
    for (const f of files) {
      const bytes = readFileSync(join(WEB, f));
      gzip += gzipSync(bytes, { level: 9 }).length;
      brotli += brotliCompressSync(bytes).length;
    }
    console.log(`dist/web: ${(gzip / MB).toFixed(2)} MB gzip, ${(brotli / MB).toFixed(2)} MB brotli, ${files.length} files`);
    expect(gzip).toBeLessThan(3 * MB);
    expect(brotli).toBeLessThan(3 * MB);
  });

  it('carries all four faces of Be Vietnam Pro whole, as the command line uses them (no subset: every Vietnamese letter)', () => {
    const engine = readFileSync(join(WEB, 'engine.js'), 'utf8');
    for (const face of ['400Regular', '600SemiBold', '700Bold', '800ExtraBold']) {
      const ttf = readFileSync(join(ROOT, 'node_modules/@expo-google-fonts/be-vietnam-pro', face, `BeVietnamPro_${face}.ttf`));
      expect(engine.includes(ttf.toString('base64')), face).toBe(true);
    }
  });
});
