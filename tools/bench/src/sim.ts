// Simulator benchmark: one process serves 1,000 devices (SSH, Telnet and
// WebSocket listeners each), another process is the load. Measures RSS while
// listening and with 1,000 open sessions, SSH logins per second, and commands
// per second over 1,000 concurrent sessions (SSH and Telnet). On two or more
// CPUs the server and the client are pinned to different ones with taskset.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ClientReply, ClientRequest } from './sim-client.js';

const DEVICES = 1_000;
const LOGINS = 2_000;
const LOGIN_CONCURRENCY = 64;
const SESSIONS = 1_000;
const SSH_COMMANDS_PER_SESSION = 20;
const TELNET_COMMANDS_PER_SESSION = 50;

/** One measured phase: what the client saw and what both processes spent. */
export interface Phase {
  done: number;
  failures: number;
  seconds: number;
  serverCpu: number;
  clientCpu: number;
}

export interface SimBenchResult {
  devices: number;
  rssBefore: number;
  rssListening: number;
  /** With 1,000 Telnet sessions open and idle. */
  rssSessions: number;
  startMs: number;
  logins: Phase;
  ssh: Phase;
  /** The same commands against a bare ssh2 Server answering fixed bytes. */
  sshFloor: Phase;
  telnet: Phase;
  pinning: string;
}

function pinnable(): boolean {
  if (cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A child node process with IPC, optionally pinned to one CPU. */
function child(file: string, args: string[], cpu: number | undefined): ChildProcess {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args];
  const [cmd, ...rest] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  return spawn(cmd!, rest, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next<T>(p: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      p.off('message', onMessage);
      p.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null) => reject(new Error(`benchmark child exited (${code}) before "${kind}"`));
    p.on('message', onMessage);
    p.once('exit', onExit);
  });
}

export async function runSimBench(): Promise<SimBenchResult> {
  const pin = pinnable();
  const server = child('./sim-server.ts', [JSON.stringify({ devices: DEVICES, protocols: ['ssh', 'telnet', 'ws'], profiles: ['ios'] })], pin ? 0 : undefined);
  const client = child('./sim-client.ts', [], pin ? 1 : undefined);
  const ask = <T>(p: ChildProcess, message: { kind: string }): Promise<T> => {
    const reply = next<T>(p, message.kind);
    p.send(message);
    return reply;
  };
  const serverCpu = async () => (await ask<{ seconds: number }>(server, { kind: 'cpu' })).seconds;
  /** A client request, with the server's CPU seconds spent meanwhile. */
  const phase = async (r: ClientRequest): Promise<Phase> => {
    const before = await serverCpu();
    const reply = await ask<ClientReply>(client, r);
    return { done: reply.done, failures: reply.failures, seconds: reply.seconds, serverCpu: (await serverCpu()) - before, clientCpu: reply.cpuSeconds };
  };
  try {
    const ready = await next<{ rssBefore: number; rssListening: number; startMs: number; ports: Array<{ ssh: number; telnet: number }>; floorPort: number }>(server, 'ready');
    await next(client, 'ready');
    const ssh = ready.ports.map((p) => p.ssh);
    const telnet = ready.ports.map((p) => p.telnet);
    await phase({ kind: 'logins', ports: ssh, count: 200, concurrency: LOGIN_CONCURRENCY }); // warm-up (JIT)
    const logins = await phase({ kind: 'logins', ports: ssh, count: LOGINS, concurrency: LOGIN_CONCURRENCY });
    await phase({ kind: 'open', protocol: 'ssh', ports: ssh, sessions: SESSIONS, concurrency: LOGIN_CONCURRENCY });
    const sshRun = await phase({ kind: 'run', perSession: SSH_COMMANDS_PER_SESSION });
    await phase({ kind: 'close' });
    await phase({ kind: 'open', protocol: 'ssh', ports: [ready.floorPort], sessions: SESSIONS, concurrency: LOGIN_CONCURRENCY });
    const sshFloor = await phase({ kind: 'run', perSession: SSH_COMMANDS_PER_SESSION });
    await phase({ kind: 'close' });
    await phase({ kind: 'open', protocol: 'telnet', ports: telnet, sessions: SESSIONS, concurrency: 200 });
    const rssSessions = (await ask<{ rss: number }>(server, { kind: 'rss' })).rss;
    const telnetRun = await phase({ kind: 'run', perSession: TELNET_COMMANDS_PER_SESSION });
    await phase({ kind: 'close' });
    return {
      devices: DEVICES,
      rssBefore: ready.rssBefore,
      rssListening: ready.rssListening,
      rssSessions,
      startMs: ready.startMs,
      logins,
      ssh: sshRun,
      sshFloor,
      telnet: telnetRun,
      pinning: pin ? 'server on CPU 0, client on CPU 1 (taskset)' : 'not pinned',
    };
  } finally {
    server.send({ kind: 'stop' });
    client.kill();
  }
}

