// The page as a ward clerk and a school secretary use it (#18), in chromium: what
// survives a closed tab, the date as people type it, the preview beside the fields
// (or one tap away on a phone) with every page and a zoom, menus in plain words,
// progress in buildings, a word when the file is down, errors tied to their
// fields, and no accessibility violations that axe-core can find.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { launchChromium, hasChromium } from '../helpers/browser.js';
import { example } from '../helpers/cli.js';

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('⚠ chromium is not installed: the page tests are skipped');

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const NAME = 'Ủy ban nhân dân Phường Tân Định';
const blocksCsv = (n: number) => `Tòa nhà,Địa chỉ\n${Array.from({ length: n }, (_, i) => `Chung cư Ngọc Lan ${i + 1},${i + 1} Nơ Trang Long`).join('\n')}\n`;

let web: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** The page in a new browser profile (its own storage), once its menus are filled. */
async function open(viewport = WIDE, context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true, viewport, locale: 'vi-VN' }));
  if (!context) contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(web.url);
  await page.waitForFunction(() => (document.getElementById('guide') as HTMLSelectElement).options.length > 0);
  return page;
}

/** Waits until the preview shows what the form says now. */
async function previewSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.getElementById('preview') as HTMLImageElement;
    return img.src.startsWith('blob:') && !img.classList.contains('stale') && img.complete;
  });
}

async function axe(page: Page, state: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, state).toEqual([]);
}

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('vneid-print.form.v1'));
const status = (page: Page) => page.locator('#status');

