import { describe, expect, it } from 'vitest';
import { formatDeadline } from '../../src/content/deadline.js';
import { contentStamp, parseGuideMeta, splitGuideSource } from '../../src/content/guide-meta.js';
import { findGuide, listGuides } from '../../src/content/guides.js';
import { refusal } from '../helpers/refusal.js';

const PORTAL = 'https://dichvucong.gov.vn';

describe('guide front matter', () => {
  const frontMatter = (lines: string[]) => lines.join('\n');
  const VALID = ['title: Thử', 'audience: Mọi người', 'action: install-app', 'deadline: true', 'reviewed: 2026-11-01', 'sources:', '  - { document: Văn bản 1, issuer: Bộ Công an, date: 2025-02-17, short: HD 1 }'];

  it('reads every shipped guide: who it is for, its call to action, its sources and the day it was checked', () => {
    for (const info of listGuides()) {
      const { meta } = info;
      expect(meta.audience.length, info.id).toBeGreaterThan(10);
      expect(meta.sources.length, info.id).toBeGreaterThan(0);
      // Checked against the rules in force since the two-tier reform of 1/7/2025, and not in the future.
      expect(formatDeadline(meta.reviewed), info.id).toMatch(/\/20(2[5-9])$/);
      expect(meta.reviewed.year * 10000 + meta.reviewed.month * 100 + meta.reviewed.day).toBeGreaterThanOrEqual(20250701);
      expect(meta.reviewed.year * 10000 + meta.reviewed.month * 100 + meta.reviewed.day).toBeLessThanOrEqual(20261128);
    }
    expect(findGuide('dich-vu-cong').meta.action).toBe('open-portal');
    expect(findGuide('dich-vu-cong').meta.links.portal).toBe(PORTAL);
    expect(findGuide('muc-2').meta.action).toBe('visit-office');
    expect(findGuide('tien-ich').meta.takesDeadline).toBe(false);
    expect(findGuide('kich-hoat').meta.takesDeadline).toBe(true);
  });

  it('names the 2025 guidance of the Ministry of Public Security on the guides it changed', () => {
    for (const id of ['muc-2', 'dich-vu-cong']) {
      const hd08 = findGuide(id).meta.sources.find((s) => s.document.startsWith('Hướng dẫn số 08'));
      expect(hd08, id).toMatchObject({ issuer: 'Bộ Công an', date: { year: 2025, month: 2, day: 17 } });
    }
  });

  it('stamps a print with the documents it follows and the day its content was checked', () => {
    const meta = parseGuideMeta(frontMatter([...VALID, '  - { document: Văn bản 2, issuer: Quốc hội, date: 2023-11-27, short: Luật 2 }', '  - { document: Công văn cũ, issuer: UBND, date: 2023-04-14 }']), 'g.hbs');
    expect(contentStamp(meta)).toBe('Nội dung theo HD 1 và Luật 2 · cập nhật 1/11/2026');
    expect(contentStamp(meta, { short: true })).toBe('Cập nhật 1/11/2026');
  });

  const refused = (yaml: string) => refusal(() => parseGuideMeta(yaml, 'g.hbs'));

  it('refuses a guide without a review date, naming the field', () => {
    const err = refused(frontMatter(VALID.filter((l) => !l.startsWith('reviewed'))));
    expect(err.problems[0]).toMatchObject({ file: 'g.hbs', field: 'reviewed' });
    expect(err.problems[0]!.message).toContain('ngày kiểm tra nội dung');
  });

  it('refuses every unknown key, each on its own line of the file', () => {
    const err = refused(frontMatter([...VALID.slice(0, 2), 'summary: cũ', 'muc: x', ...VALID.slice(2)]));
    expect(err.problems.map((p) => [p.field, p.line])).toEqual([
      ['summary', 4],
      ['muc', 5],
    ]);
  });

  it('refuses an unknown call to action and an impossible review date', () => {
    const err = refused(frontMatter(VALID.map((l) => l.replace('install-app', 'goi-dien').replace('2026-11-01', '2026-02-30'))));
    expect(err.problems.map((p) => p.field).sort()).toEqual(['action', 'reviewed']);
    expect(err.message).toContain('install-app, open-portal, visit-office');
    expect(err.message).toContain('"2026-02-30" không phải một ngày có thật');
  });

  it('refuses a file without front matter, on line 1', () => {
    expect(() => splitGuideSource('## Một bước\n', 'g.hbs')).toThrow(/dòng 1: mẫu hướng dẫn thiếu phần đầu/);
  });
});
