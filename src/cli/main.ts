#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { SNAPSHOT_LOAD_FAILED, SNAPSHOT_NODE_FLAGS, snapshotFor } from './snapshot.js';

// Commands that draw start from a startup snapshot when `npm run build` made one
// for this Node: the libraries, the parsed fonts and the guides' shaped words are
// then already in memory. Everything else, or without a snapshot, runs here.
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
}

function runFromSnapshot(blob: string): void {
  const child = spawn(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob, ...args], { stdio: 'inherit' });
  // Ctrl-C in a terminal reaches the whole process group, the command included,
  // which stops after the file it is writing: wait for it rather than die first.
  const ignore = () => {};
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', ignore).on('SIGTERM', forward).on('SIGHUP', forward);
  const instead = () => {
    process.off('SIGINT', ignore).off('SIGTERM', forward).off('SIGHUP', forward);
    void runHere();
  };
  child.on('error', instead);
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else if (code === SNAPSHOT_LOAD_FAILED) {
      instead();
    } else {
      process.exitCode = code ?? 1;
    }
  });
}
