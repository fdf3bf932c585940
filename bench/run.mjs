// npm run bench: measures the figures of the performance issue on this machine
// and writes BENCHMARKS.md. Medians of several runs; each compared with a floor
// measured in the same run: pdfkit drawing the already-laid-out pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const dist = (p) => import(join(ROOT, 'dist', p));
const UNIT = join(ROOT, 'examples/phuong-binh-thanh.yaml');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'vneid-bench-'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '— MB');

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs the bin as a user does, under GNU time when there is one: wall time, and the
 * peak memory and CPU time of the whole process tree (the bin starts drawing commands
 * in a second process, from the startup snapshot).
 */
function cli(args, { npx = false, env = {} } = {}) {
  const command = npx ? ['npx', '--no-install', 'vneid-print', ...args] : [process.execPath, join(ROOT, 'dist/cli/main.js'), ...args];
  const [file, ...rest] = TIME ? [TIME, '-f', '@@time %M %U %S', ...command] : command;
  const start = performance.now();
  const r = spawnSync(file, rest, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`vneid-print ${args.join(' ')} failed:\n${r.stderr}`);
  const t = /@@time (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, ...(t ? { maxRssKb: Number(t[1]), cpuMs: (Number(t[2]) + Number(t[3])) * 1000 } : {}) };
}

function repeat(n, fn) {
  const results = Array.from({ length: n }, fn);
  return { wall: median(results.map((r) => r.wall)), maxRssKb: median(results.map((r) => r.maxRssKb ?? 0)) };
}

function blocksCsv(n) {
  const file = join(work, `blocks-${n}.csv`);
  writeFileSync(file, 'block,address\n' + Array.from({ length: n }, (_, i) => `Tòa nhà số ${i + 1} – Khu đô thị Ngọc Lan,"${i + 1} Nơ Trang Long, Phường 13"`).join('\n'));
  return file;
}

/** Median wall time of bench/floor.mjs drawing `doc`: node, pdfkit, fonts and the drawing, nothing else. */
async function floorFor(layout, { links = true } = {}) {
  const doc = await layout();
  const json = join(work, 'floor.json');
  writeFileSync(json, JSON.stringify(doc));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/floor.mjs'), json, join(work, 'floor.pdf'), links ? 'links' : 'nolinks']);
    if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

const rows = [];
const add = (name, measured, target, floor, extra = '') => rows.push({ name, measured, target, floor, extra });

// 1. One leaflet, cold, as a user runs it.
const leafletArgs = ['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--out', join(work, 'to-roi.pdf')];
const coldNpx = repeat(RUNS, () => cli(leafletArgs, { npx: true }));
const coldNode = repeat(RUNS, () => cli(leafletArgs));
const coldPlain = repeat(RUNS, () => cli(leafletArgs, { env: { VNEID_PRINT_NO_SNAPSHOT: '1' } }));
const { loadUnit } = await dist('products/unit-context.js');
const { findGuide, renderGuide } = await dist('content/guides.js');
const { layoutLeaflet } = await dist('products/leaflet.js');
const leafletLayout = async () => {
  const unit = await loadUnit(UNIT);
  return layoutLeaflet({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile), paper: 'a5' }, unit.m);
};
const leafletFloor = await floorFor(leafletLayout);
add('1. one leaflet, cold (`npx vneid-print leaflet`)', ms(coldNpx.wall), '< 1 s', ms(leafletFloor), `${ms(coldNode.wall)} without npx (node + bin), ratio ${(coldNode.wall / leafletFloor).toFixed(2)}×; peak ${mb(coldNode.maxRssKb)}. Without the startup snapshot: ${ms(coldPlain.wall)}, ratio ${(coldPlain.wall / leafletFloor).toFixed(2)}×`);

// 2. Leaflets in one process, warm.
{
  const { paintPdf } = await dist('paint/pdf.js');
  const unit = await loadUnit(UNIT);
  const guides = ['kich-hoat', 'muc-1', 'muc-2', 'dich-vu-cong', 'tien-ich'].map((id) => renderGuide(findGuide(id), unit.profile));
  const pages = 50;
  for (let i = 0; i < 5; i++) await paintPdf(layoutLeaflet({ profile: unit.profile, guide: guides[i], paper: 'a5' }, unit.m), unit.fonts, {});
  const t = performance.now();
  let paintOnly = 0;
  for (let i = 0; i < pages; i++) {
    const doc = layoutLeaflet({ profile: unit.profile, guide: guides[i % guides.length], paper: 'a5' }, unit.m);
    const p = performance.now();
    await paintPdf(doc, unit.fonts, {});
    paintOnly += performance.now() - p;
  }
  const perPage = (performance.now() - t) / pages;
  add('2. leaflets in one process, warm', `${perPage.toFixed(1)} ms/page`, '< 20 ms/page', `${(paintOnly / pages).toFixed(1)} ms/page (drawing only, same process)`, `ratio ${(perPage / (paintOnly / pages)).toFixed(2)}×`);
}

