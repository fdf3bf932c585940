import { beforeAll, describe, expect, it } from 'vitest';
import { memorySink } from '../../src/batch/batch.js';
import { handoutBatch, type HandoutRequest } from '../../src/batch/handout-batch.js';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { classRows, classTableWarnings, type ClassRow } from '../../src/products/data-rows.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

let unit: UnitContext;
let classes: ClassRow[];
let request: HandoutRequest;

beforeAll(async () => {
  unit = await loadUnit(example('truong-thcs-tan-trung.yaml'));
  classes = classRows(
    [
      { line: 2, values: { class: '6A1', students: '3' } },
      { line: 3, values: { class: 'In tất cả các lớp', students: '2' } },
    ],
    'lop.csv',
  );
  request = { guide: renderGuide(findGuide('kich-hoat'), unit.profile), grayscale: false, twoUp: true, largePrint: false, bleedMm: 0 };
});

describe('the handout batch', () => {
  it("the command line's folder: each class's PDF and pictures, the print room's file with every copy, the print list", async () => {
    const batch = await handoutBatch(classes, request, unit, { classFiles: true, pictures: true, copies: 'students' });
    // A class named like the print room's file gets a name of its own.
    expect(batch.files).toEqual([
      '6a1.pdf',
      'png/6a1.png',
      'png/6a1-mat-sau.png',
      'in-tat-ca-cac-lop-2.pdf',
      'png/in-tat-ca-cac-lop-2.png',
      'png/in-tat-ca-cac-lop-2-mat-sau.png',
      'in-tat-ca-cac-lop.pdf',
      'danh-sach-in.csv',
    ]);
    const sink = memorySink();
    const said: string[] = [];
    // Two-up: 3 copies on 2 sheets, 2 copies on 1; each sheet both sides.
    expect(await batch.run(sink, { progress: (done, total, unit) => said.push(`${done}/${total} ${unit}`) })).toEqual({ classes: 2, pages: 6, sheets: 3 });
    expect(said).toEqual(['0/2 lớp', '1/2 lớp', '2/2 lớp']);
    expect(await readPdf(sink.file('in-tat-ca-cac-lop.pdf'))).toHaveLength(6);
    for (const name of batch.files) expect(sink.file(name).length, name).toBeGreaterThan(0);
  });

  it("the web page's file: only the print room's, one of each class when asked", async () => {
    const batch = await handoutBatch(classes, request, unit, { classFiles: false, pictures: true, copies: 'one' });
    expect(batch.files).toEqual(['in-tat-ca-cac-lop.pdf']);
    const sink = memorySink();
    expect(await batch.run(sink)).toEqual({ classes: 2, pages: 4, sheets: 2 });
  });

  it("stops with a class file's write error, written while the next class was drawn, and leaves no write behind", async () => {
    const batch = await handoutBatch(classes, request, unit, { classFiles: true, pictures: false, copies: 'one' });
    const sink = memorySink();
    const full = new Error('ENOSPC: no space left on device');
    const tried: string[] = [];
    let pending = 0;
    const failing = {
      ...sink,
      async write(name: string, data: Buffer | string) {
        tried.push(name);
        pending++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        pending--;
        if (name === '6a1.pdf') throw full;
        return sink.write(name, data);
      },
    };
    await expect(batch.run(failing)).rejects.toBe(full);
    expect(pending).toBe(0);
    // The second class was drawn while the first was written; nothing after it was.
    expect(tried).toEqual(['6a1.pdf']);
  });

  it('says, as a value, when the table has no pupil counts', () => {
    expect(classTableWarnings([{ line: 2, values: { class: '6A1' } }], 'lop.csv')).toEqual([{ kind: 'no-student-counts', file: 'lop.csv' }]);
    expect(classTableWarnings([{ line: 2, values: { class: '6A1', students: '30' } }], 'lop.csv')).toEqual([]);
  });
});
