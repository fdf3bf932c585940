// The QR read-back alone (src/qr/verify.ts), on the handout workload: the backs
// of 100 classes, each with its own Zalo code, read with nothing yet proven.
// Prints the median of a few rounds, per round and per code read, in wall time
// and in CPU time (every thread of the process: libvips draws on its own), which
// a busy machine disturbs less. Run after `npx tsc`; QR_ROUNDS sets the rounds
// (default 7).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const dist = (p) => import(join(ROOT, 'dist', p));
const { loadUnit } = await dist('products/unit-context.js');
const { findGuide, renderGuide } = await dist('content/guides.js');
const { layoutHandout } = await dist('products/handout.js');
const { HANDOUT } = await dist('products/scan-distance.js');
const { verifyQrCodes } = await dist('qr/verify.js');

const ROUNDS = Number(process.env.QR_ROUNDS ?? 7);
const school = await loadUnit(join(ROOT, 'examples/truong-thcs-tan-trung.yaml'));
const options = { profile: school.profile, logo: school.logo, guide: renderGuide(findGuide('kich-hoat'), school.profile), palette: 'color', twoUp: false };
const backs = Array.from({ length: 100 }, (_, i) => {
  const name = `${6 + (i % 4)}A${1 + Math.floor(i / 4)}`;
  const entry = { name, teacher: 'Cô Nguyễn Thị Hoa', phone: '0907028300', zalo: `https://zalo.me/g/thcstantrung${name.toLowerCase()}x${i}`, line: i + 2, dataFile: 'lop.csv' };
  return layoutHandout(entry, options, school.m)[1];
});

// One round untimed: fonts, ZXing's wasm and the JIT warm up.
await verifyQrCodes(backs[0], school.fonts, HANDOUT, new Set());
const times = [];
const cpus = [];
let codes = 0;
for (let r = 0; r < ROUNDS; r++) {
  const proven = new Set();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const page of backs) {
    const failures = await verifyQrCodes(page, school.fonts, HANDOUT, proven);
    if (failures.length) throw new Error(`a code failed: ${failures.map((f) => f.qr.url).join(', ')}`);
  }
  times.push(performance.now() - start);
  const { user, system } = process.cpuUsage(cpu);
  cpus.push((user + system) / 1000);
  codes = proven.size;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (label, xs) => `${label} ${median(xs).toFixed(0)} ms a round (${xs.map((t) => t.toFixed(0)).join(' ')}), ${(median(xs) / codes).toFixed(2)} ms a code`;
console.log(`${codes} codes read back, medians of ${ROUNDS} rounds\n  ${line('wall', times)}\n  ${line('CPU ', cpus)}`);
