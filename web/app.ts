// The clerk's page: fill in the unit, pick a product, preview it, download it.
// Everything is made by the backend (backend.ts); nothing leaves the machine.
// What is typed is kept in the browser (localStorage) so a closed tab loses nothing.

import { inPageBackend } from './in-page-backend.js';
import { type Backend, type Choice, type DataKind, type FieldError, type Options, type Preview, type ProductRequest, type ProfileForm, type Venue } from './backend.js';

const backend: Backend = inPageBackend;

const $ = <T extends HTMLElement = HTMLInputElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
let rest: unknown = undefined;
const dataIds: Record<DataKind, string | undefined> = { blocks: undefined, classes: undefined };
const dataNotes: Record<DataKind, string> = { blocks: '', classes: '' };
/** The last table chosen for each kind, by file name only: its rows are never stored. */
const tableNames: Partial<Record<DataKind, string>> = {};
let previewSeq = 0;
let previewAbort: AbortController | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

// ---- Small helpers -------------------------------------------------------

const value = (id: string): string => $<HTMLInputElement | HTMLSelectElement>(id).value;
const checked = (id: string): boolean => $(id).checked;

/** 1000 → "1.000", as Vietnamese writes numbers. */
function fmt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Says something to screen readers (the polite status region); the same text stays visible elsewhere. */
function announce(text: string): void {
  const box = $('status');
  box.textContent = '';
  // A fresh node, a moment later, so the same sentence twice is read twice.
  setTimeout(() => (box.textContent = text), 50);
}

/**
 * A date as people type it, in dd/mm/yyyy: "31/12/2026", "31-12-2026", "31.12.2026",
 * "31 12 2026", "31122026", "31/12/26" and "2026-12-31". Undefined when it is not a
 * real date (the server then says why, next to the field).
 */
