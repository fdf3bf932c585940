#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { buildSnapshotLater, SNAPSHOT_LOAD_FAILED, SNAPSHOT_NODE_FLAGS, snapshotFor, wantsSnapshot } from './snapshot.js';

// Commands that draw start from a startup snapshot once one was built on this
// machine (snapshot.ts): the libraries, the parsed fonts and the guides' shaped
// words are then already in memory. Everything else, or before there is one,
// runs here; a drawing command that ran here leaves a snapshot built for the next.
const args = process.argv.slice(2);
const blob = snapshotFor(args);
if (blob) {
  runFromSnapshot(blob);
} else {
  await runHere();
}

async function runHere(): Promise<void> {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(args);
  if (process.exitCode === 0 && wantsSnapshot(args)) buildSnapshotLater();
}

/**
 * The command runs in a child; this process, the one the user sees, stands for
 * it. On POSIX the child has a session of its own, so every signal reaches it
 * exactly once, through here: a terminal's Ctrl-C (sent to this process group
 * only) as much as a kill aimed at this PID. Windows sends a console's Ctrl-C to
 * both processes, so there it is not passed on. Should this process die without
 * a word (kill -9), the IPC channel closes and the child stops too
 * (stopOnSignals in src/cli/interrupt.ts).
 */
function runFromSnapshot(blob: string): void {
  const posix = process.platform !== 'win32';
  const child = spawn(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob, ...args], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: posix });
  const relay = (signal: NodeJS.Signals) => {
    if (posix || signal !== 'SIGINT') child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, relay);
  const instead = () => {
    for (const signal of signals) process.off(signal, relay);
    void runHere();
  };
  child.on('error', instead);
  child.on('exit', (code, signal) => {
    if (signal) {
      // Loaded only now: the bin stands for the child with as little to load as it can.
      void import('./interrupt.js').then(({ reportStopped }) => {
        process.exitCode = reportStopped(signal);
      });
    } else if (code === SNAPSHOT_LOAD_FAILED) {
      instead();
    } else {
      process.exitCode = code ?? 1;
    }
  });
}
