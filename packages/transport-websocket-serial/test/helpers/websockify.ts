// Starts the real websockify (Debian package) on a free loopback port.
// Installs it with apt-get when missing and we are root; otherwise fails saying why.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForListen } from './ports.js';

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The websockify binary; installs the Debian package if it is missing and we may. */
export function ensureWebsockify(): string {
  const found = which('websockify');
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('websockify is not installed and the tests are not running as root, so they cannot apt-get install it. Run `sudo apt-get install -y websockify` and re-run.');
  }
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'websockify'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = which('websockify');
  if (!installed) throw new Error('apt-get install websockify finished but no websockify binary is on PATH.');
  return installed;
}

export interface WebsockifyOptions {
  /** host:port of the TCP target; omit when a token plugin picks it. */
  target?: { host: string; port: number };
  /** Extra arguments (--cert, --auth-plugin, --token-plugin, ...). */
  args?: string[];
}

export interface Websockify {
  port: number;
  /** What websockify printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export async function startWebsockify(options: WebsockifyOptions): Promise<Websockify> {
  const bin = ensureWebsockify();
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const args = [...(options.args ?? []), `127.0.0.1:${port}`];
    if (options.target) args.push(`${options.target.host}:${options.target.port}`);
    // Own process group, so stop() also ends the per-connection children it forks.
    const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let exit: string | undefined;
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code, signal) => (exit = `websockify exited (${code ?? signal}) before listening:\n${output}`));
    child.on('error', (err) => (exit = `websockify could not start: ${err.message}`));
    try {
      await waitForListen('127.0.0.1', port, 200, () => exit);
    } catch (err) {
      lastError = err;
      if (exit === undefined && child.pid) process.kill(-child.pid, 'SIGKILL');
      continue;
    }
    const stop = async () => {
      if (exit !== undefined || !child.pid) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await done;
    };
    return { port, output: () => output, stop };
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