function typedDate(raw: string): string | undefined {
  const t = raw.trim();
  let m: RegExpExecArray | null;
  let d: number, mo: number, y: number;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})$/.exec(t))) [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  else return undefined;
  if (y < 100) y += 2000;
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d)}/${two(mo)}/${y}`;
}

// ---- Fields and their messages ------------------------------------------

/** Ties each input to its help and error text (aria-describedby), so screen readers read them with it. */
function wire(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-err]').forEach((box) => {
    box.id = `err-${box.dataset.err}`;
  });
  root.querySelectorAll<HTMLInputElement>('[data-field]').forEach((input) => {
    const ids = [input.dataset.help, `err-${input.dataset.field}`].filter((id): id is string => !!id && !!document.getElementById(id));
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
  });
}

/**
 * A box that has taken all it can: the browser stops there (maxlength) and cuts a
 * paste short; the clerk is told so in words instead of a silent stop.
 */
function checkLength(input: EventTarget | null): void {
  if (!(input instanceof HTMLInputElement) || input.maxLength <= 0 || !input.dataset.field) return;
  const id = `limit-${input.dataset.field}`;
  let note = document.getElementById(id);
  const full = input.value.length >= input.maxLength;
  if (!note) {
    if (!full) return;
    note = document.createElement('div');
    note.className = 'limit';
    note.id = id;
    input.insertAdjacentElement('afterend', note);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
  }
  const text = full ? `Ô này nhận tối đa ${fmt(input.maxLength)} ký tự; phần gõ hoặc dán thêm không được nhận. Hãy viết gọn lại.` : '';
  if (text && note.textContent !== text) announce(text);
  note.textContent = text;
}

const VENUE_LIMITS = { name: 120, address: 200, hours: 120 } as const;

function venueRow(v?: Venue | null): void {
  const i = $('venues').children.length;
  const box = document.createElement('fieldset');
  box.className = 'venue';
  box.innerHTML =
    `<legend>Nơi ${i + 1}</legend>` +
    `<label for="venues.${i}.name">Tên nơi</label><input type="text" id="venues.${i}.name" data-field="venues.${i}.name" maxlength="${VENUE_LIMITS.name}" placeholder="ví dụ: Công an phường Bình Thạnh"><div class="err" data-err="venues.${i}.name"></div>` +
    `<label for="venues.${i}.address">Địa chỉ</label><input type="text" id="venues.${i}.address" data-field="venues.${i}.address" maxlength="${VENUE_LIMITS.address}"><div class="err" data-err="venues.${i}.address"></div>` +
    `<label for="venues.${i}.hours">Giờ làm việc</label><input type="text" id="venues.${i}.hours" data-field="venues.${i}.hours" maxlength="${VENUE_LIMITS.hours}" placeholder="ví dụ: Thứ Hai – Thứ Bảy, 7:30–11:30"><div class="err" data-err="venues.${i}.hours"></div>` +
    `<div class="err" data-err="venues.${i}"></div>`;
  $('venues').appendChild(box);
  wire(box);
  if (v) for (const k of ['name', 'address', 'hours'] as const) $(`venues.${i}.${k}`).value = v[k] || '';
  $<HTMLButtonElement>('add-venue').disabled = $('venues').children.length >= 4;
}

function setVenues(venues: Venue[]): void {
  $('venues').innerHTML = '';
  venues.forEach((v) => venueRow(v));
  while ($('venues').children.length < 2) venueRow();
}

function profile(): ProfileForm {
  const venues: Venue[] = [];
  for (let i = 0; i < $('venues').children.length; i++) {
    venues.push({ name: value(`venues.${i}.name`), address: value(`venues.${i}.address`), hours: value(`venues.${i}.hours`) });
  }
  return {
    unit: { name: value('unit.name'), parent: value('unit.parent') },
    contact: { name: value('contact.name'), title: value('contact.title'), phone: value('contact.phone') },
    deadline: typedDate(value('deadline')) ?? value('deadline'),
    venues,
    rest,
  };
}

function fillProfile(f: ProfileForm): void {
  $('unit.name').value = f.unit.name;
  $('unit.parent').value = f.unit.parent;
  $('contact.name').value = f.contact.name;
  $('contact.title').value = f.contact.title;
  $('contact.phone').value = f.contact.phone;
  $('deadline').value = typedDate(f.deadline) ?? f.deadline;
  rest = f.rest;
  setVenues(f.venues);
}

const kind = (): DataKind => (value('product') === 'handout' ? 'classes' : 'blocks');

function product(): ProductRequest {
  return {
    product: value('product'),
    guide: value('guide'),
    format: value('format'),
    size: value('size'),
    posterSize: value('posterSize'),
    landscape: checked('landscape'),
    preset: value('preset'),
    sheet: value('sheet'),
    twoUp: checked('twoUp'),
    grayscale: checked('grayscale'),
    largePrint: value('product') === 'handout' ? checked('handoutLargePrint') : checked('largePrint'),
    allCopies: checked('allCopies'),
    dataId: dataIds[kind()],
  };
}

// scope: only these fields (null: all); keep: all but these (the upload's own messages outlive a preview).
function clearErrors(scope: string[] | null, keep?: string[]): void {
  const hit = (name: string | undefined) => name !== undefined && (!scope || scope.includes(name)) && !(keep && keep.includes(name));
  document.querySelectorAll<HTMLElement>('[data-err]').forEach((el) => {
    if (hit(el.dataset.err)) el.textContent = '';
  });
  document.querySelectorAll<HTMLElement>('[aria-invalid]').forEach((el) => {
    if (hit(el.dataset.field)) el.removeAttribute('aria-invalid');
  });
  if (!scope) $('general').textContent = '';
}

/** Profile entries the form has no box for (they come from a loaded file), by what they are. */
const FILE_FIELDS: Record<string, string> = {
  'qr.ios': 'Đường link App Store (mục qr.ios trong tệp hồ sơ)',
  'qr.android': 'Đường link Google Play (mục qr.android trong tệp hồ sơ)',
  'qr.extra': 'Mã QR thêm (mục qr.extra trong tệp hồ sơ)',
  slogan: 'Khẩu hiệu (mục slogan trong tệp hồ sơ)',
};

/**
 * The engine's messages name guides, label sheets and picture sizes by the ids the
 * command line takes ("kich-hoat", "a4-2x4", "social-square"); the page says their names.
 */
let names: [RegExp, string][] = [];

function learnNames(opts: Options): void {
  const esc = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  names = [
    ...opts.guides.map((g): [RegExp, string] => [new RegExp(`"${esc(g.id)}"`, 'g'), `“${g.title}”`]),
    // Bare ids only where they cannot be part of a file name (to-roi-kich-hoat-a5.pdf).
    ...[...opts.sheets, ...opts.imagePresets].filter((c) => c.id.includes('-')).map((c): [RegExp, string] => [new RegExp(`(?<![\\w.-])${esc(c.id)}(?![\\w-])`, 'g'), `“${c.title}”`]),
  ];
}

function inPlainWords(text: string): string {
  return names.reduce((t, [id, title]) => t.replace(id, title), text);
}

function errorText(e: FieldError): string {
  const s = inPlainWords((e.line ? `dòng ${e.line}: ` : '') + e.message);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Each problem under its field (aria-invalid, described by the message); the rest in the list at the top. Returns how many. */
function showErrors(errors: FieldError[]): number {
  const general: FieldError[] = [];
  for (const e of errors) {
    let box = e.field ? document.querySelector(`[data-err="${CSS.escape(e.field)}"]`) : null;
    if (!box && e.field) {
      const parts = e.field.split('.');
      while (!box && parts.length > 1) {
        parts.pop();
        box = document.querySelector(`[data-err="${CSS.escape(parts.join('.'))}"]`);
      }
    }
    if (!box || !e.field) {
      general.push(e);
      continue;
    }
    const line = document.createElement('div');
    line.textContent = errorText(e);
    if (e.hint) {
      const h = document.createElement('span');
      h.className = 'hint';
      h.textContent = `→ ${inPlainWords(e.hint)}`;
      line.appendChild(h);
    }
    box.appendChild(line);
    const field = box.getAttribute('data-err')!;
    document.querySelector(`[data-field="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  if (general.length) {
    const ul = document.createElement('ul');
    for (const e of general) {
      const li = document.createElement('li');
      const where = e.field ? `${FILE_FIELDS[e.field] ?? `Mục ${e.field} trong tệp hồ sơ`}: ` : '';
      li.textContent = where + errorText(e) + (e.hint ? ` (${inPlainWords(e.hint)})` : '');
      ul.appendChild(li);
    }
    $('general').textContent = 'Cần sửa:';
    $('general').appendChild(ul);
  }
  return errors.length;
}