describeBrowser('the page for a clerk', () => {
  beforeAll(async () => {
    web = await startServer({ port: 0, host: '127.0.0.1', log: () => {} });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await web?.close();
  });

  it('keeps what was typed when the tab is closed, never a table\'s rows, and forgets it all on "Xoá dữ liệu đã lưu"', async () => {
    const page = await open();
    expect(await page.locator('#autosave-note').textContent()).toMatch(/tự lưu .* trình duyệt trên máy này.*Bảng dữ liệu đã chọn thì không lưu, chỉ nhớ tên tệp/);
    await page.fill('[data-field="unit.name"]', NAME);
    await page.fill('[data-field="contact.phone"]', '0907 028 318');
    await page.fill('[data-field="venues.1.name"]', 'Nhà văn hóa khu phố 3');
    await page.selectOption('#product', 'stickers');
    await page.selectOption('#sheet', 'a4-4xa6');
    await page.setInputFiles('#data-file', { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from(blocksCsv(3)) });
    await page.locator('#data-note').filter({ hasText: 'Đã đọc 3 tòa nhà' }).waitFor();
    await page.waitForFunction(() => localStorage.getItem('vneid-print.form.v1')?.includes('toa-nha.csv'));
    const saved = (await stored(page))!;
    expect(saved).toContain(NAME);
    expect(saved).not.toContain('Ngọc Lan');
    const ctx = page.context();
    await page.close();

    const again = await open(WIDE, ctx);
    expect(await again.inputValue('[data-field="unit.name"]')).toBe(NAME);
    expect(await again.inputValue('[data-field="contact.phone"]')).toBe('0907 028 318');
    expect(await again.inputValue('[data-field="venues.1.name"]')).toBe('Nhà văn hóa khu phố 3');
    expect(await again.inputValue('#product')).toBe('stickers');
    expect(await again.inputValue('#sheet')).toBe('a4-4xa6');
    expect(await again.locator('#data-note').textContent()).toContain('Lần trước đã dùng bảng toa-nha.csv');
    await previewSettled(again);

    again.once('dialog', (d) => void d.accept());
    await again.click('#clear-saved');
    await status(again).filter({ hasText: 'Đã xoá dữ liệu đã lưu' }).waitFor();
    expect(await stored(again)).toBeNull();
    expect(await again.inputValue('[data-field="unit.name"]')).toBe('');
    expect(await again.inputValue('[data-field="venues.1.name"]')).toBe('');
    expect(await again.inputValue('#product')).toBe('leaflet');
    expect(await again.inputValue('#guide')).toBe('kich-hoat');
    expect(await again.locator('#preview').getAttribute('src')).toBeNull();
    expect(await again.evaluate(() => document.activeElement?.id)).toBe('unit.name');
    await again.close();
    // Closed after clearing, nothing comes back.
    const fresh = await open(WIDE, ctx);
    expect(await fresh.inputValue('[data-field="unit.name"]')).toBe('');
    expect(await stored(fresh)).toBeNull();
  }, 60_000);

  it('takes the date as people type it and says the format in Vietnamese', async () => {
    const page = await open();
    const help = page.locator('#deadline-help');
    expect(await help.textContent()).toContain('ngày/tháng/năm (dd/mm/yyyy)');
    expect(await page.getAttribute('#deadline', 'aria-describedby')).toContain('deadline-help');
    await page.fill('[data-field="unit.name"]', NAME);
    for (const typed of ['31 12 2026', '31-12-2026', '31.12.2026', '31122026', '31/12/26', '2026-12-31', ' 31 / 12 / 2026 ']) {
      await page.fill('#deadline', typed);
      await page.press('#deadline', 'Tab');
      expect(await page.inputValue('#deadline'), typed).toBe('31/12/2026');
    }
    await page.fill('#deadline', '5/3/2027');
    await page.press('#deadline', 'Tab');
    expect(await page.inputValue('#deadline')).toBe('05/03/2027');
    await previewSettled(page);
    expect(await page.locator('[data-err="deadline"]').textContent()).toBe('');
    // Not a real day: left as typed, and the reason is shown under it.
    await page.fill('#deadline', '31/2/2027');
    await page.press('#deadline', 'Tab');
    expect(await page.inputValue('#deadline')).toBe('31/2/2027');
    await page.locator('[data-err="deadline"]').filter({ hasText: 'không phải một ngày có thật' }).waitFor();
  }, 30_000);

  it('keeps the preview beside the fields at 1366×768 while typing, shows every page, and zooms', async () => {
    const page = await open();
    await page.fill('[data-field="unit.name"]', NAME);
    await previewSettled(page);
    // Typing the last venue, far down the form: the preview is still in view, beside it.
    await page.fill('[data-field="venues.1.name"]', 'Nhà văn hóa khu phố 3');
    await page.click('[data-field="venues.1.hours"]');
    await page.keyboard.type('Thứ Hai – Thứ Sáu');
    await previewSettled(page);
    const field = (await page.locator('[data-field="venues.1.hours"]').boundingBox())!;
    const shot = (await page.getByTestId('preview').boundingBox())!;
    expect(field.y + field.height).toBeLessThanOrEqual(WIDE.height);
    expect(shot.x).toBeGreaterThan(field.x + field.width);
    expect(shot.y).toBeGreaterThanOrEqual(0);
    expect(shot.y + shot.height).toBeLessThanOrEqual(WIDE.height);
    expect(shot.height).toBeGreaterThan(400);

    // The ward's profile makes muc-2 a two-sided leaflet: both sides, one tab each.
    await page.setInputFiles('[data-testid="profile-file"]', { name: 'phuong.yaml', mimeType: 'text/yaml', buffer: readFileSync(example('phuong-binh-thanh.yaml')) });
    await page.locator('#profile-note').filter({ hasText: 'Đã mở phuong.yaml' }).waitFor();
    await page.selectOption('#guide', 'muc-2');
    await page.locator('#page-tabs button').nth(1).waitFor();
    await previewSettled(page);
    expect(await page.locator('#page-tabs button').allTextContents()).toEqual(['Trang 1 · mặt trước', 'Trang 2 · mặt sau']);
    expect(await page.locator('#preview-note').textContent()).toContain('mặt trước và mặt sau');
    // The layout's notice names the guide by its title, not the command line's id.
    expect(await page.locator('#preview-notices').textContent()).toContain('hướng dẫn “Đăng ký tài khoản định danh điện tử mức 2” dài hơn một mặt A5');
    const front = await page.getByTestId('preview').getAttribute('src');
    await page.click('#page-tabs button >> nth=1');
    expect(await page.getByTestId('preview').getAttribute('src')).not.toBe(front);
    expect(await page.getByTestId('preview').getAttribute('alt')).toContain('mặt sau');
    expect(await page.getAttribute('#page-tabs button >> nth=1', 'aria-pressed')).toBe('true');

    // Click to enlarge: every page, at the zoom chosen; Esc closes.
    await page.getByTestId('preview').click();
    const viewer = page.locator('#viewer');
    await viewer.waitFor({ state: 'visible' });
    expect(await viewer.locator('img').count()).toBe(2);
    const fit = (await viewer.locator('img').first().boundingBox())!.width;
    await page.click('#zoom-in');
    await page.click('#zoom-in');
    await page.click('#zoom-in');
    expect(await page.locator('#zoom-level').textContent()).toBe('150%');
    expect((await viewer.locator('img').first().boundingBox())!.width).toBeGreaterThan(fit * 1.5);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });

    // A handout: the first class's front and back.
    await page.selectOption('#guide', 'kich-hoat');
    await page.selectOption('#product', 'handout');
    await page.locator('#preview-note').filter({ hasText: 'lớp mẫu 6A: mặt trước và mặt sau' }).waitFor();
    expect(await page.locator('#page-tabs button').count()).toBe(2);
    // Stickers: the first sheet, and it says so.
    await page.selectOption('#product', 'stickers');
    await page.setInputFiles('#data-file', { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from(blocksCsv(20)) });
    await page.locator('#preview-note').filter({ hasText: 'Tờ đầu tiên trong 3 tờ tem; chỉ xem trước tờ đầu' }).waitFor();
    expect(await page.locator('#page-tabs').isHidden()).toBe(true);
  }, 60_000);

  it('puts the preview one tap away on a phone', async () => {
    const page = await open(PHONE);
    await page.fill('[data-field="unit.name"]', NAME);
    await previewSettled(page);
    const button = page.locator('#to-preview');
    expect(await button.isVisible()).toBe(true);
    expect(await button.textContent()).toBe('Xem trước');
    // The preview in the page is far below what the phone shows...
    expect((await page.getByTestId('preview').boundingBox())!.y).toBeGreaterThan(PHONE.height);
    // ...and one tap brings it up, whole, over the form; closing leaves the clerk where they were.
    await page.focus('[data-field="contact.phone"]');
    await button.tap().catch(() => button.click());
    const img = page.locator('#viewer img').first();
    await img.waitFor({ state: 'visible' });
    const box = (await img.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await page.click('#viewer-close');
    await page.locator('#viewer').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('to-preview');
  }, 30_000);

  it('names every choice in plain Vietnamese and starts each product on the format that suits it', async () => {
    const page = await open();
    const texts = await page.locator('select option').allTextContents();
    for (const id of ['kich-hoat', 'muc-2', 'a4-2x4', 'a4-4xa6', 'social-square', 'led-fhd', 'led-portrait']) expect(texts.join('\n')).not.toContain(id);
    expect(texts).toContain('Tự kích hoạt tài khoản định danh điện tử tại nhà');
    expect(texts).toContainEqual(expect.stringMatching(/^A4 decal, 8 nhãn 99,1 × 67,7 mm/));
    expect(texts).toContain('Facebook/Zalo vuông 1080 × 1080');
    expect(texts).toContain('A2 (42 × 59,4 cm)');
    // Default: the A5 leaflet, as a PDF.
    expect([await page.inputValue('#product'), await page.inputValue('#size'), await page.inputValue('#format')]).toEqual(['leaflet', 'a5', 'pdf']);
    await page.selectOption('#product', 'image');
    expect(await page.inputValue('#format')).toBe('png');
    await page.selectOption('#product', 'poster');
    expect(await page.inputValue('#format')).toBe('pdf');
    await page.selectOption('#product', 'image');
    await page.fill('[data-field="unit.name"]', NAME);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('anh-kich-hoat-social-square.png');
    expect(await page.locator('#made').textContent()).toContain('Đã tải về anh-kich-hoat-social-square.png (1 ảnh)');
  }, 30_000);

  it('counts a batch in the buildings given, in Vietnamese numbers, and says when the file is down', async () => {
    const page = await open();
    await page.fill('[data-field="unit.name"]', NAME);
    await page.selectOption('#product', 'stickers');
    await page.setInputFiles('#data-file', { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from(blocksCsv(1000)) });
    await page.locator('#data-note').filter({ hasText: 'Đã đọc 1.000 tòa nhà từ toa-nha.csv' }).waitFor();
    await page.locator('#preview-note').filter({ hasText: 'Tờ đầu tiên trong 125 tờ tem' }).waitFor();
    // Every progress line the page shows, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const text = document.getElementById('progress-text')!;
      new MutationObserver(() => seen.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('tem-qr-a4-2x4.pdf');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((s) => s && s !== 'Đang làm…'));
    expect(seen.length).toBeGreaterThan(0);
    for (const line of seen) expect(line).toMatch(/^(\d{1,3}|\d\.\d{3}) \/ 1\.000 tòa nhà$/);
    await page.locator('#made').filter({ hasText: 'Đã tải về tem-qr-a4-2x4.pdf (125 tờ)' }).waitFor();
    await status(page).filter({ hasText: 'Đã tải về tem-qr-a4-2x4.pdf (125 tờ)' }).waitFor();
  }, 90_000);

  it('ties every error to its field, announces it, and moves to the first one when a download fails', async () => {
    const page = await open();
    await page.fill('[data-field="unit.name"]', NAME);
    await page.fill('[data-field="contact.phone"]', '0123');
    const phone = page.locator('[data-field="contact.phone"]');
    await page.locator('#err-contact\\.phone').filter({ hasText: 'không phải số điện thoại' }).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect((await phone.getAttribute('aria-describedby'))!.split(' ')).toContain('err-contact.phone');
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    await status(page).filter({ hasText: 'Còn 1 chỗ cần sửa' }).waitFor();
    await page.fill('[data-field="contact.phone"]', '0907 028 318');
    await page.waitForFunction(() => !document.querySelector('[data-field="contact.phone"]')!.hasAttribute('aria-invalid'));

    // A failed download puts the cursor on what to fix.
    await page.selectOption('#product', 'stickers');
    await page.getByTestId('download').click();
    await page.locator('#err-data').filter({ hasText: 'Chưa chọn bảng các tòa nhà' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-file');
    expect(await page.getAttribute('#data-file', 'aria-invalid')).toBe('true');
    await page.selectOption('#product', 'leaflet');
    await page.fill('[data-field="unit.name"]', '');
    await page.getByTestId('download').click();
    await status(page).filter({ hasText: 'Chưa tải về được' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('unit.name');

    // Too long: the box stops at its limit and says so in words.
    await page.fill('[data-field="unit.name"]', 'Ủy ban '.repeat(80));
    expect((await page.inputValue('[data-field="unit.name"]')).length).toBe(120);
    await page.locator('#limit-unit\\.name').filter({ hasText: 'Ô này nhận tối đa 120 ký tự' }).waitFor();
    expect((await page.getAttribute('[data-field="unit.name"]', 'aria-describedby'))!.split(' ')).toContain('limit-unit.name');
    await previewSettled(page);
    expect(await page.locator('body').textContent()).not.toContain('không đúng mẫu');

    // A profile file too long or broken: the reason next to "Mở hồ sơ đã lưu", never a silent failure.
    await page.setInputFiles('[data-testid="profile-file"]', { name: 'dai.yaml', mimeType: 'text/yaml', buffer: Buffer.from(`unit:\n  name: ${'a'.repeat(600)}\n`) });
    await page.locator('#err-profileFile').filter({ hasText: 'Mục unit.name trong tệp dài quá 500 ký tự' }).waitFor();
    expect((await page.getAttribute('#open-profile', 'aria-describedby'))!.split(' ')).toContain('err-profileFile');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-profile');
    await page.setInputFiles('[data-testid="profile-file"]', { name: 'hong.yaml', mimeType: 'text/yaml', buffer: Buffer.from('unit: [oops') });
    await page.locator('#err-profileFile').filter({ hasText: /YAML|cú pháp/ }).waitFor();
    expect(await page.locator('#err-profileFile').textContent()).not.toContain('dài quá');
  }, 60_000);

  it('axe-core finds no violations: empty form, filled, errors shown, stickers with a table, the enlarged view', async () => {
    const page = await open();
    await axe(page, 'empty form');
    await page.fill('[data-field="unit.name"]', NAME);
    await page.fill('[data-field="contact.name"]', 'Nguyễn Thị Hoa');
    await page.fill('[data-field="deadline"]', '31/12/2026');
    await page.fill('[data-field="venues.0.name"]', 'Công an Phường Tân Định');
    await previewSettled(page);
    await axe(page, 'filled form');
    await page.fill('[data-field="contact.phone"]', '0123');
    await page.fill('[data-field="venues.1.address"]', '12 Trần Quang Khải');
    await page.locator('#err-contact\\.phone').filter({ hasText: 'không phải số điện thoại' }).waitFor();
    await page.fill('[data-field="unit.parent"]', 'x'.repeat(130));
    await axe(page, 'errors shown');
    await page.fill('[data-field="contact.phone"]', '0907 028 318');
    await page.fill('[data-field="venues.1.address"]', '');
    await page.selectOption('#product', 'stickers');
    await page.setInputFiles('#data-file', { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from(blocksCsv(12)) });
    await page.locator('#data-note').filter({ hasText: 'Đã đọc 12 tòa nhà' }).waitFor();
    await previewSettled(page);
    await axe(page, 'stickers with a table');
    await page.click('#zoom');
    await page.locator('#viewer img').first().waitFor();
    await axe(page, 'enlarged view');
  }, 90_000);

  it('has an icon, and asks for everything by relative address (it may be served from any folder)', async () => {
    const html = await (await fetch(web.url)).text();
    expect(html).not.toMatch(/(src|href)="\//);
    const icon = await fetch(new URL('favicon.svg', web.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await (await fetch(new URL('app.js', web.url))).text()).not.toMatch(/fetch\(['`"]\//);
    expect(await (await fetch(new URL('backend.js', web.url))).text()).not.toMatch(/fetch\(['`"]\/|postJson\(['`"]\//);
  });
});
