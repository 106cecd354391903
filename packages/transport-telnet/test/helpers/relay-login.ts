// busybox telnetd runs its login program without arguments, so the kit's relay
// command (argv) is wrapped in a small executable shell script.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

export interface LoginScript {
  readonly path: string;
  remove(): void;
}

export function writeLoginScript(argv: readonly string[]): LoginScript {
  if (argv.length === 0) throw new TypeError('writeLoginScript: argv is empty.');
  const dir = mkdtempSync(join(tmpdir(), 'netx-telnetd-login-'));
  const path = join(dir, 'login.sh');
  writeFileSync(path, `#!/bin/sh\nexec ${argv.map(quote).join(' ')}\n`);
  chmodSync(path, 0o755);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
