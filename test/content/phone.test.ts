import { describe, expect, it } from 'vitest';
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
