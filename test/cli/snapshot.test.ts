import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The built module: the snapshot's bundle is found beside dist/cli, where the bin runs from.
import { removeOutdatedSnapshots, SNAPSHOT_NODE_FLAGS, snapshotDir, snapshotFor } from '../../dist/cli/snapshot.js';
import type { SnapshotStamp } from '../../src/cli/snapshot.js';
import { example, ROOT, runCli, tempDir } from '../helpers/cli.js';

const SOURCE_DATE = { SOURCE_DATE_EPOCH: '1700000000' };
// As the bin sees it when a user runs it: no Node flags (this test runner has some).
const route = (args: string[]) => snapshotFor(args, { env: {}, execArgv: [] });

/** The same command through the startup snapshot (as the bin starts it) and in one plain process. */
function bothWays(args: (out: string) => string[]) {
  const blob = route(args('x'));
  expect(blob, 'npm run build made no startup snapshot for this Node').toBeDefined();
  const viaSnapshot = tempDir();
  const inProcess = tempDir();
  const snap = spawnSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob!, ...args(viaSnapshot)], { cwd: ROOT, env: { ...process.env, ...SOURCE_DATE }, encoding: 'utf8' });
  const plain = runCli(args(inProcess), { env: { ...SOURCE_DATE, VNEID_PRINT_NO_SNAPSHOT: '1' } });
  return { snap, plain, viaSnapshot, inProcess };
}

const filesOf = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length)).sort();

describe('startup snapshot', () => {
  it('steps aside when Node is given flags of its own (on the command line or in NODE_OPTIONS), or VNEID_PRINT_NO_SNAPSHOT is set', () => {
    const args = ['leaflet', '--unit', example('phuong-binh-thanh.yaml')];
    expect(route(args)).toBeDefined();
    expect(snapshotFor(args, { env: {}, execArgv: ['--cpu-prof'] })).toBeUndefined();
    expect(snapshotFor(args, { env: { VNEID_PRINT_NO_SNAPSHOT: '1' }, execArgv: [] })).toBeUndefined();
    // A blob refuses to load under other V8 flags: a user's NODE_OPTIONS must still work.
    expect(snapshotFor(args, { env: { NODE_OPTIONS: '--max-old-space-size=4096' }, execArgv: [] })).toBeUndefined();
    const r = runCli(['leaflet', '--unit', example('xa-thanh-nhut.yaml'), '--guide', 'muc-1', '--out', join(tempDir(), 'a.pdf')], { env: { NODE_OPTIONS: '--max-old-space-size=4096' } });
    expect(r.code, r.stderr).toBe(0);
  });

  it('runs the drawing commands, and only those: help, guides, validate and serve start without it', () => {
    const unit = example('phuong-binh-thanh.yaml');
    for (const command of ['leaflet', 'poster', 'image', 'banner', 'stickers', 'handout', 'kit']) expect(route([command, '--unit', unit]), command).toBeDefined();
    for (const args of [['guides'], ['validate', '--unit', unit], ['serve'], ['leaflet', '--help'], ['--version'], []]) expect(route(args), args.join(' ')).toBeUndefined();
  });

  it.each([
    ['a leaflet as PDF', (out: string) => ['leaflet', '--unit', example('truong-thcs-tan-trung.yaml'), '--guide', 'muc-2', '--out', join(out, 'a.pdf')]],
    ['a leaflet as PNG', (out: string) => ['leaflet', '--unit', example('xa-thanh-nhut.yaml'), '--guide', 'kich-hoat', '--dpi', '72', '--out', join(out, 'a.png')]],
    ['a sticker batch with images', (out: string) => ['stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', example('toa-nha-phuong-13.csv'), '--png', '--quiet', '--out', out]],
  ])('%s: the same bytes and messages as without it', (_name, args) => {
    const { snap, plain, viaSnapshot, inProcess } = bothWays(args);
    expect(snap.status, snap.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    expect(snap.stdout.replaceAll(viaSnapshot, '…')).toBe(plain.stdout.replaceAll(inProcess, '…'));
    const files = filesOf(viaSnapshot);
    expect(files).toEqual(filesOf(inProcess));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(viaSnapshot, f)).equals(readFileSync(join(inProcess, f))), f).toBe(true);
  });

  it('is never shipped: built on this machine after the first drawing command, in the cache folder, and used from the next', async () => {
    const cache = tempDir();
    const env = { VNEID_PRINT_CACHE: cache, ...SOURCE_DATE };
    const args = (out: string) => ['leaflet', '--unit', example('xa-thanh-nhut.yaml'), '--guide', 'muc-1', '--out', join(out, 'a.pdf')];
    expect(snapshotFor(args('x'), { env, execArgv: [] })).toBeUndefined();
    const first = tempDir();
    expect(runCli(args(first), { env }).code).toBe(0);
    // Built in the background, after the command has answered.
    const dir = snapshotDir(env)!;
    for (let i = 0; i < 600 && !existsSync(join(dir, 'stamp.json')); i++) await new Promise((r) => setTimeout(r, 100));
    const blob = snapshotFor(args('x'), { env, execArgv: [] });
    expect(blob).toBe(join(dir, 'vneid-print.blob'));
    expect(existsSync(join(dir, 'build.lock'))).toBe(false);
    const second = tempDir();
    expect(runCli(args(second), { env }).code).toBe(0);
    expect(readFileSync(join(second, 'a.pdf')).equals(readFileSync(join(first, 'a.pdf')))).toBe(true);
    // The package holds the bundle the blob is made from, never a blob.
    expect(readdirSync(join(ROOT, 'dist/snapshot'))).toEqual(['bundle.cjs']);
  }, 120_000);

  it('a mistake gives the same exit code and message', () => {
    const { snap, plain } = bothWays(() => ['leaflet', '--unit', example('khong-co.yaml'), '--guide', 'kich-hoat']);
    expect(snap.status).toBe(2);
    expect(plain.code).toBe(2);
    expect(snap.stderr).toBe(plain.stderr);
    expect(snap.stderr).toContain('không tìm thấy tệp hồ sơ');
  });
});

