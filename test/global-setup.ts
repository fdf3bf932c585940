import { execFileSync } from 'node:child_process';

/** The CLI tests run the compiled bin and its startup snapshot, as users do: build both once, fresh. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