/** After a failed download: the first field to fix gets the focus (its message is read with it). */
function focusFirstError(): void {
  const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (first) {
    const opt = first.closest<HTMLElement>('.opt');
    if (!opt || !opt.hidden) return first.focus();
  }
  if ($('general').textContent) $('general').focus();
}

// ---- Choices -------------------------------------------------------------

/** Pictures are for screens, everything else for paper; a format the clerk picks is kept per product. */
const formats: Record<string, string> = { leaflet: 'pdf', poster: 'pdf', image: 'png' };

function showOptions(): void {
  const p = value('product');
  document.querySelectorAll<HTMLElement>('.opt').forEach((el) => {
    el.hidden = !(el.getAttribute('data-for') ?? '').split(' ').includes(p);
  });
  if (formats[p]) $('format').value = formats[p]!;
  const blocks = p === 'stickers';
  $('data-label').textContent = blocks ? 'Chọn bảng các tòa nhà (.xlsx hoặc .csv)…' : 'Chọn bảng các lớp (.xlsx hoặc .csv)…';
  $('data-help').textContent = blocks
    ? 'Dòng đầu là tên cột: “Tòa nhà” (bắt buộc), “Địa chỉ”, “Đường link”. Khi chưa có bảng, xem trước dùng một tòa nhà mẫu.'
    : 'Dòng đầu là tên cột: “Lớp” (bắt buộc), “GVCN”, “SĐT”, “Zalo”, “Sĩ số”. Khi chưa có bảng, xem trước dùng một lớp mẫu.';
  showDataNote();
}