const rate = (p: Phase) => p.done / p.seconds;
/** What one dedicated CPU each for server and client would sustain: the busier side decides. */
const capacity = (p: Phase) => p.done / Math.max(p.serverCpu, p.clientCpu);
const us = (cpu: number, n: number) => ((cpu * 1e6) / n).toFixed(0);

function row(label: string, p: Phase, target: string): string {
  return `| ${label} | ${rate(p).toFixed(0)} /s | **${capacity(p).toFixed(0)} /s** | ${us(p.serverCpu, p.done)} µs | ${us(p.clientCpu, p.done)} µs | ${target} |`;
}

export async function renderSimSection(): Promise<string> {
  const load = loadavg()[0]!.toFixed(1);
  const r = await runSimBench();
  const loadAfter = loadavg()[0]!.toFixed(1);
  const perDevice = ((r.rssListening - r.rssBefore) * 1024) / r.devices;
  const perSession = ((r.rssSessions - r.rssListening) * 1024) / SESSIONS;
  return [
    '## Device simulator (`tools/bench/src/sim*.ts`)',
    '',
    `One process serves ${r.devices.toLocaleString('en-US')} IOS devices, each with its own SSH, Telnet and WebSocket port`,
    `(${(3 * r.devices).toLocaleString('en-US')} listeners); the load runs in another process (ssh2's Client, and a socket with`,
    `the Telnet codec: lean clients, so the figures are the simulator's). ${r.pinning}. Targets on 2 cores:`,
    '1,000 devices listening in < 150 MB RSS, ≥ 300 SSH logins/s, ≥ 20,000 commands/s.',
    '',
    '| memory | RSS | target |',
    '|---|---|---|',
    `| modules loaded, nothing listening | ${r.rssBefore.toFixed(1)} MB | |`,
    `| ${r.devices.toLocaleString('en-US')} devices listening (started in ${r.startMs.toFixed(0)} ms) | **${r.rssListening.toFixed(1)} MB** (${perDevice.toFixed(1)} KB per device over the baseline) | < 150 MB |`,
    `| and ${SESSIONS.toLocaleString('en-US')} Telnet sessions open and idle (after SSH logins and sessions; devices are built on first use and kept) | ${r.rssSessions.toFixed(1)} MB (${perSession.toFixed(0)} KB per session and device over listening) | |`,
    '',
    `Load average ${load} before, ${loadAfter} after, on ${cpus().length} CPUs (a one-minute average: it still counts jobs that ended just before).`,
    'The measured column is wall-clock rate in this run; the capacity column divides the work by the CPU seconds',
    'the busier process (server or client) spent on it, which is what one dedicated core each sustains.',
    '',
    '| throughput | measured | capacity (CPU) | server CPU per op | client CPU per op | target |',
    '|---|---|---|---|---|---|',
    row(`SSH logins (handshake, password, shell, first prompt; ${LOGIN_CONCURRENCY} at a time, ${r.logins.done} logins, ${r.logins.failures} failed)`, r.logins, '≥ 300 /s'),
    row(`\`show clock\` on ${SESSIONS.toLocaleString('en-US')} concurrent SSH sessions (${r.ssh.done.toLocaleString('en-US')} commands)`, r.ssh, '≥ 20,000 /s'),
    row(`the same on a bare ssh2 Server answering every line with fixed bytes (the floor for any simulator on ssh2; not a target row)`, r.sshFloor, ''),
    row(`\`show clock\` on ${SESSIONS.toLocaleString('en-US')} concurrent Telnet sessions (${r.telnet.done.toLocaleString('en-US')} commands)`, r.telnet, '≥ 20,000 /s'),
    '',
  ].join('\n');
}
