import { startupSnapshot } from 'node:v8';
import { runCli } from './cli.js';
import { warmUp } from './warm-up.js';

// Built into a startup snapshot by scripts/build-snapshot.mjs; main.ts starts it.
warmUp();
startupSnapshot.setDeserializeMainFunction(() => {
  // A snapshot's process.argv is [node, ...arguments]: there is no script path.
  void runCli(process.argv.slice(1)).then((code) => {
    process.exitCode = code;
  });
});