function showDataNote(): void {
  const k = kind();
  const before = tableNames[k];
  $('data-note').textContent = dataNotes[k] || (before ? `Lần trước đã dùng bảng ${before}; trang không lưu nội dung bảng, hãy chọn lại tệp này.` : '');
}

function fill(id: string, items: Choice[], preferred: string): void {
  const select = $<HTMLSelectElement>(id);
  for (const it of items) {
    const o = document.createElement('option');
    o.value = it.id;
    o.textContent = it.title;
    // The choice the page starts with, and goes back to on "Xoá dữ liệu đã lưu".
    o.defaultSelected = it.id === preferred;
    select.appendChild(o);
  }
  if (!items.some((it) => it.id === preferred)) select.options[0]!.defaultSelected = true;
  select.value = items.some((it) => it.id === preferred) ? preferred : items[0]!.id;
}

// ---- Preview -------------------------------------------------------------

/** The pages of the last preview (object URLs) and the one shown. */
let shown: { urls: string[]; labels: string[] } = { urls: [], labels: [] };
let current = 0;

function schedulePreview(): void {
  clearTimeout(timer);
  $('preview').classList.add('stale');
  timer = setTimeout(runPreview, 400);
}

function pageLabels(n: number): string[] {
  return n === 2 ? ['Trang 1 · mặt trước', 'Trang 2 · mặt sau'] : Array.from({ length: n }, (_, i) => `Trang ${i + 1}`);
}

/** What the pages are, in a sentence above them. */
function previewNote(p: Preview): string {
  const b = p.batch;
  const zoom = ' Bấm vào hình để phóng to.';
  if (!b) return (p.pages.length === 2 ? 'Hai trang: mặt trước và mặt sau; hãy in hai mặt.' : p.pages.length > 1 ? `${p.pages.length} trang.` : 'Một trang.') + zoom;
  if (value('product') === 'stickers') {
    if (b.sample) return `Tờ tem mẫu với một tòa nhà mẫu. Tải bảng các tòa nhà lên để xem tem thật.${zoom}`;
    return (b.total > 1 ? `Tờ đầu tiên trong ${fmt(b.total)} tờ tem; chỉ xem trước tờ đầu, các tờ sau in giống vậy cho các tòa nhà còn lại.` : 'Cả bảng nằm trên 1 tờ tem.') + zoom;
  }
  if (b.sample) return `Bản mẫu cho lớp mẫu ${b.first ?? ''}: mặt trước và mặt sau. Tải bảng các lớp lên để xem bản thật.${zoom}`;
  return `Lớp ${b.first ?? ''} (lớp đầu tiên trong ${fmt(b.total)} ${b.unit}): mặt trước và mặt sau; các lớp khác in giống vậy.${zoom}`;
}

function productName(): string {
  return $<HTMLSelectElement>('product').selectedOptions[0]?.textContent ?? '';
}

function showPage(i: number): void {
  current = i;
  const img = $<HTMLImageElement>('preview');
  img.src = shown.urls[i]!;
  img.alt = `Xem trước ${productName().toLowerCase()}, ${shown.labels[i]!.toLowerCase()}; bấm để phóng to`;
  $('page-tabs').querySelectorAll('button').forEach((b, j) => b.setAttribute('aria-pressed', String(j === i)));
}

