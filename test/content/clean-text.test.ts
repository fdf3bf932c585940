import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/content/clean-text.js';

describe('text from Word and Zalo is cleaned before it is printed', () => {
  it('composes decomposed Vietnamese (NFD → NFC)', () => {
    expect(cleanText('Phường 13'.normalize('NFD'))).toBe('Phường 13');
  });

  it('drops zero-width characters and soft hyphens, and turns odd spaces into plain ones', () => {
    expect(cleanText('Ủy\u200Bban\u00A0nhân\u2009dân\u00AD\uFEFF  xã\tA')).toBe('Ủyban nhân dân xã A');
  });

  it('joins lines and trims', () => {
    expect(cleanText('  Công an\r\n  Phường 13 ')).toBe('Công an Phường 13');
  });
});
