import cliProgress from 'cli-progress';

export interface Progress {
  /** Moves the bar to `done` items. */
  update(done: number): void;
  stop(): void;
}

/** A progress bar on stderr for long runs; silent when not a terminal or with --quiet. */
export function startProgress(label: string, total: number, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY || total < 2) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
