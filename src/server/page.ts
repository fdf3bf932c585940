/**
 * The clerk's page: one HTML document and a little vanilla JavaScript, kept as
 * strings so the compiled package needs no extra files.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>In hướng dẫn VNeID</title>
<style>
  :root { --blue: #0b4f9c; --red: #b3261e; --line: #d5dbe3; --bg: #f4f6f9; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2430; background: var(--bg); }
  header { background: var(--blue); color: #fff; padding: 12px 20px; }
  header h1 { margin: 0; font-size: 20px; font-weight: 600; }
  header p { margin: 2px 0 0; opacity: .85; font-size: 13px; }
  main { display: grid; grid-template-columns: minmax(340px, 500px) minmax(380px, 1fr); gap: 20px; padding: 20px; align-items: start; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin-bottom: 16px; }
  h2 { font-size: 16px; margin: 0 0 10px; color: var(--blue); }
  label { display: block; font-weight: 600; font-size: 13px; margin: 8px 0 3px; }
  label .req { color: var(--red); }
  input[type=text], input[type=tel], input[type=date], select { width: 100%; padding: 7px 9px; font: inherit; border: 1px solid #b9c2ce; border-radius: 5px; background: #fff; }
  input.invalid, select.invalid { border-color: var(--red); background: #fff6f5; }
  .row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
  .err { color: var(--red); font-size: 13px; }
  .err:empty { display: none; }
  .err .hint { color: #5b6472; display: block; }
  .venue { border: 1px dashed var(--line); border-radius: 6px; padding: 4px 10px 10px; margin-bottom: 8px; }
  .venue legend { font-size: 13px; color: #5b6472; }
  button { font: inherit; padding: 8px 14px; border-radius: 5px; border: 1px solid var(--blue); background: #fff; color: var(--blue); cursor: pointer; }
  button.primary { background: var(--blue); color: #fff; font-weight: 600; }
  button:disabled { opacity: .5; cursor: wait; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; align-items: center; }
  .checks label { display: inline-flex; gap: 6px; font-weight: 400; margin-right: 14px; }
  .opt[hidden] { display: none; }
  #general:empty { display: none; }
  #general { background: #fff6f5; border: 1px solid #f0c4c0; border-radius: 6px; padding: 8px 12px; margin-bottom: 12px; }
  #general ul { margin: 0; padding-left: 18px; }
  .note { color: #5b6472; font-size: 13px; }
  .ok { color: #1e6b34; font-size: 13px; }
  ::placeholder { color: #a3abb7; }
  #preview:not([src]) { display: none; }
  #preview[src] + p { display: none; }
  .preview-frame { background: #e6e9ee; border-radius: 8px; padding: 14px; text-align: center; min-height: 300px; }
  #preview { max-width: 100%; max-height: 78vh; box-shadow: 0 2px 10px rgba(0,0,0,.2); background: #fff; transition: opacity .2s; }
  #preview.stale { opacity: .45; }
  #busy { display: none; margin-left: 8px; }
  #busy.on { display: inline; }
  progress { width: 160px; vertical-align: middle; }
  @media (max-width: 860px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header>
  <h1>In tờ hướng dẫn VNeID cho đơn vị</h1>
  <p>Điền thông tin đơn vị, chọn loại tờ in, xem trước rồi tải về. Mọi việc làm trên chính máy này.</p>
</header>
<form id="form" autocomplete="off">
<main>
  <div>
    <div id="general" role="alert"></div>
      <section>
        <h2>1. Thông tin đơn vị</h2>
        <label for="unit.name">Tên đơn vị <span class="req">*</span></label>
        <input type="text" id="unit.name" data-field="unit.name" placeholder="ví dụ: Ủy ban nhân dân phường Bình Thạnh">
        <div class="err" data-err="unit.name"></div>
        <label for="unit.parent">Cơ quan cấp trên</label>
        <input type="text" id="unit.parent" data-field="unit.parent" placeholder="ví dụ: Ban Chỉ đạo Đề án 06 Thành phố Hồ Chí Minh">
        <div class="err" data-err="unit.parent"></div>
        <div class="row2">
          <div>
            <label for="contact.name">Cán bộ liên hệ</label>
            <input type="text" id="contact.name" data-field="contact.name" placeholder="ví dụ: Trần Văn An">
            <div class="err" data-err="contact.name"></div>
          </div>
          <div>
            <label for="contact.title">Chức vụ</label>
            <input type="text" id="contact.title" data-field="contact.title" placeholder="ví dụ: Phó Trưởng Công an phường">
            <div class="err" data-err="contact.title"></div>
          </div>
        </div>
        <div class="row2">
          <div>
            <label for="contact.phone">Số điện thoại</label>
            <input type="tel" id="contact.phone" data-field="contact.phone" placeholder="ví dụ: 0907 028 318">
            <div class="err" data-err="contact.phone"></div>
          </div>
          <div>
            <label for="deadline">Đợt vận động đến hết ngày</label>
            <input type="text" inputmode="numeric" autocomplete="off" id="deadline" data-field="deadline" placeholder="ngày/tháng/năm, ví dụ 31/3/2027">
            <div class="err" data-err="deadline"></div>
          </div>
        </div>
        <label>Nơi làm thủ tục</label>
        <div id="venues"></div>
        <div class="err" data-err="venues"></div>
        <button type="button" id="add-venue">+ Thêm nơi làm thủ tục</button>
        <div class="actions">
          <button type="button" id="save-profile">Tải hồ sơ về</button>
          <button type="button" id="open-profile">Mở hồ sơ đã lưu</button>
          <input type="file" id="profile-file" accept=".yaml,.yml,text/yaml" hidden>
        </div>
        <div class="err" data-err="profileFile"></div>
        <div class="ok" id="profile-note"></div>
      </section>
  </div>
  <div>
      <section>
        <h2>2. Chọn loại tờ in</h2>
        <label for="product">Loại</label>
        <select id="product" data-field="product">
          <option value="leaflet">Tờ rơi (A5/A4)</option>
          <option value="poster">Áp phích</option>
          <option value="image">Ảnh mạng xã hội, màn hình LED</option>
          <option value="stickers">Tem mã QR dán ở chung cư</option>
          <option value="handout">Tờ phát cho phụ huynh (trường học)</option>
        </select>
        <div class="opt" data-for="leaflet poster image handout">
          <label for="guide">Hướng dẫn</label>
          <select id="guide" data-field="guide"></select>
          <div class="err" data-err="guide"></div>
        </div>
        <div class="opt" data-for="leaflet">
          <label for="size">Khổ giấy</label>
          <select id="size"><option value="a5">A5</option><option value="a4">A4</option></select>
          <div class="checks"><label><input type="checkbox" id="largePrint"> Chữ to (từ 14 pt, khổ A4)</label></div>
        </div>
        <div class="opt" data-for="poster">
          <label for="posterSize">Khổ áp phích</label>
          <select id="posterSize"></select>
          <div class="checks"><label><input type="checkbox" id="landscape"> Khổ ngang</label></div>
        </div>
        <div class="opt" data-for="image">
          <label for="preset">Kích thước ảnh</label>
          <select id="preset"></select>
        </div>
        <div class="opt" data-for="stickers">
          <label for="sheet">Khổ giấy decal</label>
          <select id="sheet" data-field="sheet"></select>
          <div class="err" data-err="sheet"></div>
        </div>
        <div class="opt" data-for="handout">
          <div class="checks">
            <label><input type="checkbox" id="twoUp"> Hai bản A5 trên một tờ A4</label>
            <label><input type="checkbox" id="handoutLargePrint"> Chữ to (mỗi bản một tờ A4)</label>
            <label><input type="checkbox" id="grayscale"> Đen trắng</label>
            <label><input type="checkbox" id="allCopies"> Đủ số bản mỗi lớp (cột students)</label>
          </div>
        </div>
        <div class="opt" data-for="stickers handout">
          <label for="data-file" id="data-label">Bảng dữ liệu (.xlsx hoặc .csv)</label>
          <input type="file" id="data-file" accept=".xlsx,.csv,.txt,.tsv">
          <div class="note" id="data-help"></div>
          <div class="ok" id="data-note"></div>
          <div class="err" data-err="data"></div>
        </div>
        <div class="opt" data-for="leaflet poster image">
          <label for="format">Loại tệp</label>
          <select id="format"><option value="pdf">PDF (để in)</option><option value="png">Ảnh PNG</option></select>
        </div>
        <div class="actions">
          <button type="button" class="primary" id="download">Tải về</button>
          <span id="busy"><progress id="progress"></progress> <span id="progress-text">Đang làm…</span></span>
        </div>
      </section>
    <section>
      <h2>3. Xem trước <span class="note" id="preview-note"></span></h2>
      <div class="preview-frame"><img id="preview" alt="Xem trước trang đầu"><p class="note" id="preview-empty">Điền tên đơn vị để xem trước trang đầu.</p></div>
    </section>
  </div>
</main>
</form>
<script src="/app.js"></script>
</body>
</html>
`;

export const APP_JS = `'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var form = $('form');
  var rest = undefined;
  var dataIds = { blocks: undefined, classes: undefined };
  var dataNotes = { blocks: '', classes: '' };
  var previewSeq = 0;
  var previewAbort = null;
  var timer = null;

  function venueRow(v) {
    var i = $('venues').children.length;
    var box = document.createElement('fieldset');
    box.className = 'venue';
    box.innerHTML = '<legend>Nơi ' + (i + 1) + '</legend>' +
      '<label for="venues.' + i + '.name">Tên nơi</label><input type="text" id="venues.' + i + '.name" data-field="venues.' + i + '.name" placeholder="ví dụ: Công an phường Bình Thạnh"><div class="err" data-err="venues.' + i + '.name"></div>' +
      '<label for="venues.' + i + '.address">Địa chỉ</label><input type="text" id="venues.' + i + '.address" data-field="venues.' + i + '.address"><div class="err" data-err="venues.' + i + '.address"></div>' +
      '<label for="venues.' + i + '.hours">Giờ làm việc</label><input type="text" id="venues.' + i + '.hours" data-field="venues.' + i + '.hours" placeholder="ví dụ: Thứ Hai – Thứ Bảy, 7:30–11:30"><div class="err" data-err="venues.' + i + '.hours"></div>' +
      '<div class="err" data-err="venues.' + i + '"></div>';
    $('venues').appendChild(box);
    if (v) ['name', 'address', 'hours'].forEach(function (k) { $('venues.' + i + '.' + k).value = v[k] || ''; });
    $('add-venue').disabled = $('venues').children.length >= 4;
  }

  function value(id) { return $(id).value; }
  function checked(id) { return $(id).checked; }

  function profile() {
    var venues = [];
    for (var i = 0; i < $('venues').children.length; i++) {
      venues.push({ name: value('venues.' + i + '.name'), address: value('venues.' + i + '.address'), hours: value('venues.' + i + '.hours') });
    }
    return {
      unit: { name: value('unit.name'), parent: value('unit.parent') },
      contact: { name: value('contact.name'), title: value('contact.title'), phone: value('contact.phone') },
      deadline: value('deadline'),
      venues: venues,
      rest: rest
    };
  }

  function kind() { return value('product') === 'handout' ? 'classes' : 'blocks'; }

  function product() {
    return {
      product: value('product'), guide: value('guide'), format: value('format'), size: value('size'),
      posterSize: value('posterSize'), landscape: checked('landscape'), preset: value('preset'), sheet: value('sheet'),
      twoUp: checked('twoUp'), grayscale: checked('grayscale'),
      largePrint: value('product') === 'handout' ? checked('handoutLargePrint') : checked('largePrint'), allCopies: checked('allCopies'),
      dataId: dataIds[kind()]
    };
  }

  // scope: only these fields (null: all); keep: all but these (the upload's own messages outlive a preview).
  function clearErrors(scope, keep) {
    var hit = function (name) { return (!scope || scope.indexOf(name) >= 0) && !(keep && keep.indexOf(name) >= 0); };
    document.querySelectorAll('[data-err]').forEach(function (el) {
      if (hit(el.getAttribute('data-err'))) el.textContent = '';
    });
    document.querySelectorAll('.invalid').forEach(function (el) {
      if (hit(el.getAttribute('data-field'))) el.classList.remove('invalid');
    });
    if (!scope) $('general').textContent = '';
  }

  function errorText(e) {
    var s = (e.line ? 'dòng ' + e.line + ': ' : '') + e.message;
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function showErrors(errors) {
    var general = [];
    errors.forEach(function (e) {
      var box = e.field ? document.querySelector('[data-err="' + CSS.escape(e.field) + '"]') : null;
      if (!box && e.field) {
        var parts = e.field.split('.');
        while (!box && parts.length > 1) { parts.pop(); box = document.querySelector('[data-err="' + CSS.escape(parts.join('.')) + '"]'); }
      }
      if (!box) { general.push(e); return; }
      var line = document.createElement('div');
      line.textContent = errorText(e);
      if (e.hint) { var h = document.createElement('span'); h.className = 'hint'; h.textContent = '→ ' + e.hint; line.appendChild(h); }
      box.appendChild(line);
      var input = document.querySelector('[data-field="' + CSS.escape(e.field) + '"]');
      if (input) input.classList.add('invalid');
    });
    if (general.length) {
      var ul = document.createElement('ul');
      general.forEach(function (e) {
        var li = document.createElement('li');
        li.textContent = (e.field ? 'Mục ' + e.field + ': ' : '') + errorText(e) + (e.hint ? ' (' + e.hint + ')' : '');
        ul.appendChild(li);
      });
      $('general').textContent = 'Cần sửa:';
      $('general').appendChild(ul);
    }
  }

  async function problemsOf(res) {
    try { var body = await res.json(); return body.errors || [{ message: 'lỗi không rõ' }]; }
    catch (e) { return [{ message: 'máy chủ trả lời không đọc được (' + res.status + ')' }]; }
  }

  function showOptions() {
    var p = value('product');
    document.querySelectorAll('.opt').forEach(function (el) { el.hidden = el.getAttribute('data-for').split(' ').indexOf(p) < 0; });
    var blocks = p === 'stickers';
    $('data-label').textContent = blocks ? 'Bảng các tòa nhà (.xlsx hoặc .csv)' : 'Bảng các lớp (.xlsx hoặc .csv)';
    $('data-help').textContent = blocks
      ? 'Dòng đầu là tên cột: block (bắt buộc), address, url, url_label. Khi chưa có bảng, xem trước dùng một tòa nhà mẫu.'
      : 'Dòng đầu là tên cột: class (bắt buộc), teacher, phone, zalo, students. Khi chưa có bảng, xem trước dùng một lớp mẫu.';
  }

  function schedulePreview() {
    clearTimeout(timer);
    $('preview').classList.add('stale');
    timer = setTimeout(runPreview, 400);
  }

  async function runPreview() {
    var seq = ++previewSeq;
    if (!value('unit.name').trim() && !$('preview').getAttribute('src')) { $('preview-note').textContent = ''; return; }
    if (previewAbort) previewAbort.abort();
    previewAbort = new AbortController();
    $('preview-note').textContent = '(đang vẽ…)';
    try {
      var res = await fetch('/api/preview', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ profile: profile(), product: product() }), signal: previewAbort.signal });
      if (seq !== previewSeq) return;
      clearErrors(null, ['data', 'profileFile']);
      if (!res.ok) { showErrors(await problemsOf(res)); $('preview-note').textContent = '(chưa cập nhật: còn chỗ cần sửa)'; return; }
      var blob = await res.blob();
      if (seq !== previewSeq) return;
      var old = $('preview').src;
      $('preview').src = URL.createObjectURL(blob);
      if (old && old.indexOf('blob:') === 0) URL.revokeObjectURL(old);
      $('preview').classList.remove('stale');
      $('preview-note').textContent = '(trang 1)';
    } catch (e) {
      if (e && e.name === 'AbortError') return;
      $('preview-note').textContent = '(không kết nối được máy chủ)';
    }
  }

  function saveBlob(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function busy(on, text) {
    $('download').disabled = on;
    $('busy').classList.toggle('on', on);
    if (text !== undefined) $('progress-text').textContent = text;
  }

  async function download() {
    clearErrors(null);
    busy(true, 'Đang làm…');
    $('progress').removeAttribute('value');
    try {
      var res = await fetch('/api/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ profile: profile(), product: product() }) });
      if (!res.ok) { showErrors(await problemsOf(res)); busy(false); return; }
      var id = (await res.json()).id;
      for (;;) {
        await new Promise(function (r) { setTimeout(r, 300); });
        var st = await fetch('/api/jobs/' + encodeURIComponent(id));
        if (!st.ok) { showErrors(await problemsOf(st)); break; }
        var job = await st.json();
        if (job.total > 1) { $('progress').max = job.total; $('progress').value = job.done; $('progress-text').textContent = job.done + ' / ' + job.total; }
        if (job.state === 'error') { showErrors(job.errors || []); break; }
        if (job.state === 'done') {
          var a = document.createElement('a');
          a.href = '/api/jobs/' + encodeURIComponent(id) + '/file';
          a.download = job.fileName;
          document.body.appendChild(a); a.click(); a.remove();
          break;
        }
      }
    } catch (e) {
      showErrors([{ message: 'không kết nối được máy chủ; kiểm tra cửa sổ đang chạy vneid-print serve' }]);
    }
    busy(false);
  }

  async function uploadData() {
    var file = $('data-file').files[0];
    clearErrors(['data']);
    $('data-note').textContent = '';
    var k = kind();
    dataIds[k] = undefined;
    dataNotes[k] = '';
    if (!file) { schedulePreview(); return; }
    var fd = new FormData();
    fd.append('kind', k);
    fd.append('file', file);
    $('data-note').textContent = 'Đang đọc tệp…';
    try {
      var res = await fetch('/api/data', { method: 'POST', body: fd });
      $('data-note').textContent = '';
      if (!res.ok) { showErrors(await problemsOf(res)); return; }
      var body = await res.json();
      dataIds[k] = body.dataId;
      dataNotes[k] = 'Đã đọc ' + body.rows + (k === 'blocks' ? ' tòa nhà' : ' lớp') + ' từ ' + body.name + '.' + (body.warnings.length ? ' Lưu ý: ' + body.warnings.join('; ') : '');
      $('data-note').textContent = dataNotes[k];
      schedulePreview();
    } catch (e) {
      $('data-note').textContent = '';
      showErrors([{ field: 'data', message: 'không gửi được tệp lên máy chủ' }]);
    }
  }

  async function saveProfile() {
    var res = await fetch('/api/profile/yaml', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ profile: profile() }) });
    if (!res.ok) { showErrors(await problemsOf(res)); return; }
    saveBlob(await res.blob(), 'ho-so-don-vi.yaml');
  }

  async function loadProfile() {
    var file = $('profile-file').files[0];
    if (!file) return;
    clearErrors(null);
    $('profile-note').textContent = '';
    var fd = new FormData();
    fd.append('file', file);
    var res = await fetch('/api/profile/load', { method: 'POST', body: fd });
    $('profile-file').value = '';
    if (!res.ok) { showErrors(await problemsOf(res)); return; }
    var body = await res.json();
    var f = body.form;
    $('unit.name').value = f.unit.name; $('unit.parent').value = f.unit.parent;
    $('contact.name').value = f.contact.name; $('contact.title').value = f.contact.title; $('contact.phone').value = f.contact.phone;
    $('deadline').value = f.deadline;
    rest = f.rest;
    $('venues').innerHTML = '';
    var rows = f.venues.length ? f.venues : [null, null];
    rows.forEach(function (v) { venueRow(v); });
    if ($('venues').children.length < 2) venueRow();
    $('profile-note').textContent = 'Đã mở ' + file.name + '.' + (body.warnings.length ? ' Lưu ý: ' + body.warnings.join('; ') : '');
    showErrors(body.errors);
    schedulePreview();
  }

  function fill(id, items) {
    items.forEach(function (it) {
      var o = document.createElement('option');
      o.value = it.id; o.textContent = it.label;
      $(id).appendChild(o);
    });
  }

  async function init() {
    venueRow(); venueRow();
    var opts = await (await fetch('/api/options')).json();
    fill('guide', opts.guides.map(function (g) { return { id: g.id, label: g.title + ' (' + g.id + ')' }; }));
    $('guide').value = opts.guides.some(function (g) { return g.id === 'kich-hoat'; }) ? 'kich-hoat' : opts.guides[0].id;
    fill('posterSize', opts.posterSizes.map(function (s) { return { id: s, label: s.toUpperCase() }; }));
    $('posterSize').value = 'a2';
    fill('preset', opts.imagePresets.map(function (p) { return { id: p.id, label: p.id + ' (' + p.width + ' × ' + p.height + ')' }; }));
    fill('sheet', opts.sheets.map(function (s) { return { id: s, label: s }; }));
    $('sheet').value = opts.sheets.indexOf('a4-2x4') >= 0 ? 'a4-2x4' : opts.sheets[0];
    showOptions();
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('input', function (e) { if (e.target.type !== 'file') schedulePreview(); });
    form.addEventListener('change', function (e) { if (e.target.type !== 'file' && e.target.type !== 'text' && e.target.type !== 'tel') schedulePreview(); });
    $('product').addEventListener('change', function () { showOptions(); clearErrors(['data']); $('data-file').value = ''; $('data-note').textContent = dataNotes[kind()]; });
    $('add-venue').addEventListener('click', function () { venueRow(); });
    $('data-file').addEventListener('change', uploadData);
    $('download').addEventListener('click', download);
    $('save-profile').addEventListener('click', saveProfile);
    $('profile-file').addEventListener('change', loadProfile);
    $('open-profile').addEventListener('click', function () { $('profile-file').click(); });
    schedulePreview();
  }

  init();
})();
`;
