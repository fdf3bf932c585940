import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/content/clean-text.js';
import { formatDeadline, parseDeadline } from '../../src/content/deadline.js';
import { parseVietnamesePhone } from '../../src/content/phone.js';

describe('phone numbers are printed grouped the way people read them', () => {
  it.each([
    ['0907028318', '0907 028 318'],
    ['0907.028.318', '0907 028 318'],
    ['+84 907 028 318', '0907 028 318'],
    ['02838411234', '028 3841 1234'],
    ['(024) 3765 4321', '024 3765 4321'],
    ['02733833113', '0273 383 3113'],
    ['19001234', '1900 1234'],
    ['1800123456', '1800 123 456'],
  ])('%s → %s', (raw, printed) => expect(parseVietnamesePhone(raw)).toBe(printed));

  it.each(['0123', '0241234567', '12345678901234', 'không có', '+1 415 555 0100'])('refuses %s', (raw) => {
    expect(parseVietnamesePhone(raw)).toBeUndefined();
  });
});

describe('deadlines', () => {
  it('reads ISO and Vietnamese forms and prints without leading zeros', () => {
    expect(formatDeadline(parseDeadline('2023-04-28')!)).toBe('28/4/2023');
    expect(formatDeadline(parseDeadline('01/05/2023')!)).toBe('1/5/2023');
    expect(formatDeadline(parseDeadline('2024-02-29')!)).toBe('29/2/2024');
  });

  it.each(['2023-02-29', '2023-13-01', '2023-04-31', '31/4/2023', '2023-4', 'ngày mai', '2023-00-10'])('refuses %s', (raw) => {
    expect(parseDeadline(raw)).toBeUndefined();
  });
});

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

describe('logos from bytes (the web page and the command line alike)', () => {
  it('decodes a picture to a small PNG, and says what is wrong with anything else', async () => {
    const { decodeLogo } = await import('../../src/content/logo.js');
    const { default: sharp } = await import('sharp');
    const png = await sharp({ create: { width: 1200, height: 300, channels: 3, background: '#C8102E' } }).png().toBuffer();
    expect(await decodeLogo(png, 'p.yaml')).toMatchObject({ width: 600, height: 150 });
    await expect(decodeLogo(Buffer.from('không phải ảnh'), 'p.yaml')).rejects.toMatchObject({ problems: [{ file: 'p.yaml', field: 'unit.logo' }] });
  });
});
