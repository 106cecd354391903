// Spawns the `netx` program from source (node + tsx, like the demo), plain or
// inside a real pseudo-terminal (`script` from util-linux).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shellQuote } from '../../src/cli/quote.js';
import { changes, waitUntil } from './wait.js';

export const CLI_DIR = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = { bin: 'src/bin.ts', lab: 'test/fixtures/netx-lab.ts', demo: 'src/demo.ts' } as const;
const NODE_ARGS = ['--conditions=@netx/source', '--import', 'tsx'];

export interface Spawned {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exit: Promise<number>;
  /** Resolves once `re` matches stdout (+ stderr); rejects when the process ends first, or after `ms` (default 25000). */
  waitFor(re: RegExp, what: string, ms?: number): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  entry?: keyof typeof ENTRY;
  /** Run inside a pseudo-terminal of this size. */
  pty?: { columns: number; rows: number };
}

export function spawnNetx(args: readonly string[], opts: SpawnOptions = {}): Spawned {
  const argv = [...NODE_ARGS, ENTRY[opts.entry ?? 'bin'], ...args];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...opts.env };
  const child = opts.pty
    ? spawn('script', ['-qfec', `stty cols ${opts.pty.columns} rows ${opts.pty.rows}; exec ${[process.execPath, ...argv].map(shellQuote).join(' ')}`, '/dev/null'], { cwd: CLI_DIR, env })
    : spawn(process.execPath, argv, { cwd: CLI_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let ended: number | undefined;
  const { watch, changed } = changes();
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    changed();
  });
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString('utf8');
    changed();
  });
  const exit = new Promise<number>((resolve) =>
    child.once('close', (code, signal) => {
      ended = code ?? (signal ? 128 : -1);
      resolve(ended);
      changed();
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor(re, what, ms = 25_000) {
      return waitUntil(what, () => re.test(out + err), watch, {
        ms,
        failed: () => (ended === undefined ? undefined : `netx ended (exit ${ended})`),
        seen: () => `stdout:\n${out}\nstderr:\n${err}`,
      });
    },
  };
}
