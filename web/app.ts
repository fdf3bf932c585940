// The clerk's page: fill in the unit, pick a product, preview it, download it.
// Everything is made by the backend (backend.ts); nothing leaves the machine.

import { inPageBackend } from './in-page-backend.js';
import { type Backend, type DataKind, type FieldError, type ProductRequest, type ProfileForm, type Venue } from './backend.js';

const backend: Backend = inPageBackend;

const $ = <T extends HTMLElement = HTMLInputElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
let rest: unknown = undefined;
const dataIds: Record<DataKind, string | undefined> = { blocks: undefined, classes: undefined };
const dataNotes: Record<DataKind, string> = { blocks: '', classes: '' };
let previewSeq = 0;
let previewAbort: AbortController | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function venueRow(v?: Venue | null): void {
  const i = $('venues').children.length;
  const box = document.createElement('fieldset');
  box.className = 'venue';
  box.innerHTML =
    `<legend>Nơi ${i + 1}</legend>` +
    `<label for="venues.${i}.name">Tên nơi</label><input type="text" id="venues.${i}.name" data-field="venues.${i}.name" placeholder="ví dụ: Công an phường Bình Thạnh"><div class="err" data-err="venues.${i}.name"></div>` +
    `<label for="venues.${i}.address">Địa chỉ</label><input type="text" id="venues.${i}.address" data-field="venues.${i}.address"><div class="err" data-err="venues.${i}.address"></div>` +
    `<label for="venues.${i}.hours">Giờ làm việc</label><input type="text" id="venues.${i}.hours" data-field="venues.${i}.hours" placeholder="ví dụ: Thứ Hai – Thứ Bảy, 7:30–11:30"><div class="err" data-err="venues.${i}.hours"></div>` +
    `<div class="err" data-err="venues.${i}"></div>`;
  $('venues').appendChild(box);
  if (v) for (const k of ['name', 'address', 'hours'] as const) $(`venues.${i}.${k}`).value = v[k] || '';
  $<HTMLButtonElement>('add-venue').disabled = $('venues').children.length >= 4;
}

const value = (id: string): string => $<HTMLInputElement | HTMLSelectElement>(id).value;
const checked = (id: string): boolean => $(id).checked;

function profile(): ProfileForm {
  const venues: Venue[] = [];
  for (let i = 0; i < $('venues').children.length; i++) {
    venues.push({ name: value(`venues.${i}.name`), address: value(`venues.${i}.address`), hours: value(`venues.${i}.hours`) });
  }
  return {
    unit: { name: value('unit.name'), parent: value('unit.parent') },
    contact: { name: value('contact.name'), title: value('contact.title'), phone: value('contact.phone') },
    deadline: value('deadline'),
    venues,
    rest,
  };
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
  const hit = (name: string | null) => name !== null && (!scope || scope.includes(name)) && !(keep && keep.includes(name));
  document.querySelectorAll('[data-err]').forEach((el) => {
    if (hit(el.getAttribute('data-err'))) el.textContent = '';
  });
  document.querySelectorAll('.invalid').forEach((el) => {
    if (hit(el.getAttribute('data-field'))) el.classList.remove('invalid');
  });
  if (!scope) $('general').textContent = '';
}

function errorText(e: FieldError): string {
  const s = (e.line ? `dòng ${e.line}: ` : '') + e.message;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function showErrors(errors: FieldError[]): void {
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
      h.textContent = `→ ${e.hint}`;
      line.appendChild(h);
    }
    box.appendChild(line);
    document.querySelector(`[data-field="${CSS.escape(e.field)}"]`)?.classList.add('invalid');
  }
  if (general.length) {
    const ul = document.createElement('ul');
    for (const e of general) {
      const li = document.createElement('li');
      li.textContent = (e.field ? `Mục ${e.field}: ` : '') + errorText(e) + (e.hint ? ` (${e.hint})` : '');
      ul.appendChild(li);
    }
    $('general').textContent = 'Cần sửa:';
    $('general').appendChild(ul);
  }
}

function showOptions(): void {
  const p = value('product');
  document.querySelectorAll<HTMLElement>('.opt').forEach((el) => {
    el.hidden = !(el.getAttribute('data-for') ?? '').split(' ').includes(p);
  });
  const blocks = p === 'stickers';
  $('data-label').textContent = blocks ? 'Bảng các tòa nhà (.xlsx hoặc .csv)' : 'Bảng các lớp (.xlsx hoặc .csv)';
  $('data-help').textContent = blocks
    ? 'Dòng đầu là tên cột: block (bắt buộc), address, url, url_label. Khi chưa có bảng, xem trước dùng một tòa nhà mẫu.'
    : 'Dòng đầu là tên cột: class (bắt buộc), teacher, phone, zalo, students. Khi chưa có bảng, xem trước dùng một lớp mẫu.';
}

function schedulePreview(): void {
  clearTimeout(timer);
  $('preview').classList.add('stale');
  timer = setTimeout(runPreview, 400);
}

