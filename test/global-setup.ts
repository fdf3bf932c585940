import { execFileSync } from 'node:child_process';

/** The CLI tests run the compiled bin, as users do: build it once, fresh. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