function showPreview(p: Preview): void {
  const old = shown.urls;
  shown = { urls: p.pages.map((b) => URL.createObjectURL(b)), labels: pageLabels(p.pages.length) };
  const tabs = $('page-tabs');
  tabs.textContent = '';
  tabs.hidden = shown.urls.length < 2;
  shown.labels.forEach((label, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => showPage(i));
    tabs.appendChild(b);
  });
  showPage(Math.min(current, shown.urls.length - 1));
  $('zoom-hit').hidden = false;
  $('preview-empty').hidden = true;
  $('preview').classList.remove('stale');
  $('preview-note').textContent = previewNote(p);
  showNotices('preview-notices', p.notices);
  if ($<HTMLDialogElement>('viewer').open) drawViewer();
  for (const u of old) URL.revokeObjectURL(u);
}

function clearPreview(): void {
  for (const u of shown.urls) URL.revokeObjectURL(u);
  shown = { urls: [], labels: [] };
  current = 0;
  $('preview').removeAttribute('src');
  $('preview').classList.remove('stale');
  $('zoom-hit').hidden = true;
  $('preview-empty').hidden = false;
  $('preview-empty').textContent = 'Điền tên đơn vị để xem trước.';
  $('page-tabs').hidden = true;
  $('page-tabs').textContent = '';
  $('preview-note').textContent = '';
  showNotices('preview-notices', []);
}

/** The problems last announced, so the same list is not read again at every key. */
let announcedProblems = '';

async function runPreview(): Promise<void> {
  const seq = ++previewSeq;
  if (!value('unit.name').trim() && !shown.urls.length) {
    $('preview').classList.remove('stale');
    $('preview-note').textContent = '';
    return;
  }
  previewAbort?.abort();
  previewAbort = new AbortController();
  $('preview-note').textContent = 'Đang vẽ…';
  try {
    const r = await backend.preview(profile(), product(), previewAbort.signal);
    if (seq !== previewSeq) return;
    clearErrors(null, ['data', 'profileFile']);
    if (!r.ok) {
      const n = showErrors(r.errors);
      $('preview-note').textContent = 'Hình xem trước chưa cập nhật: còn chỗ cần sửa (ghi màu đỏ dưới từng ô).';
      $('preview-empty').textContent = 'Sửa các chỗ ghi màu đỏ để xem trước.';
      showNotices('preview-notices', []);
      const said = JSON.stringify(r.errors);
      if (said !== announcedProblems) announce(`Còn ${fmt(n)} chỗ cần sửa; lời nhắc ghi ngay dưới từng ô.`);
      announcedProblems = said;
      return;
    }
    if (announcedProblems) announce('Đã hết chỗ cần sửa; hình xem trước đã cập nhật.');
    announcedProblems = '';
    showPreview(r.value);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return;
    throw e;
  }
}

// ---- The enlarged view ---------------------------------------------------

const ZOOMS = [0, 0.75, 1, 1.5, 2, 3];
let zoom = 0;

function drawViewer(): void {
  const box = $('viewer-pages');
  box.textContent = '';
  $('viewer-title').textContent = shown.urls.length ? `Xem trước: ${productName()}` : 'Xem trước';
  if (!shown.urls.length) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = 'Chưa có hình xem trước: điền tên đơn vị trước đã.';
    box.appendChild(p);
  }
  shown.urls.forEach((url, i) => {
    const fig = document.createElement('figure');
    const cap = document.createElement('figcaption');
    cap.textContent = shown.labels[i]!;
    const img = document.createElement('img');
    img.src = url;
    img.alt = `${productName()}, ${shown.labels[i]!.toLowerCase()}`;
    fig.append(cap, img);
    box.appendChild(fig);
  });
  applyZoom();
}

