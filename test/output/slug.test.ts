import { describe, expect, it } from 'vitest';
import { makeSlugger } from '../../src/output/slug.js';

describe('safe file names for a batch', () => {
  it("never names a class onto the batch's own files or onto another class's back picture", () => {
    const slug = makeSlugger('lop', { reserved: ['in-tat-ca-cac-lop'], companions: ['-mat-sau'] });
    expect(['6A mặt sau', '6A', 'In tất cả các lớp', '6A'].map(slug)).toEqual(['6a-mat-sau', '6a-2', 'in-tat-ca-cac-lop-2', '6a-3']);
  });
});
