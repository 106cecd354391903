// The test device (test-device.ts) as a program on a terminal: tty-main.ts bundled by
// esbuild into one plain .mjs, so sshd (ForceCommand, as the test user) and busybox
// telnetd (login program) start a bare `node` per login. With tsx compiling the
// sources on every login, the first prompt took about five times as long on a
// loaded machine. The vitest global setups build it once per run (provideTtyDevice) and
// pass the path to the test workers in NETX_TTY_DEVICE; anything else builds it on first use.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { TestDeviceSpec } from './test-device.js';

export type { TestDeviceSpec } from './test-device.js';

const ENV = 'NETX_TTY_DEVICE';
const MAIN = fileURLToPath(new URL('./tty-main.ts', import.meta.url));

export interface TtyDeviceBuild {
  /** The bundle: `node <bundle> '<spec as JSON>'`. */
  readonly bundle: string;
  /** An executable that runs the bundle (for busybox telnetd's `-l`, which passes no arguments). */
  readonly program: string;
  remove(): void;
}

/** Bundles tty-main.ts into a fresh directory every user can read (sshd runs it as the test user). */
export function buildTtyDevice(): TtyDeviceBuild {
  const dir = mkdtempSync(join(tmpdir(), 'netx-tty-device-'));
  chmodSync(dir, 0o755);
  const bundle = join(dir, 'tty-device.mjs');
  buildSync({
    entryPoints: [MAIN],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The workspace packages' TypeScript sources, as the tests use them.
    conditions: ['@netx/source'],
    logLevel: 'error',
  });
  const program = join(dir, 'tty-device');
  writeFileSync(program, `#!/bin/sh\nexec '${process.execPath}' '${bundle}' "$@"\n`, { mode: 0o755 });
  return { bundle, program, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One build per process, however many global setups (vitest projects) ask; removed when the last lets go. */
interface Provided {
  readonly build: TtyDeviceBuild;
  users: number;
}
const PROVIDED = Symbol.for('netx.test.ttyDevice');
const slot = globalThis as { [PROVIDED]?: Provided };

/** Makes the build visible to processes started after this (vitest workers); remove() when done with it. */
export function provideTtyDevice(): TtyDeviceBuild {
  if (!slot[PROVIDED]) {
    slot[PROVIDED] = { build: buildTtyDevice(), users: 0 };
    process.env[ENV] = slot[PROVIDED].build.bundle;
  }
  const provided = slot[PROVIDED];
  provided.users++;
  let released = false;
  return {
    ...provided.build,
    remove: () => {
      if (released) return;
      released = true;
      if (--provided.users > 0) return;
      provided.build.remove();
      delete slot[PROVIDED];
      delete process.env[ENV];
    },
  };
}

let own: TtyDeviceBuild | undefined;

function current(): TtyDeviceBuild {
  const given = process.env[ENV];
  if (given !== undefined && existsSync(given)) return { bundle: given, program: join(dirname(given), 'tty-device'), remove: () => undefined };
  if (!own) {
    own = buildTtyDevice();
    const built = own;
    process.once('exit', () => built.remove());
  }
  return own;
}

/** argv that runs the test device with `spec` (sshd's ForceCommand). */
export function ttyDeviceCommand(spec: TestDeviceSpec = {}): string[] {
  return [process.execPath, current().bundle, JSON.stringify(spec)];
}

/** The login program for busybox telnetd, and the environment that carries `spec` to it. */
export function ttyDeviceProgram(spec: TestDeviceSpec = {}): { loginProgram: string; env: Record<string, string> } {
  return { loginProgram: current().program, env: { NETX_TEST_DEVICE: JSON.stringify(spec) } };
}