function applyZoom(): void {
  const z = ZOOMS[zoom]!;
  $('zoom-level').textContent = z ? `${Math.round(z * 100)}%` : 'Vừa khung';
  $('viewer-pages').querySelectorAll('figure').forEach((fig) => {
    const img = fig.querySelector('img')!;
    fig.classList.toggle('zoomed', z > 0);
    const set = () => (img.style.width = z ? `${Math.round(img.naturalWidth * z)}px` : '');
    if (img.complete) set();
    else img.addEventListener('load', set, { once: true });
  });
  $<HTMLButtonElement>('zoom-out').disabled = zoom === 0;
  $<HTMLButtonElement>('zoom-in').disabled = zoom === ZOOMS.length - 1;
}

function openViewer(): void {
  zoom = 0;
  drawViewer();
  $<HTMLDialogElement>('viewer').showModal();
  $('viewer-pages').querySelectorAll('figure')[current]?.scrollIntoView({ block: 'start' });
  $('viewer-close').focus();
}

// ---- Downloads and uploads -----------------------------------------------

/** What the server says about a file or a preview, e.g. that a leaflet takes both sides: "Lưu ý: …" in a list. */
function showNotices(id: string, notices: string[]): void {
  const list = $(id);
  list.textContent = '';
  for (const n of notices) {
    const li = document.createElement('li');
    li.textContent = `Lưu ý: ${inPlainWords(n)}`;
    list.appendChild(li);
  }
}

function saveBlob(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

function busy(on: boolean, text?: string): void {
  $<HTMLButtonElement>('download').disabled = on;
  $('busy').classList.toggle('on', on);
  if (text !== undefined) $('progress-text').textContent = text;
}

async function download(): Promise<void> {
  clearErrors(null);
  showNotices('made-notices', []);
  $('made').textContent = '';
  busy(true, 'Đang làm…');
  announce('Đang làm tệp, xin chờ…');
  const progress = $<HTMLProgressElement>('progress');
  progress.removeAttribute('value');
  const r = await backend.make(profile(), product(), (done, total, unit) => {
    if (total <= 1 || !unit) return;
    progress.max = total;
    progress.value = done;
    $('progress-text').textContent = `${fmt(done)} / ${fmt(total)} ${unit}`;
  });
  busy(false);
  if (r.ok) {
    const { fileName, contents, blob, notices } = r.value;
    saveBlob(blob, fileName);
    const done = `Đã tải về ${fileName}${contents ? ` (${fmt(contents.count)} ${contents.unit})` : ''}.`;
    $('made').textContent = `${done} Tệp nằm trong thư mục Tải xuống (Downloads) của máy.`;
    showNotices('made-notices', notices);
    announce(done);
  } else {
    const n = showErrors(r.errors);
    announce(`Chưa tải về được: còn ${fmt(n)} chỗ cần sửa.`);
    focusFirstError();
  }
}

async function uploadData(): Promise<void> {
  const file = $('data-file').files?.[0];
  clearErrors(['data']);
  $('data-note').textContent = '';
  const k = kind();
  dataIds[k] = undefined;
  dataNotes[k] = '';
  if (!file) {
    schedulePreview();
    return;
  }
  $('data-note').textContent = 'Đang đọc tệp…';
  const r = await backend.loadData(file, k);
  $('data-note').textContent = '';
  if (!r.ok) {
    showErrors(r.errors);
    announce(`Chưa đọc được bảng ${file.name}; lời nhắc ghi dưới ô chọn tệp.`);
    return;
  }
  const body = r.value;
  dataIds[k] = body.dataId;
  tableNames[k] = body.name;
  dataNotes[k] = `Đã đọc ${fmt(body.rows)}${k === 'blocks' ? ' tòa nhà' : ' lớp'} từ ${body.name}.${body.warnings.length ? ` Lưu ý: ${body.warnings.join('; ')}` : ''}`;
  $('data-note').textContent = dataNotes[k];
  announce(dataNotes[k]);
  saveSoon();
  schedulePreview();
}

async function saveProfile(): Promise<void> {
  const r = await backend.profileYaml(profile());
  if (r.ok) saveBlob(r.value, 'ho-so-don-vi.yaml');
  else showErrors(r.errors);
}

async function loadProfile(): Promise<void> {
  const input = $('profile-file');
  const file = input.files?.[0];
  if (!file) return;
  clearErrors(null);
  $('profile-note').textContent = '';
  const r = await backend.loadProfile(file);
  input.value = '';
  if (!r.ok) {
    showErrors(r.errors.map((e) => ({ ...e, field: 'profileFile' })));
    announce(`Không mở được ${file.name}; lời nhắc ghi ngay dưới nút “Mở hồ sơ đã lưu”.`);
    $('open-profile').focus();
    return;
  }
  const body = r.value;
  fillProfile(body.form);
  $('profile-note').textContent = `Đã mở ${file.name}.${body.warnings.length ? ` Lưu ý: ${body.warnings.join('; ')}` : ''}`;
  announce($('profile-note').textContent ?? '');
  showErrors(body.errors);
  saveSoon();
  schedulePreview();
}

// ---- Autosave ------------------------------------------------------------

/**
 * What the page keeps in this browser: the form's boxes and choices, a loaded
 * profile's other entries (its QR links), the format picked per product and the
 * names of the tables last used. Never a table's rows.
 */
const STORE_KEY = 'vneid-print.form.v1';
const CHOICES = ['product', 'guide', 'size', 'largePrint', 'posterSize', 'landscape', 'preset', 'sheet', 'twoUp', 'handoutLargePrint', 'grayscale', 'allCopies'];

interface Saved {
  profile: ProfileForm;
  choices: Record<string, string | boolean>;
  formats: Record<string, string>;
  tables: Partial<Record<DataKind, string>>;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** Something changed since the last save (a cleared page stays cleared when the tab closes). */
let unsaved = false;

function saveNow(): void {
  clearTimeout(saveTimer);
  if (!unsaved) return;
  unsaved = false;
  const choices: Record<string, string | boolean> = {};
  for (const id of CHOICES) {
    const el = $(id);
    choices[id] = el.type === 'checkbox' ? el.checked : el.value;
  }
  const saved: Saved = { profile: { ...profile(), deadline: value('deadline') }, choices, formats, tables: tableNames };
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(saved));
  } catch {
    // Storage off or full: the page still works, it just will not remember.
  }
}

