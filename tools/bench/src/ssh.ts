// SSH benchmark: netx (Protocol over SshTransport) against the floor, a bare ssh2
// shell channel doing the same reads, both on one loopback OpenSSH sshd whose
// ForceCommand is the test device of @netx/transport-ssh's tests (a virtual IOS
// router of @netx/virtual-device on the pty, one bundled `node` per login). Needs
// root (the sshd harness creates the test users and runs sshd on a free port).
//
// Noise control, because the differences measured are tens of microseconds: the
// clients run in alternation with the order swapped every round (ABBA), this
// process and sshd (with every session it forks) sit on different CPUs when
// there are two or more, and the round trip is measured in several trials, each
// on a fresh pair of connections, so one unlucky server process cannot decide it.
import { execFileSync } from 'node:child_process';
import { connect as tcpConnect, type Socket } from 'node:net';
import { cpus } from 'node:os';
import { Account, Protocol } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import { SshTransport } from '@netx/transport-ssh';
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import { ensureSshTestEnvironment, startSshd, TEST_USER } from '../../../packages/transport-ssh/test/helpers/sshd.js';

export interface SshBenchResult {
  /** Stable id of the measurement. */
  id: 'login' | 'execute' | 'output-5mb';
  /** What was measured, for a table row. */
  label: string;
  client: 'netx' | 'ssh2 floor';
  /** Median over `runs`, in seconds. */
  seconds: number;
  runs: number;
}
export type Result = SshBenchResult;

export interface SshBenchReport {
  results: SshBenchResult[];
  /** Round-trip overhead of netx over the floor in each trial, in percent. */
  executeTrials: number[];
  /** How the CPUs were shared ('' when not pinned). */
  pinning: string;
}

const LOGIN_RUNS = 15;
const EXECUTE_TRIALS = 5;
const EXECUTE_RUNS = 600; // per trial and client
const BIG_RUNS = 15;
const BIG_LINES = 100_000; // 50 bytes each: 5 MB
const PROMPT = /r1>$/;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e9;

interface Client {
  login(): Promise<void>;
  run(command: string): Promise<number>; // characters received before the prompt
  close(): Promise<void>;
}

function netxClient(port: number): Client {
  const conn = new Protocol({
    transport: new SshTransport({ agent: false }),
    // As a script against known gear runs it: every built-in driver, this one chosen. The OS
    // guesser's cost while it still reads responses is measured in-process (overhead.ts).
    drivers: allDrivers,
    driver: 'ios',
    verifyFingerprint: false,
    timeout: 60_000,
    maxBufferSize: 64 * 1024 * 1024,
  });
  return {
    async login() {
      await conn.connect('127.0.0.1', port);
      await conn.login(new Account({ name: TEST_USER.name, password: TEST_USER.password }));
    },
    async run(command) {
      return (await conn.execute(command)).response.length;
    },
    close: () => conn.close(),
  };
}

/** The floor: ssh2 with TCP_NODELAY, a shell channel, chunks kept in a list, only a short tail searched, the output decoded once. */
function floorClient(port: number): Client {
  const client = new ssh2.Client();
  let channel: ClientChannel | undefined;
  let chunks: Buffer[] = [];
  let tail = '';
  let size = 0;
  let waiter: (() => void) | undefined;
  const untilPrompt = () =>
    new Promise<number>((resolve) => {
      const check = () => {
        if (PROMPT.test(tail)) {
          // Like any client, hand the caller the output as text (one decode at the end).
          const n = Buffer.concat(chunks, size).toString('latin1').length;
          chunks = [];
          tail = '';
          size = 0;
          waiter = undefined;
          resolve(n);
        }
      };
      waiter = check;
      check();
    });
  return {
    async login() {
      const sock: Socket = tcpConnect({ host: '127.0.0.1', port });
      sock.setNoDelay(true);
      await new Promise<void>((resolve, reject) => {
        sock.once('connect', resolve).once('error', reject);
      });
      await new Promise<void>((resolve, reject) => {
        client.once('ready', resolve).once('error', reject);
        client.connect({ sock, username: TEST_USER.name, password: TEST_USER.password });
      });
      channel = await new Promise<ClientChannel>((resolve, reject) =>
        client.shell({ term: 'dumb', cols: 80, rows: 24 }, (err, ch) => (err ? reject(err) : resolve(ch))),
      );
      channel.on('data', (b: Buffer) => {
        chunks.push(b);
        size += b.length;
        tail = (tail + b.toString('latin1')).slice(-64);
        waiter?.();
      });
      await untilPrompt();
    },
    async run(command) {
      const done = untilPrompt();
      channel!.write(`${command}\r`);
      return done;
    },
    async close() {
      await new Promise<void>((resolve) => {
        client.once('close', () => resolve());
        client.end();
      });
    },
  };
}

type Maker = { name: SshBenchResult['client']; make: () => Client };

/** Runs `step` for every maker, in forward order on even rounds and reversed on odd ones. */
async function abba<T>(round: number, items: T[], step: (item: T) => Promise<void>): Promise<void> {
  for (const item of round % 2 === 0 ? items : [...items].reverse()) await step(item);
}

