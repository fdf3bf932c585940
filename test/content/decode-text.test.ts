import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../src/content/decode-text.js';

describe('Windows-1252, the bytes of old TCVN3 and VNI files', () => {
  it('reads every byte as iconv-lite does (the page has no iconv-lite)', () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decodeWindows1252(every)).toBe(iconv.decode(every, 'windows-1252'));
    const long = Buffer.alloc(100_000, 0x96);
    expect(decodeWindows1252(long)).toBe('–'.repeat(100_000));
  });
});
