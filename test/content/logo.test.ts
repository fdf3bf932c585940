import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeLogo } from '../../src/content/logo.js';

describe('logos from bytes (the web page and the command line alike)', () => {
  it('decodes a picture to a small PNG, and says what is wrong with anything else', async () => {
    const png = await sharp({ create: { width: 1200, height: 300, channels: 3, background: '#C8102E' } }).png().toBuffer();
    expect(await decodeLogo(png, 'p.yaml')).toMatchObject({ width: 600, height: 150 });
    await expect(decodeLogo(Buffer.from('không phải ảnh'), 'p.yaml')).rejects.toMatchObject({ problems: [{ file: 'p.yaml', field: 'unit.logo' }] });
  });
});
