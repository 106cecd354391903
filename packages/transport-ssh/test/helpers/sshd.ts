// Starts a real OpenSSH sshd on a free 127.0.0.1 port with its own config, host
// keys, authorized keys and banner in a temp dir. Needs root (tests run as root in
// CI); installs openssh-server with apt-get when /usr/sbin/sshd is missing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ttyDeviceCommand } from '../device/tty-device.js';

export const SSHD = '/usr/sbin/sshd';

/** The dedicated test users (created by ensureSshTestEnvironment). Never root. */
export const TEST_USER = { name: 'netxtest', password: 'netx-Test-pw1' } as const;
/** A user with an empty password: sshd lets it in with the 'none' method (PermitEmptyPasswords). */
export const EMPTY_USER = { name: 'netxnone' } as const;

export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function run(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
}

function userExists(name: string): boolean {
  try {
    run('id', ['-u', name]);
    return true;
  } catch {
    return false;
  }
}

/** Installs sshd if needed and creates the test users. Runs once (vitest globalSetup). */
export function ensureSshTestEnvironment(): void {
  const isRoot = process.getuid?.() === 0;
  if (!existsSync(SSHD)) {
    if (!isRoot) throw new Error(`${SSHD} is missing and the tests do not run as root, so they cannot apt-get install openssh-server. Install openssh-server (Debian) and run again.`);
    run('apt-get', ['update', '-q']);
    execFileSync('apt-get', ['install', '-y', '-q', 'openssh-server', 'openssh-client'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (!existsSync(SSHD)) throw new Error(`apt-get install openssh-server did not provide ${SSHD}.`);
  }
  if (!isRoot) {
    throw new Error('The SSH tests run a private sshd and create the users netxtest/netxnone: run them as root (as CI does).');
  }
  // sshd's privilege separation directory (normally made by the service unit).
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  ensureUser(TEST_USER.name, 'netx SSH tests');
  run('chpasswd', [], `${TEST_USER.name}:${TEST_USER.password}\n`);
  ensureUser(EMPTY_USER.name, 'netx SSH tests (empty password)');
  run('passwd', ['-d', EMPTY_USER.name]);
}

/** A login user with /bin/sh and a home directory (else sshd prints "Could not chdir to home directory" into the session). */
function ensureUser(name: string, comment: string): void {
  if (!userExists(name)) run('useradd', ['--create-home', '--shell', '/bin/sh', '--comment', comment, name]);
  const home = run('getent', ['passwd', name]).split(':')[5];
  if (home && !existsSync(home)) {
    mkdirSync(home, { recursive: true, mode: 0o755 });
    run('chown', [`${name}:`, home]);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('freePort: no address');
  return address.port;
}

export type KeyType = 'ed25519' | 'rsa' | 'ecdsa';

export interface KeyPair {
  privatePath: string;
  /** The `.pub` line: `type base64 comment`. */
  publicLine: string;
  /** The public key blob (what the server sends / known_hosts holds). */
  blob: Buffer;
}

/** ssh-keygen a key pair into `dir`. */
export function generateKey(dir: string, name: string, type: KeyType, passphrase = ''): KeyPair {
  const privatePath = join(dir, name);
  const args = ['-q', '-t', type, '-N', passphrase, '-C', `netx-test-${name}`, '-f', privatePath];
  if (type === 'rsa') args.push('-b', '2048');
  run('ssh-keygen', args);
  const publicLine = readFileSync(`${privatePath}.pub`, 'utf8').trim();
  return { privatePath, publicLine, blob: Buffer.from(publicLine.split(' ')[1]!, 'base64') };
}

export interface SshdOptions {
  /** argv run for every session (ForceCommand, through the user's shell). Default: the test device (ttyDeviceCommand()). */
  forceCommand?: string[];
  /** Auth banner text (sshd `Banner`). Default none. */
  banner?: string;
  /** Extra sshd_config lines; they come first, so they override the defaults below. */
  config?: string[];
  /** Picks the port of each try. Default freePort(); the helper's own test hands out a taken one. */
  pickPort?: () => Promise<number>;
}

export interface Sshd {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  /** Process id of the listening sshd (sessions are its children). */
  readonly pid: number;
  /** The server's host keys by type. */
  readonly hostKeys: Record<KeyType, KeyPair>;
  /** Adds a public key line to a user's authorized_keys. */
  authorize(user: string, publicLine: string): void;
  /** sshd's log so far (stderr, LogLevel VERBOSE). */
  log(): string;
  stop(): Promise<void>;
}

/** Starts sshd in the foreground (-D -e) and resolves once it listens. */
export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'netx-sshd-'));
  try {
    return await startSshdIn(dir, options);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function startSshdIn(dir: string, options: SshdOptions): Promise<Sshd> {
  chmodSync(dir, 0o755); // sshd reads authorized_keys as the user
  const hostKeys = {
    ed25519: generateKey(dir, 'ssh_host_ed25519_key', 'ed25519'),
    rsa: generateKey(dir, 'ssh_host_rsa_key', 'rsa'),
    ecdsa: generateKey(dir, 'ssh_host_ecdsa_key', 'ecdsa'),
  };
  const authDir = join(dir, 'authorized_keys');
  mkdirSync(authDir, { mode: 0o755 });
  chmodSync(authDir, 0o755);
  const command = (options.forceCommand ?? ttyDeviceCommand()).map(shellQuote).join(' ');
  if (options.banner !== undefined) writeFileSync(join(dir, 'banner.txt'), options.banner);
  // The port is probed free, then bound by sshd: another process may take it in between.
  // sshd then exits saying so, and the next try takes another port.
  let started: StartedSshd | undefined;
  for (let attempt = 1; !started; attempt++) {
    const port = await (options.pickPort ?? freePort)();
    const configPath = join(dir, 'sshd_config');
    writeFileSync(configPath, sshdConfig(dir, port, hostKeys, authDir, command, options).join('\n') + '\n');
    try {
      run(SSHD, ['-t', '-f', configPath]);
    } catch (err) {
      throw new Error(`sshd rejected the test config ${configPath}: ${(err as { stderr?: string }).stderr ?? String(err)}`);
    }
    const outcome = await spawnSshd(configPath, port);
    if (typeof outcome !== 'string') started = outcome;
    else if (!PORT_TAKEN.test(outcome) || attempt >= 5) throw new Error(outcome);
  }
  const { child, port, exited, log } = started;

  return {
    host: '127.0.0.1',
    port,
    dir,
    pid: child.pid!,
    hostKeys,
    authorize(user, publicLine) {
      appendFileSync(join(authDir, user), `${publicLine.trim()}\n`, { mode: 0o644 });
    },
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** sshd's words when ListenAddress is taken (then "Cannot bind any address"). */
const PORT_TAKEN = /Address already in use|Cannot bind any address/;

interface StartedSshd {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  log(): string;
}

function sshdConfig(dir: string, port: number, hostKeys: Record<KeyType, KeyPair>, authDir: string, command: string, options: SshdOptions): string[] {
  return [
    // sshd keeps the first value of a keyword: the caller's lines go first to override ours.
    ...(options.config ?? []),
    `ListenAddress 127.0.0.1:${port}`,
    ...Object.values(hostKeys).map((k) => `HostKey ${k.privatePath}`),
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM no',
    'StrictModes no',
    `AuthorizedKeysFile ${authDir}/%u`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication yes',
    'PermitEmptyPasswords yes',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin no',
    `AllowUsers ${TEST_USER.name} ${EMPTY_USER.name}`,
    'AllowTcpForwarding yes',
    'X11Forwarding no',
    'PrintMotd no',
    'PrintLastLog no',
    'UseDNS no',
    'MaxStartups 200',
    'MaxSessions 50',
    'MaxAuthTries 30',
    'LoginGraceTime 60',
    'LogLevel VERBOSE',
    ...(options.banner !== undefined ? [`Banner ${join(dir, 'banner.txt')}`] : []),
    `ForceCommand ${command}`,
  ];
}

/** Runs sshd in the foreground (-D -e); the started server, or why it did not listen. */
async function spawnSshd(configPath: string, port: number): Promise<StartedSshd | string> {
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => {
    log += s;
    if (log.length > 1_000_000) log = log.slice(-500_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = await new Promise<true | string>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`sshd did not report listening on 127.0.0.1:${port} within 10 s; log:\n${log}`);
    }, 10_000);
    const onData = () => {
      if (/Server listening on 127\.0\.0\.1 port/.test(log)) {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        resolve(true);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(`sshd exited (code ${code}) before listening; log:\n${log}`);
    });
  });
  if (listening !== true) {
    await exited;
    return listening;
  }
  return { child, port, exited, log: () => log };
}
