// Fleet benchmark: N simulated IOS devices × (login + 10 commands), the simulator in
// its own process (fleet-sim.ts), the client in another: netx's runFleet()
// (fleet-client.ts) and Python Netmiko in a thread pool as Nornir runs it
// (python/netmiko_fleet.py). A fresh simulator per client run; the simulator's CPU
// time is read from /proc, so the report can say which side was the bottleneck.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ClientReport } from './fleet-client.js';

export const FLEET_COMMANDS = [
  'show version',
  'show clock',
  'show ip interface brief',
  'show interfaces',
  'show ip route',
  'show cdp neighbors',
  'show arp',
  'show interfaces status',
  'show etherchannel summary',
  'show interfaces description',
];

const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const NETMIKO_PYTHON = '/usr/bin/python3'; // Debian's python3-netmiko lives in the system Python

/** With two CPUs or more, the simulator runs on CPU 0 and the client on CPU 1. */
export const PINNED = cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** `cmd args` under taskset on `cpu` when pinning. */
function onCpu(cpu: number, cmd: string, args: string[]): [string, string[]] {
  return PINNED ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args];
}

export type FleetClient = 'netx' | 'netx-telnet' | 'netmiko';

export interface FleetRun {
  client: FleetClient;
  devices: number;
  /** netx: runFleet concurrency; Netmiko: threads. */
  concurrency: number;
  report: ClientReport;
  /** CPU seconds the simulator process spent during the client's run. */
  simCpuSeconds: number;
  simPeakRssMb: number;
}

interface Sim {
  readonly child: ChildProcess;
  readonly ports: { ssh: number[]; telnet: number[] };
  cpuSeconds(): number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

const ticks = 100; // USER_HZ on Linux
function procCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime
}
function procPeakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Reads the first stdout line of a child (its JSON report or ready line); rejects if it exits first. */
function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before reporting:\n${err}`)));
  });
}

async function startSim(devices: number): Promise<Sim> {
  const child = spawn(...onCpu(0, process.execPath, ['--import', 'tsx', 'src/fleet-sim.ts', String(devices)]), { cwd: benchDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const ports = JSON.parse(await firstLine(child, 'the simulator')) as Sim['ports'];
  const pid = child.pid!;
  return {
    child,
    ports,
    cpuSeconds: () => procCpu(pid),
    peakRssMb: () => procPeakRssMb(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

function runClient(client: FleetClient, ports: number[], concurrency: number): Promise<ClientReport> {
  const [cmd, args] =
    client === 'netmiko'
      ? onCpu(1, NETMIKO_PYTHON, ['python/netmiko_fleet.py', JSON.stringify({ ports, threads: concurrency, commands: FLEET_COMMANDS })])
      : onCpu(1, process.execPath, ['--expose-gc', '--import', 'tsx', 'src/fleet-client.ts', JSON.stringify({ scheme: client === 'netx' ? 'ssh' : 'telnet', ports, concurrency, commands: FLEET_COMMANDS })]);
  const child = spawn(cmd, args, { cwd: benchDir, stdio: ['ignore', 'pipe', 'pipe'] });
  return firstLine(child, client).then((line) => JSON.parse(line) as ClientReport);
}

/** One client run against a fresh simulator of `devices` devices. */
export async function runFleetCase(client: FleetClient, devices: number, concurrency: number): Promise<FleetRun> {
  const sim = await startSim(devices);
  try {
    const cpu0 = sim.cpuSeconds();
    const report = await runClient(client, client === 'netx-telnet' ? sim.ports.telnet : sim.ports.ssh, concurrency);
    return { client, devices, concurrency, report, simCpuSeconds: sim.cpuSeconds() - cpu0, simPeakRssMb: sim.peakRssMb() };
  } finally {
    await sim.stop();
  }
}

/** What `bench fleet` runs: netx over SSH (and Telnet) and Netmiko, at 100 and 1,000 devices; `runs` times each (the machine is shared). */
export const FLEET_CASES: readonly { client: FleetClient; devices: number; concurrency: number; runs: number }[] = [
  { client: 'netx', devices: 100, concurrency: 100, runs: 3 },
  { client: 'netx', devices: 1000, concurrency: 1000, runs: 5 },
  { client: 'netx', devices: 1000, concurrency: 100, runs: 3 },
  { client: 'netx-telnet', devices: 1000, concurrency: 1000, runs: 3 },
  { client: 'netmiko', devices: 100, concurrency: 100, runs: 3 },
  { client: 'netmiko', devices: 1000, concurrency: 100, runs: 1 },
];