async function runPreview(): Promise<void> {
  const seq = ++previewSeq;
  const preview = $<HTMLImageElement>('preview');
  if (!value('unit.name').trim() && !preview.getAttribute('src')) {
    $('preview-note').textContent = '';
    return;
  }
  previewAbort?.abort();
  previewAbort = new AbortController();
  $('preview-note').textContent = '(đang vẽ…)';
  try {
    const r = await backend.preview(profile(), product(), previewAbort.signal);
    if (seq !== previewSeq) return;
    clearErrors(null, ['data', 'profileFile']);
    if (!r.ok) {
      showErrors(r.errors);
      $('preview-note').textContent = '(chưa cập nhật: còn chỗ cần sửa)';
      showNotices('preview-notices', []);
      return;
    }
    const old = preview.src;
    preview.src = URL.createObjectURL(r.value.png);
    if (old && old.startsWith('blob:')) URL.revokeObjectURL(old);
    preview.classList.remove('stale');
    $('preview-note').textContent = r.value.pages > 1 ? `(trang 1 / ${r.value.pages})` : '(trang 1)';
    showNotices('preview-notices', r.value.notices);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return;
    throw e;
  }
}

/** What the server says about a file or a preview, e.g. that a leaflet takes both sides: "Lưu ý: …" in a list. */
function showNotices(id: string, notices: string[]): void {
  const list = $(id);
  list.textContent = '';
  for (const n of notices) {
    const li = document.createElement('li');
    li.textContent = `Lưu ý: ${n}`;
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
  busy(true, 'Đang làm…');
  const progress = $<HTMLProgressElement>('progress');
  progress.removeAttribute('value');
  const r = await backend.make(profile(), product(), (done, total) => {
    if (total <= 1) return;
    progress.max = total;
    progress.value = done;
    $('progress-text').textContent = `${done} / ${total}`;
  });
  if (r.ok) {
    showNotices('made-notices', r.value.notices);
    saveBlob(r.value.blob, r.value.fileName);
  } else {
    showErrors(r.errors);
  }
  busy(false);
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
    return;
  }
  const body = r.value;
  dataIds[k] = body.dataId;
  dataNotes[k] = `Đã đọc ${body.rows}${k === 'blocks' ? ' tòa nhà' : ' lớp'} từ ${body.name}.${body.warnings.length ? ` Lưu ý: ${body.warnings.join('; ')}` : ''}`;
  $('data-note').textContent = dataNotes[k];
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
    showErrors(r.errors);
    return;
  }
  const body = r.value;
  const f = body.form;
  $('unit.name').value = f.unit.name;
  $('unit.parent').value = f.unit.parent;
  $('contact.name').value = f.contact.name;
  $('contact.title').value = f.contact.title;
  $('contact.phone').value = f.contact.phone;
  $('deadline').value = f.deadline;
  rest = f.rest;
  $('venues').innerHTML = '';
  const rows = f.venues.length ? f.venues : [null, null];
  rows.forEach((v) => venueRow(v));
  if ($('venues').children.length < 2) venueRow();
  $('profile-note').textContent = `Đã mở ${file.name}.${body.warnings.length ? ` Lưu ý: ${body.warnings.join('; ')}` : ''}`;
  showErrors(body.errors);
  schedulePreview();
}

function fill(id: string, items: { id: string; label: string }[]): void {
  for (const it of items) {
    const o = document.createElement('option');
    o.value = it.id;
    o.textContent = it.label;
    $(id).appendChild(o);
  }
}

async function init(): Promise<void> {
  venueRow();
  venueRow();
  const opts = await backend.options();
  fill('guide', opts.guides.map((g) => ({ id: g.id, label: `${g.title} (${g.id})` })));
  $('guide').value = opts.guides.some((g) => g.id === 'kich-hoat') ? 'kich-hoat' : opts.guides[0]!.id;
  fill('posterSize', opts.posterSizes.map((s) => ({ id: s, label: s.toUpperCase() })));
  $('posterSize').value = 'a2';
  fill('preset', opts.imagePresets.map((p) => ({ id: p.id, label: `${p.id} (${p.width} × ${p.height})` })));
  fill('sheet', opts.sheets.map((s) => ({ id: s, label: s })));
  $('sheet').value = opts.sheets.includes('a4-2x4') ? 'a4-2x4' : opts.sheets[0]!;
  showOptions();
  const typeOf = (e: Event) => (e.target as HTMLInputElement).type;
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    if (typeOf(e) !== 'file') schedulePreview();
  });
  form.addEventListener('change', (e) => {
    if (!['file', 'text', 'tel'].includes(typeOf(e))) schedulePreview();
  });
  $('product').addEventListener('change', () => {
    showOptions();
    clearErrors(['data']);
    showNotices('made-notices', []);
    $('data-file').value = '';
    $('data-note').textContent = dataNotes[kind()];
  });
  $('add-venue').addEventListener('click', () => venueRow());
  $('data-file').addEventListener('change', uploadData);
  $('download').addEventListener('click', download);
  $('save-profile').addEventListener('click', saveProfile);
  $('profile-file').addEventListener('change', loadProfile);
  $('open-profile').addEventListener('click', () => $('profile-file').click());
  schedulePreview();
}

void init();
