import { randomBytes } from 'node:crypto';
import { rmdirSync, rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

// Temporary files and folders are named `.vneid-print-<pid>-<random>.tmp`: short
// (a long but valid output name stays valid), hidden, and the PID tells a later
// run whether the process that made one is still alive.
const TEMP_NAME = /^\.vneid-print-(\d+)-[0-9a-f]+\.tmp$/;

/** Temporary paths of this process, removed however it ends (bar SIGKILL: see sweepStaleTemps). */
const live = new Set<string>();
/** Folders made for this run's output, taken back at exit if still empty. */
const madeFolders = new Set<string>();
let cleanOnExit = false;

/** 'exit' also runs on process.exit(), as after a second Ctrl-C: only sync work is possible there. */
function cleanUpOnExit(): void {
  if (cleanOnExit) return;
  cleanOnExit = true;
  process.on('exit', () => {
    for (const p of live) attempt(() => rmSync(p, { recursive: true, force: true, maxRetries: 3 }));
    for (const d of [...madeFolders].sort((a, b) => b.length - a.length)) attempt(() => rmdirSync(d));
  });
}

function attempt(removal: () => void): void {
  try {
    removal();
  } catch {
    // Left for the next run's sweep: there is no one left to tell.
  }
}

/** A new temporary path in `dir`, removed when the process exits unless released first. */
export function tempPath(dir: string): string {
  const path = join(dir, `.vneid-print-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  cleanUpOnExit();
  live.add(path);
  return path;
}

/** Folders just made for the output (deepest first): removed at exit unless released, when still empty. */
export function trackFolders(dirs: readonly string[]): void {
  cleanUpOnExit();
  for (const d of dirs) madeFolders.add(d);
}

export function releaseFolders(dirs: readonly string[]): void {
  for (const d of dirs) madeFolders.delete(d);
}

/** The path was renamed into place or removed: nothing left to clean. */
export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Removes a temporary path now; one that resists is left to the exit hook and the next run's sweep. */
export async function removeTemp(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
    live.delete(path);
  } catch {
    // Said by the error that brought us here.
  }
}

/**
 * Removes what runs killed outright (kill -9, a power cut) left in `dir`: our
 * temporary names whose process is gone. A live process's files are left alone.
 */
export async function sweepStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(TEMP_NAME.exec(name)?.[1]);
      const path = join(dir, name);
      if (!pid || live.has(path) || (pid !== process.pid && isAlive(pid))) return;
      await rm(path, { recursive: true, force: true }).catch(() => {});
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