function saveSoon(): void {
  unsaved = true;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 300);
}

function restore(): boolean {
  let saved: Saved;
  try {
    const raw = localStorage.getItem(STORE_KEY);
    if (!raw) return false;
    saved = JSON.parse(raw) as Saved;
    if (!saved || typeof saved !== 'object' || !saved.profile?.unit) return false;
  } catch {
    return false;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const p = saved.profile;
  fillProfile({
    unit: { name: str(p.unit?.name), parent: str(p.unit?.parent) },
    contact: { name: str(p.contact?.name), title: str(p.contact?.title), phone: str(p.contact?.phone) },
    deadline: str(p.deadline),
    venues: (Array.isArray(p.venues) ? p.venues : []).slice(0, 4).map((v) => ({ name: str(v?.name), address: str(v?.address), hours: str(v?.hours) })),
    rest: p.rest,
  });
  for (const id of CHOICES) {
    const el = $(id);
    const v = saved.choices?.[id];
    if (el.type === 'checkbox') el.checked = v === true;
    else if (typeof v === 'string' && [...($<HTMLSelectElement>(id).options ?? [])].some((o) => o.value === v)) el.value = v;
  }
  for (const [k, f] of Object.entries(saved.formats ?? {})) if (k in formats && (f === 'pdf' || f === 'png')) formats[k] = f;
  for (const k of ['blocks', 'classes'] as const) if (typeof saved.tables?.[k] === 'string') tableNames[k] = saved.tables[k];
  return true;
}

function clearSaved(): void {
  if (!confirm('Xoá mọi thông tin đã điền trên trang này, cả bản đã lưu trong trình duyệt?')) return;
  try {
    localStorage.removeItem(STORE_KEY);
  } catch {
    // Nothing was stored.
  }
  clearTimeout(saveTimer);
  unsaved = false;
  form.reset();
  rest = undefined;
  setVenues([]);
  for (const k of ['blocks', 'classes'] as const) {
    dataIds[k] = undefined;
    dataNotes[k] = '';
    delete tableNames[k];
  }
  Object.assign(formats, { leaflet: 'pdf', poster: 'pdf', image: 'png' });
  clearErrors(null);
  form.querySelectorAll('.limit').forEach((n) => (n.textContent = ''));
  $('profile-note').textContent = '';
  $('made').textContent = '';
  showNotices('made-notices', []);
  clearTimeout(timer);
  previewSeq++;
  previewAbort?.abort();
  clearPreview();
  showOptions();
  announcedProblems = '';
  announce('Đã xoá dữ liệu đã lưu; trang trở về như lúc mới mở.');
  $('unit.name').focus();
}

// ---- Start ---------------------------------------------------------------

async function init(): Promise<void> {
  wire(document);
  setVenues([]);
  const opts = await backend.options();
  learnNames(opts);
  fill('guide', opts.guides, 'kich-hoat');
  fill('posterSize', opts.posterSizes, 'a2');
  fill('preset', opts.imagePresets, 'social-square');
  fill('sheet', opts.sheets, 'a4-2x4');
  const restored = restore();
  showOptions();
  const typeOf = (e: Event) => (e.target as HTMLInputElement).type;
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    if (typeOf(e) === 'file') return;
    checkLength(e.target);
    saveSoon();
    schedulePreview();
  });
  form.addEventListener('change', (e) => {
    if (typeOf(e) === 'file') return;
    saveSoon();
    if (!['text', 'tel'].includes(typeOf(e))) schedulePreview();
  });
  // The date as understood, once the clerk leaves the box: "31 12 2026" becomes 31/12/2026.
  $('deadline').addEventListener('change', () => {
    const d = typedDate(value('deadline'));
    if (d && d !== value('deadline')) $('deadline').value = d;
  });
  $('format').addEventListener('change', () => {
    formats[value('product')] = value('format');
  });
  $('product').addEventListener('change', () => {
    showOptions();
    clearErrors(['data']);
    showNotices('made-notices', []);
    $('made').textContent = '';
    $('data-file').value = '';
  });
  $('add-venue').addEventListener('click', () => {
    venueRow();
    saveSoon();
  });
  $('data-file').addEventListener('change', uploadData);
  $('download').addEventListener('click', download);
  $('save-profile').addEventListener('click', saveProfile);
  $('profile-file').addEventListener('change', loadProfile);
  $('open-profile').addEventListener('click', () => $('profile-file').click());
  $('clear-saved').addEventListener('click', clearSaved);
  $('zoom').addEventListener('click', openViewer);
  $('zoom-hit').addEventListener('click', openViewer);
  $('to-preview').addEventListener('click', openViewer);
  $('viewer-close').addEventListener('click', () => $<HTMLDialogElement>('viewer').close());
  $('zoom-in').addEventListener('click', () => {
    zoom = Math.min(ZOOMS.length - 1, zoom + 1);
    applyZoom();
  });
  $('zoom-out').addEventListener('click', () => {
    zoom = Math.max(0, zoom - 1);
    applyZoom();
  });
  $('zoom-fit').addEventListener('click', () => {
    zoom = 0;
    applyZoom();
  });
  window.addEventListener('pagehide', saveNow);
  if (restored) $('profile-note').textContent = 'Đã mở lại những gì bạn điền lần trước trên máy này.';
  schedulePreview();
}

void init();