/** Both clients measured in alternation, so machine load hits them alike. */
async function measure(makers: Maker[]): Promise<{ results: SshBenchResult[]; executeTrials: number[] }> {
  const samples = (kind: string) => new Map<string, number[]>(makers.map((m) => [`${kind}:${m.name}`, []]));
  const logins = samples('login');
  for (let i = 0; i < LOGIN_RUNS; i++) {
    await abba(i, makers, async (m) => {
      const c = m.make();
      const t0 = now();
      await c.login();
      logins.get(`login:${m.name}`)!.push(now() - t0);
      await c.close();
    });
  }
  // Round trips: a median per trial and client, each trial on fresh connections.
  const trialMedians = samples('execute');
  const executeTrials: number[] = [];
  for (let trial = 0; trial < EXECUTE_TRIALS; trial++) {
    const open = await Promise.all(makers.map(async (m) => ({ m, c: await loggedIn(m.make()) })));
    // Warm-up long enough for the optimizing compiler, then a clean heap for both.
    for (const { c } of open) for (let i = 0; i < 200; i++) await c.run('show version');
    collectGarbage();
    const exec = samples('execute');
    for (let i = 0; i < EXECUTE_RUNS; i++) {
      await abba(i, open, async ({ m, c }) => {
        const t0 = now();
        const n = await c.run('show version');
        exec.get(`execute:${m.name}`)!.push(now() - t0);
        if (n < 400) throw new Error(`ssh bench (${m.name}): show version returned only ${n} characters`);
      });
    }
    for (const { c } of open) await c.close();
    for (const [key, xs] of exec) trialMedians.get(key)!.push(median(xs));
    executeTrials.push((median(exec.get('execute:netx')!) / median(exec.get('execute:ssh2 floor')!) - 1) * 100);
  }
  const big = samples('big');
  const open = await Promise.all(makers.map(async (m) => ({ m, c: await loggedIn(m.make()) })));
  for (let i = 0; i < BIG_RUNS; i++) {
    await abba(i, open, async ({ m, c }) => {
      // Both clients live in this process: collect first, so neither pays for the other's garbage.
      collectGarbage();
      const t0 = now();
      const n = await c.run(`show lines ${BIG_LINES}`);
      big.get(`big:${m.name}`)!.push(now() - t0);
      if (n < BIG_LINES * 50) throw new Error(`ssh bench (${m.name}): got ${n} characters, expected at least ${BIG_LINES * 50}`);
    });
  }
  for (const { c } of open) await c.close();
  const results = makers.flatMap(({ name }) => [
    { id: 'login' as const, label: 'connect + login + first prompt', client: name, seconds: median(logins.get(`login:${name}`)!), runs: LOGIN_RUNS },
    {
      id: 'execute' as const,
      label: '`show version` round trip',
      client: name,
      // The median trial: per-trial medians are robust to pauses, the middle trial to an unlucky connection.
      seconds: median(trialMedians.get(`execute:${name}`)!),
      runs: EXECUTE_TRIALS * EXECUTE_RUNS,
    },
    { id: 'output-5mb' as const, label: '5 MB output (100,000 lines) until the prompt', client: name, seconds: median(big.get(`big:${name}`)!), runs: BIG_RUNS },
  ]);
  return { results, executeTrials };
}

/**
 * This process on CPU 0, sshd and every session it forks on CPU 1: the client is
 * then never descheduled by the server it waits for. Needs 2 CPUs and taskset
 * (util-linux, which the bootstrap installs).
 */
function pinCpus(sshdPid: number): string {
  if (cpus().length < 2) return '';
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(sshdPid)], { stdio: 'ignore' });
    // Only the main thread: V8's collector threads stay free to run beside it.
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return 'client main thread on CPU 0, sshd and its sessions on CPU 1 (taskset)';
  } catch {
    return '';
  }
}

/** A full collection where node runs with --expose-gc (the bench script does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function loggedIn(c: Client): Promise<Client> {
  await c.login();
  return c;
}

/** Runs both clients against one fresh loopback sshd; medians in seconds. */
export async function runSshBench(): Promise<SshBenchReport> {
  ensureSshTestEnvironment();
  const sshd = await startSshd();
  try {
    const pinning = pinCpus(sshd.pid);
    const { results, executeTrials } = await measure([
      { name: 'netx', make: () => netxClient(sshd.port) },
      { name: 'ssh2 floor', make: () => floorClient(sshd.port) },
    ]);
    return { results, executeTrials, pinning };
  } finally {
    await sshd.stop();
  }
}

// `tsx src/ssh.ts` prints the results on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runSshBench();
  console.log(`pinning: ${report.pinning || 'none'}; execute overhead per trial: ${report.executeTrials.map((x) => `${x.toFixed(1)}%`).join(', ')}`);
  for (const r of report.results) {
    console.log(`${r.client.padEnd(10)} ${r.label.padEnd(48)} ${(r.seconds * 1000).toFixed(2).padStart(9)} ms  (median of ${r.runs})`);
  }
}