// 3. 1,000 stickers into one PDF.
const sticker = async (n) => {
  const { loadSheetPreset } = await dist('layout/sheet-preset.js');
  const { layoutStickerSheets } = await dist('products/sticker-sheet.js');
  const unit = await loadUnit(UNIT);
  const rows = Array.from({ length: n }, (_, i) => ({ line: i + 2, block: `Tòa nhà số ${i + 1} – Khu đô thị Ngọc Lan`, address: `${i + 1} Nơ Trang Long, Phường 13` }));
  const reminder = renderGuide({ id: 'nhac-viec', title: '', summary: '', file: join(ROOT, 'templates/stickers/nhac-viec.hbs') }, unit.profile);
  return layoutStickerSheets({ profile: unit.profile, rows, preset: loadSheetPreset('a4-2x4'), reminder, dataFile: 'x.csv' }, unit.m).doc;
};
{
  const csv = blocksCsv(1000);
  const out = join(work, 's1000');
  const r = repeat(RUNS, () => cli(['stickers', '--unit', UNIT, '--data', csv, '--out', out, '--quiet']));
  const size = statSync(join(out, 'tem-qr-a4-2x4.pdf')).size;
  const floor = await floorFor(() => sticker(1000), { links: false });
  add('3. 1,000 stickers → one PDF (125 A4 sheets)', ms(r.wall), '< 3 s, < 3 MB', ms(floor), `${(size / 1024 / 1024).toFixed(2)} MB, peak ${mb(r.maxRssKb)}, ratio ${(r.wall / floor).toFixed(2)}×`);
}

// 4. An A1 poster as PNG at 150 dpi.
{
  const out = join(work, 'a1.png');
  const r = repeat(Math.min(RUNS, 3), () => cli(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a1', '--dpi', '150', '--out', out]));
  const { layoutPoster } = await dist('products/poster.js');
  const floor = await floorFor(async () => {
    const unit = await loadUnit(UNIT);
    return layoutPoster({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, { size: 'a1', landscape: false, bleed: 0 }, unit.m).doc;
  });
  add('4. A1 poster as PNG, 150 dpi (3508 × 4967 px)', ms(r.wall), '< 3 s', `${ms(floor)} (the same page as PDF)`, `peak ${mb(r.maxRssKb)}`);
}

// 5. 10,000 stickers: memory stays flat.
{
  const csv = blocksCsv(10000);
  const out = join(work, 's10000');
  const r = cli(['stickers', '--unit', UNIT, '--data', csv, '--out', out, '--quiet']);
  const small = cli(['stickers', '--unit', UNIT, '--data', blocksCsv(1000), '--out', join(work, 's1000b'), '--quiet']);
  // A heap limit is a V8 flag, under which the snapshot does not load: this run starts plainly.
  const capped = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'stickers', '--unit', UNIT, '--data', csv, '--out', join(work, 's10000c'), '--quiet'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' } });
  add('5. 10,000 stickers (1,250 sheets)', ms(r.wall), 'flat memory', '—', `peak RSS ${mb(r.maxRssKb)} (1,000: ${mb(small.maxRssKb)}); ${capped.status === 0 ? 'completes with the JavaScript heap capped at 64 MB, so what it holds does not grow with the batch (the rest is V8 growing its heap lazily)' : 'FAILS with the JavaScript heap capped at 64 MB'}`);
}

// PNG batches use every core: CPU time well above wall time means several cores worked.
{
  const csv = blocksCsv(200);
  const r = cli(['stickers', '--unit', UNIT, '--data', csv, '--out', join(work, 'png'), '--png', '--quiet']);
  add('PNG batch: 200 stickers, one 300-dpi PNG each', ms(r.wall), 'uses every core', '—', `CPU time ${(r.cpuMs / r.wall).toFixed(2)}× wall time, ${availableParallelism()} cores`);
}

// Startup: commands load only what they need.
{
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/trace-imports.mjs'), join(ROOT, 'dist/cli/main.js'), 'guides'], { encoding: 'utf8' });
  const loaded = /@@modules (.*)/.exec(r.stderr)?.[1] ?? '';
  const heavy = ['pdfkit', 'sharp', 'fontkit'].filter((m) => loaded.includes(`/node_modules/${m}/`));
  const help = repeat(RUNS, () => cli(['--help']));
  add('startup: `guides` and `--help`', ms(help.wall), 'no pdfkit or sharp', '—', heavy.length ? `loads ${heavy.join(', ')}` : 'loads neither pdfkit, sharp nor fontkit');
}

rmSync(work, { recursive: true, force: true });
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const table = [
  '| what | measured (median) | target | floor: pdfkit drawing the laid-out pages | notes |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.measured} | ${r.target} | ${r.floor} | ${r.extra} |`),
].join('\n');
const md = `# Benchmarks\n\nMeasured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${cpus().length} cores, Node ${process.version}. Medians of ${RUNS} runs unless noted.\n\nThe floor is a fresh \`node\` process (bench/floor.mjs) that only draws the already-laid-out pages with pdfkit and the same fonts and writes the file: the cost of writing that PDF at all. Peak memory is the largest resident set in the process tree (GNU time). Drawing commands start from the startup snapshot that \`npm run build\` makes (see README); row 1 also gives the time without it.\n\n${table}\n`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
process.stdout.write(md);
