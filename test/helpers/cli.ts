import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli/main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `vneid-print` bin the way a user does; `timeoutMs` ends a run that hangs (code null). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vneid-test-'));
}

/** Every file under a folder, temporary ones included: what a user would find there. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

export const example = (name: string) => join(ROOT, 'examples', name);

/**
 * Runs a command line in this process, through the same runCli the bin ends in
 * (src/cli/main.ts), capturing what it writes: for tests about a message, an exit
 * code or the files written, without starting Node twice. The bin and a plain
 * process give the same bytes and messages (test/cli/snapshot.test.ts). Not for
 * --help or --version (yargs ends the process there), nor for tests run
 * concurrently (the output is captured for the whole process).
 */
export async function runHere(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { runCli: runInProcess } = await import('../../src/cli/cli.js');
  let stdout = '';
  let stderr = '';
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const saved = { out: process.stdout.write, err: process.stderr.write, log: console.log, error: console.error, warn: console.warn, info: console.info };
  // Signals, and 'disconnect' (typed apart, handled alike).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'disconnect'] as NodeJS.Signals[];
  const listeners = signals.map((s) => process.listeners(s));
  const env = Object.entries(options.env ?? {}).map(([k, v]) => [k, process.env[k], v] as const);
  const cwd = process.cwd();
  process.stdout.write = ((chunk: unknown) => ((stdout += text(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => ((stderr += text(chunk)), true)) as typeof process.stderr.write;
  console.log = console.info = (...a: unknown[]) => void (stdout += `${a.join(' ')}\n`);
  console.error = console.warn = (...a: unknown[]) => void (stderr += `${a.join(' ')}\n`);
  for (const [k, , v] of env) process.env[k] = v;
  if (options.cwd) process.chdir(options.cwd);
  // stopOnSignals unrefs the bin's IPC channel: here it is this worker's, to the test runner, which must hold it.
  const channel = process.channel as { unref(): void } | undefined;
  const unref = channel?.unref;
  if (channel) channel.unref = () => {};
  try {
    return { code: await runInProcess(args), stdout, stderr };
  } finally {
    if (channel) channel.unref = unref!;
    process.chdir(cwd);
    for (const [k, before] of env) {
      if (before === undefined) delete process.env[k];
      else process.env[k] = before;
    }
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn, info: saved.info });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    // The drawing commands stop on Ctrl-C or when their parent goes (src/cli/interrupt.ts): not this test process.
    signals.forEach((s, i) => {
      for (const l of process.listeners(s)) if (!listeners[i]!.includes(l)) process.off(s, l);
    });
  }
}