describe('the startup snapshot bundle', () => {
  it('is ASCII, so V8 keeps its source at one byte a character (a single other character doubles it: 3 MB more to load each start)', () => {
    const bundle = readFileSync(join(ROOT, 'dist/snapshot/bundle.cjs'));
    const at = bundle.findIndex((b) => b > 0x7f);
    expect(at === -1 ? '' : bundle.subarray(Math.max(0, at - 40), at + 10).toString('latin1')).toBe('');
  });

  it('leaves out what our dependencies carry for features we never use: WOFF2 (brotli), source maps, zod in other languages', () => {
    const bundle = readFileSync(join(ROOT, 'dist/snapshot/bundle.cjs'), 'latin1');
    expect(bundle).toContain('WOFF2 fonts are not read here');
    expect(bundle).toContain('source-map is not bundled');
    expect(bundle.length).toBeLessThan(2.6e6);
  });
});

describe('outdated startup snapshots', () => {
  const stampOf = (bundle: string, bundleVersion: string): SnapshotStamp => ({ node: 'v20', flags: '', execPath: '/usr/bin/node', platform: 'linux', arch: 'x64', bundle, bundleVersion });
  const folder = (root: string, name: string, stamp?: SnapshotStamp) => {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'vneid-print.blob'), 'blob');
    if (stamp) writeFileSync(join(root, name, 'stamp.json'), JSON.stringify(stamp));
    return join(root, name);
  };

  it("are removed once this install has a new blob: its own older ones, those of installs that are gone and folders a killed build left empty; other installs' and unfinished builds stay", () => {
    const root = tempDir();
    const otherBundle = join(tempDir(), 'bundle.cjs');
    writeFileSync(otherBundle, '');
    const current = folder(root, 'snapshot-new', stampOf('/opt/a/bundle.cjs', '2'));
    folder(root, 'snapshot-old', stampOf('/opt/a/bundle.cjs', '1'));
    folder(root, 'snapshot-gone', stampOf('/nowhere/bundle.cjs', '1'));
    folder(root, 'snapshot-other', stampOf(otherBundle, '1'));
    folder(root, 'snapshot-building');
    // Empty: a build killed before it wrote anything, long ago, or one that has just started.
    mkdirSync(join(root, 'snapshot-killed'));
    utimesSync(join(root, 'snapshot-killed'), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    mkdirSync(join(root, 'snapshot-starting'));
    writeFileSync(join(root, 'notes.txt'), 'not ours');
    removeOutdatedSnapshots(current, stampOf('/opt/a/bundle.cjs', '2'));
    expect(readdirSync(root).sort()).toEqual(['notes.txt', 'snapshot-building', 'snapshot-new', 'snapshot-other', 'snapshot-starting']);
  });
});
