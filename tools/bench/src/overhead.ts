// What netx itself costs per command, without a network: a device in this process
// answers `show version` at once in three chunks (echo, output, prompt), and the
// same answer is read once by Protocol.execute() and once by a bare loop that only
// collects the chunks and tests the prompt (the floor). The difference is the CPU
// netx adds to every round trip, which the SSH benchmark sees through the noise.
import { AbstractTransport, Account, Protocol, type Driver, type TransportCapabilities, type TransportSession } from '@netx/core';
import { allDrivers } from '@netx/drivers';

const encode = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const VERSION = [
  'Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M3, RELEASE SOFTWARE (fc2)',
  'Technical Support: http://www.cisco.com/techsupport',
  'Copyright (c) 1986-2013 by Cisco Systems, Inc.',
  'ROM: System Bootstrap, Version 15.0(1r)M15, RELEASE SOFTWARE (fc1)',
  'r1 uptime is 1 week, 2 days, 3 hours, 4 minutes',
  'System image file is "flash:c2900-universalk9-mz.SPA.152-4.M3.bin"',
  'Cisco CISCO2901/K9 (revision 1.0) with 483328K/40960K bytes of memory.',
  'Configuration register is 0x2102',
].join('\r\n');
const ANSWER = [encode('show version\r\n'), encode(`${VERSION}\r\n`), encode('r1>')];
const GREETING = encode('\r\nUser Access Verification\r\n\r\nr1>');

/** Delivers the answer chunk by chunk, each in its own microtask (no event-loop turn to wait for). */
function deliver(push: (b: Uint8Array) => void, i = 0): void {
  const chunk = ANSWER[i];
  if (!chunk) return;
  queueMicrotask(() => {
    push(chunk);
    deliver(push, i + 1);
  });
}

class InstantDevice extends AbstractTransport {
  readonly kind = 'bench-instant';
  readonly defaultPort = 0;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false, banner: false, remoteVersion: false, windowSize: false,
    keepalive: false, binarySafe: true, peerClose: true,
  };
  protected async _open(_session: TransportSession): Promise<void> {
    queueMicrotask(() => this.push(GREETING));
  }
  protected async _write(_bytes: Uint8Array): Promise<void> {
    deliver((b) => this.push(b));
  }
  protected async _close(): Promise<void> {}
}

export interface OverheadResult {
  label: string;
  /** Commands per round. */
  commands: number;
  /** Median microseconds per command, netx and floor. */
  netx: number;
  floor: number;
}

const COMMANDS = 20_000;
const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const micros = (t0: bigint, n: number) => Number(process.hrtime.bigint() - t0) / n / 1000;

async function floorRound(n: number): Promise<number> {
  let chunks: Uint8Array[] = [];
  let tail = '';
  let waiter: (() => void) | undefined;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    tail = (tail + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')).slice(-64);
    waiter?.();
  };
  const run = () =>
    new Promise<number>((resolve) => {
      waiter = () => {
        if (!/r1>$/.test(tail)) return;
        const text = Buffer.concat(chunks).toString('latin1');
        chunks = [];
        tail = '';
        waiter = undefined;
        resolve(text.length);
      };
      deliver(push);
    });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if ((await run()) < 400) throw new Error('overhead bench: short answer (floor)');
  return micros(t0, n);
}

async function netxRound(conn: Protocol, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if ((await conn.execute('show version')).response.length < 400) throw new Error('overhead bench: short answer (netx)');
  return micros(t0, n);
}

async function loggedIn(options: { driver?: string; drivers?: readonly Driver[] }): Promise<Protocol> {
  const conn = new Protocol({ transport: new InstantDevice(), timeout: 60_000, ...options });
  await conn.connect('bench.invalid', 0);
  await conn.login(new Account({ name: 'bench', password: 'bench' }));
  return conn;
}

interface Case {
  label: string;
  options: { driver?: string; drivers?: readonly Driver[] };
  /** A new connection per round: the round then runs while the OS guesser still reads responses (first MiB). */
  fresh?: boolean;
  commands: number;
}

/** Median µs per command over ROUNDS rounds, netx and floor alternating. */
export async function runOverheadBench(): Promise<OverheadResult[]> {
  const guessed = `${allDrivers.length} drivers, OS guessed`;
  const cases: Case[] = [
    { label: 'driver set (`generic`)', options: { driver: 'generic' }, commands: COMMANDS },
    { label: 'driver set (`ios`, from `allDrivers`)', options: { drivers: allDrivers, driver: 'ios' }, commands: COMMANDS },
    { label: `${guessed}, after the first MiB of output`, options: { drivers: allDrivers }, commands: COMMANDS },
    // 1,000 answers of ~700 bytes stay inside the guesser's first MiB.
    { label: `${guessed}, within the first MiB of output`, options: { drivers: allDrivers }, fresh: true, commands: 1_000 },
  ];
  const out: OverheadResult[] = [];
  for (const c of cases) {
    let conn = await loggedIn(c.options);
    await netxRound(conn, 2_000); // warm-up
    await floorRound(2_000);
    const netx: number[] = [];
    const floor: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (c.fresh) {
        await conn.close();
        conn = await loggedIn(c.options);
      }
      netx.push(await netxRound(conn, c.commands));
      floor.push(await floorRound(c.commands));
    }
    if (c.options.drivers && conn.guessOs() !== 'ios') throw new Error(`overhead bench: guessed ${conn.guessOs()}, expected ios`);
    await conn.close();
    out.push({ label: c.label, commands: c.commands, netx: median(netx), floor: median(floor) });
  }
  return out;
}

// `tsx src/overhead.ts` prints the results on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runOverheadBench()) console.log(`${r.label}: netx ${r.netx.toFixed(2)} us, floor ${r.floor.toFixed(2)} us, netx adds ${(r.netx - r.floor).toFixed(2)} us`);
}
