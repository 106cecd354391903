// Starts a real busybox telnetd on a free 127.0.0.1 port for one test file.
// busybox comes from Debian's busybox-static; it is installed when missing
// (needs root, like telnetd itself). Nothing here is skipped: if telnetd
// cannot run, starting fails and says why.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';

export const BUSYBOX = '/bin/busybox';

export interface Telnetd {
  readonly host: string;
  readonly port: number;
  /** What telnetd wrote to stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface TelnetdOptions {
  /** Executable run for each connection (`-l`); it gets no arguments. */
  loginProgram: string;
  /** Extra environment for telnetd and so for the login program. */
  env?: Record<string, string>;
}

let checked = false;

/** Makes sure /bin/busybox with the telnetd applet exists, installing busybox-static if root. */
export function ensureBusybox(): void {
  if (checked) return;
  if (!hasTelnetd()) {
    if (process.getuid?.() !== 0) {
      throw new Error(`busybox telnetd is missing (${BUSYBOX}) and the tests do not run as root, so it cannot be installed; run "apt-get install -y busybox-static" as root, and run these tests as root (telnetd needs it).`);
    }
    execFileSync('apt-get', ['install', '-y', 'busybox-static'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (!hasTelnetd()) throw new Error(`apt-get installed busybox-static but ${BUSYBOX} still has no telnetd applet.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error('busybox telnetd needs root to allocate ptys and log in; run these tests as root.');
  }
  checked = true;
}

function hasTelnetd(): boolean {
  if (!existsSync(BUSYBOX)) return false;
  try {
    const list = execFileSync(BUSYBOX, ['--list'], { encoding: 'utf8' });
    return list.split('\n').includes('telnetd');
  } catch {
    return false;
  }
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTelnetd(options: TelnetdOptions): Promise<Telnetd> {
  ensureBusybox();
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(BUSYBOX, ['telnetd', '-F', '-K', '-p', String(port), '-b', '127.0.0.1', '-f', '/dev/null', '-l', options.loginProgram], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (await waitListening(port, child)) {
      return {
        host: '127.0.0.1',
        port,
        stderr: () => stderr,
        stop: () => stopChild(child, exited),
      };
    }
    lastError = stderr;
    await stopChild(child, exited);
  }
  throw new Error(`busybox telnetd did not start listening after 5 tries: ${lastError || 'no error output'}`);
}

/** Polls with TCP connects (bounded) until telnetd listens or exits. */
async function waitListening(port: number, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}
