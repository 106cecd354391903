// The soak (a benchmark, not a test): N connect / login / execute / close cycles,
// one at a time, rotating over SSH, Telnet and WebSocket (raw, ttyd), against the
// device simulator in a child process (src/soak-server.ts). Every `every` cycles:
// this process's RSS, heap and active handles, and the simulator's RSS and open
// connections. Writes the soak section of RELIABILITY.md (unless --no-write).
//   pnpm --filter @netx/reliability run soak [-- --cycles 10000 --every 1000 --no-write]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Account, Protocol, type Transport } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import { SshTransport } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';
import { WebSocketSerialTransport } from '@netx/transport-websocket-serial';
import { updateDoc } from './doc.js';
import { TRANSPORTS, type TransportKind } from './matrix.js';

interface Row {
  cycles: number;
  seconds: number;
  rss: number;
  heap: number;
  handles: string;
  handleCount: number;
  simRss: number;
  simConnections: number;
  failures: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a whole number >= 1`);
  return v;
}

const CYCLES = option('cycles', 10_000);
const EVERY = option('every', 1_000);
const WRITE = !process.argv.includes('--no-write');
const MiB = 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'netx-soak-'));

function simulator(): ChildProcess {
  const file = fileURLToPath(new URL('./soak-server.ts', import.meta.url));
  return spawn(process.execPath, ['--expose-gc', '--conditions=@netx/source', '--import', 'tsx', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function ask<T>(child: ChildProcess, kind: string, send?: { kind: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null) => reject(new Error(`the simulator exited (${code}) before answering "${kind}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (send) child.send(send);
  });
}

function transport(kind: TransportKind): Transport {
  if (kind === 'ssh') return new SshTransport({ agent: false, hostKeyPolicy: 'accept-new', knownHostsPath: join(dir, 'known_hosts') });
  if (kind === 'telnet') return new TelnetTransport();
  return new WebSocketSerialTransport({ framing: kind === 'ws-raw' ? 'raw' : 'ttyd' });
}

async function cycle(kind: TransportKind, port: number): Promise<void> {
  const conn = new Protocol({ transport: transport(kind), drivers: allDrivers, driver: 'ios', timeout: 15_000, connectTimeout: 15_000, stderr: () => undefined });
  try {
    await conn.connect('127.0.0.1', port);
    await conn.login(new Account({ name: 'admin', password: 'admin', password2: 'enable' }));
    const { response } = await conn.execute('show version');
    if (!response.includes('Cisco IOS Software')) throw new Error(`unexpected show version output: ${JSON.stringify(response.slice(0, 80))}`);
    await conn.close();
  } finally {
    await conn.close(true).catch(() => undefined);
  }
}

function handles(): { count: number; text: string } {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const kinds = [...counts].sort(([a], [b]) => a.localeCompare(b));
  return { count: process.getActiveResourcesInfo().length, text: kinds.map(([k, n]) => `${k} ${n}`).join(', ') };
}

/** Measures after the event loop let closed sockets go (bounded turns) and a full GC. */
async function measure(sim: ChildProcess, cycles: number, started: number, failures: number): Promise<Row> {
  for (let i = 0; i < 50; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  const h = handles();
  const s = await ask<{ rss: number; connections: number }>(sim, 'stats', { kind: 'stats' });
  return { cycles, seconds: (Date.now() - started) / 1000, rss: mem.rss / MiB, heap: mem.heapUsed / MiB, handles: h.text, handleCount: h.count, simRss: s.rss, simConnections: s.connections, failures };
}

function render(rows: Row[], meta: { load: [number, number]; errors: string[] }): string {
  const last = rows.at(-1)!;
  const first = rows.find((r) => r.cycles >= EVERY) ?? last;
  const cpu = cpus();
  const f1 = (n: number) => n.toFixed(1);
  return [
    `Run ${new Date().toISOString().slice(0, 10)}: ${CYCLES} cycles (${CYCLES / TRANSPORTS.length} each over ${TRANSPORTS.join(', ')}, in turn), one at a time, from the TypeScript sources (tsx).`,
    'The simulator runs in a child process: the client columns are this process alone; the simulator columns are its own.',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} x ${cpu.length}, ${f1(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${meta.load[0].toFixed(1)} at the start and ${meta.load[1].toFixed(1)} at the end (a shared machine).`,
    `${last.seconds.toFixed(0)} s in all, ${((last.seconds * 1000) / CYCLES).toFixed(1)} ms per cycle; ${last.failures} failed cycle(s)${meta.errors.length ? ` (first: ${meta.errors.join('; ')})` : ''}.`,
    `Client RSS after ${first.cycles} cycles ${f1(first.rss)} MiB, after ${last.cycles} ${f1(last.rss)} MiB; active handles ${first.handleCount} and ${last.handleCount} (before the first cycle: ${rows[0]!.handleCount}).`,
    '',
    '| cycles | s | client RSS MiB | client heap MiB | client active handles | simulator RSS MiB | simulator connections | failures |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.cycles} | ${r.seconds.toFixed(0)} | ${f1(r.rss)} | ${f1(r.heap)} | ${r.handleCount} (${r.handles}) | ${f1(r.simRss)} | ${r.simConnections} | ${r.failures} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const sim = simulator();
  const load: [number, number] = [loadavg()[0]!, 0];
  try {
    const { ports } = await ask<{ ports: { ssh: number; telnet: number; ws: number } }>(sim, 'ready');
    const portOf = (kind: TransportKind) => (kind === 'ssh' ? ports.ssh : kind === 'telnet' ? ports.telnet : ports.ws);
    const started = Date.now();
    const rows = [await measure(sim, 0, started, 0)];
    const errors: string[] = [];
    let failures = 0;
    for (let i = 1; i <= CYCLES; i++) {
      const kind = TRANSPORTS[(i - 1) % TRANSPORTS.length]!;
      await cycle(kind, portOf(kind)).catch((err: unknown) => {
        failures++;
        if (errors.length < 3) errors.push(`cycle ${i} over ${kind}: ${err instanceof Error ? err.message : String(err)}`);
      });
      if (i % EVERY === 0 || i === CYCLES) {
        rows.push(await measure(sim, i, started, failures));
        const r = rows.at(-1)!;
        console.log(`${i} cycles, ${r.seconds.toFixed(0)} s: client RSS ${r.rss.toFixed(1)} MiB, handles ${r.handleCount}; simulator RSS ${r.simRss.toFixed(1)} MiB, ${r.simConnections} connection(s); ${failures} failure(s)`);
      }
    }
    load[1] = loadavg()[0]!;
    const body = render(rows, { load, errors });
    if (WRITE) updateDoc('soak', body);
    console.log(`${body}\n${WRITE ? 'Written to RELIABILITY.md.' : '(--no-write: RELIABILITY.md untouched)'}`);
  } finally {
    sim.send({ kind: 'stop' });
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
// Leaks would show in the table above; the script ends either way.
process.exit(0);
