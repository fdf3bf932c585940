import { describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import type { TextItem } from '../../src/layout/display-list.js';
import { layoutHandout, type HandoutClass, type HandoutOptions } from '../../src/products/handout.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';

describe('a batch of handouts', () => {
  it('gives each class the front it would have alone: laid out once, with the class named on its own slip', async () => {
    const school = await loadUnit(example('truong-thcs-tan-trung.yaml'));
    const options = (): HandoutOptions => ({ profile: school.profile, logo: school.logo, guide: renderGuide(findGuide('kich-hoat'), school.profile), palette: 'color', twoUp: false });
    const classes: HandoutClass[] = ['6A1', '7A2', '9A10'].map((name, i) => ({ name, teacher: 'Cô Lê Thị Hoa', zalo: `https://zalo.me/g/lop${i}`, line: i + 2, dataFile: 'lop.csv' }));
    const shared = options();
    const batch = classes.map((cls) => layoutHandout(cls, shared, school.m));
    expect(batch).toEqual(classes.map((cls) => layoutHandout(cls, options(), school.m)));
    const slipClass = (cls: number) => batch[cls]![0]!.items.filter((it): it is TextItem => it.type === 'text' && it.text.startsWith('Lớp: ')).map((it) => it.text);
    expect([0, 1, 2].map(slipClass)).toEqual([['Lớp: 6A1'], ['Lớp: 7A2'], ['Lớp: 9A10']]);
  });
});
