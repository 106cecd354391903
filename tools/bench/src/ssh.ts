// SSH benchmark: netx (Protocol over SshTransport) against the floor, a bare ssh2
// shell channel doing the same reads, both on one loopback OpenSSH sshd whose
// ForceCommand is the IOS-like test CLI of @netx/transport-ssh. Needs root (the
// sshd harness creates the test users and runs sshd on a free port).
import { connect as tcpConnect, type Socket } from 'node:net';
import { Account, Protocol } from '@netx/core';
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

const LOGIN_RUNS = 15;
const EXECUTE_RUNS = 300;
const BIG_RUNS = 5;
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
    driver: 'generic',
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

/** Both clients measured in alternation, so machine load hits them alike. */
async function measure(makers: Maker[]): Promise<SshBenchResult[]> {
  const logins = new Map<string, number[]>(makers.map((m) => [m.name, []]));
  for (let i = 0; i < LOGIN_RUNS; i++) {
    for (const m of makers) {
      const c = m.make();
      const t0 = now();
      await c.login();
      logins.get(m.name)!.push(now() - t0);
      await c.close();
    }
  }
  const open = await Promise.all(makers.map(async (m) => ({ m, c: await loggedIn(m.make()) })));
  const exec = new Map<string, number[]>(makers.map((m) => [m.name, []]));
  const big = new Map<string, number[]>(makers.map((m) => [m.name, []]));
  for (const { c } of open) for (let i = 0; i < 5; i++) await c.run('show version'); // warm-up
  for (let i = 0; i < EXECUTE_RUNS; i++) {
    for (const { m, c } of open) {
      const t0 = now();
      const n = await c.run('show version');
      exec.get(m.name)!.push(now() - t0);
      if (n < 400) throw new Error(`ssh bench (${m.name}): show version returned only ${n} characters`);
    }
  }
  for (let i = 0; i < BIG_RUNS; i++) {
    for (const { m, c } of open) {
      const t0 = now();
      const n = await c.run(`show lines ${BIG_LINES}`);
      big.get(m.name)!.push(now() - t0);
      if (n < BIG_LINES * 50) throw new Error(`ssh bench (${m.name}): got ${n} characters, expected at least ${BIG_LINES * 50}`);
    }
  }
  for (const { c } of open) await c.close();
  return makers.flatMap(({ name }) => [
    { id: 'login', label: 'connect + login + first prompt', client: name, seconds: median(logins.get(name)!), runs: LOGIN_RUNS },
    { id: 'execute', label: '`show version` round trip', client: name, seconds: median(exec.get(name)!), runs: EXECUTE_RUNS },
    { id: 'output-5mb', label: '5 MB output (100,000 lines) until the prompt', client: name, seconds: median(big.get(name)!), runs: BIG_RUNS },
  ]);
}

async function loggedIn(c: Client): Promise<Client> {
  await c.login();
  return c;
}

/** Runs both clients against one fresh loopback sshd; medians in seconds. */
export async function runSshBench(): Promise<SshBenchResult[]> {
  ensureSshTestEnvironment();
  const sshd = await startSshd();
  try {
    return await measure([
      { name: 'netx', make: () => netxClient(sshd.port) },
      { name: 'ssh2 floor', make: () => floorClient(sshd.port) },
    ]);
  } finally {
    await sshd.stop();
  }
}

// `tsx --conditions=@netx/source src/ssh.ts` prints the results on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runSshBench()) {
    console.log(`${r.client.padEnd(10)} ${r.label.padEnd(48)} ${(r.seconds * 1000).toFixed(2).padStart(9)} ms  (median of ${r.runs})`);
  }
}
