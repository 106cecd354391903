// The BENCHMARKS.md section of the fleet benchmark: netx's runFleet() and Netmiko
// side by side against the same simulator, the machine, the targets, and where
// the time went (which process was the bottleneck).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { FLEET_CASES, FLEET_COMMANDS, NETMIKO_PYTHON, PINNED, runFleetCase, type FleetClient, type FleetRun } from './fleet.js';

const LABEL: Record<FleetClient, string> = { netx: 'netx (SSH)', 'netx-telnet': 'netx (Telnet)', netmiko: 'Netmiko (SSH)' };

function pythonVersions(): string {
  const r = spawnSync(NETMIKO_PYTHON, ['-c', 'import sys, netmiko, paramiko; print(sys.version.split()[0], netmiko.__version__, paramiko.__version__)'], { encoding: 'utf8' });
  const [py, nm, pm] = r.stdout.trim().split(' ');
  return r.status === 0 ? `Python ${py}, Netmiko ${nm}, paramiko ${pm} (Debian packages)` : 'Netmiko not installed';
}

const s = (x: number) => `${x.toFixed(1)} s`;

function row(r: FleetRun & { load: number }): string {
  const c = r.report;
  const lag = c.lagP99Ms !== undefined ? `${c.lagP99Ms.toFixed(0)} / ${(c.lagMaxMs ?? 0).toFixed(0)} ms` : '-';
  const dedicated = Math.max(c.cpuSeconds, r.simCpuSeconds);
  return [
    LABEL[r.client],
    r.devices.toLocaleString('en-US'),
    String(r.concurrency),
    `${c.ok}/${c.hosts}`,
    `**${s(c.wallSeconds)}**`,
    s(dedicated),
    `${c.peakRssMb.toFixed(0)} MB`,
    `${c.rssPerSessionKb.toFixed(0)} KB`,
    lag,
    s(c.cpuSeconds),
    s(r.simCpuSeconds),
    `${(c.medianLoginMs / 1000).toFixed(2)} s`,
    r.load.toFixed(1),
  ].join(' | ');
}

export async function runFleetBenchAll(cases = FLEET_CASES): Promise<(FleetRun & { load: number })[]> {
  const runs: (FleetRun & { load: number })[] = [];
  for (const c of cases) {
    const load = loadavg()[0]!;
    const r = await runFleetCase(c.client, c.devices, c.concurrency);
    console.log(`fleet: ${LABEL[c.client]} ${c.devices} devices, ${c.concurrency} at once: ${JSON.stringify(r.report)} sim CPU ${r.simCpuSeconds.toFixed(2)} s`);
    runs.push({ ...r, load });
  }
  return runs;
}

export function renderFleetSection(runs: readonly (FleetRun & { load: number })[]): string {
  const target = runs.find((r) => r.client === 'netx' && r.devices === 1000 && r.concurrency === 1000);
  const verdict = target
    ? [
        `Targets (netx, 1,000 devices all at once): wall time ${s(target.report.wallSeconds)} (target < 15 s: ${target.report.wallSeconds < 15 ? 'met' : 'missed'}; on two dedicated cores the busier process needed ${s(Math.max(target.report.cpuSeconds, target.simCpuSeconds))} of CPU), `,
        `${target.report.rssPerSessionKb.toFixed(0)} KB RSS per session (target < 150 KB: ${target.report.rssPerSessionKb < 150 ? 'met' : 'missed'}), `,
        `${target.report.ok} of ${target.report.hosts} hosts succeeded (${target.report.ok === target.report.hosts ? 'met' : 'missed'}).`,
      ].join('')
    : '';
  return [
    '## Fleet runs: N devices × (login + 10 commands) (`tools/bench/src/fleet*.ts`, `tools/bench/python/`)',
    '',
    'The device simulator (`@netx/device-sim`, N IOS devices, each on its own SSH and Telnet port) runs in',
    'one process; the client in another: netx `runFleet()` (driver `ios`, autoInit, one process), or',
    'Netmiko `ConnectHandler(device_type="cisco_ios")` in a `ThreadPoolExecutor` as Nornir runs it. A fresh',
    `simulator per row. Every host logs in (password), sets the terminal up and runs: ${FLEET_COMMANDS.map((c) => `\`${c}\``).join(', ')}`,
    '(22.7 KB of output per host, kept in the results); a host counts only if `show version` came back.',
    'Host keys are not checked by either client. RSS per session = (peak RSS − RSS before the run) ÷ the most',
    'sessions open at once; event-loop delay from `monitorEventLoopDelay` (10 ms resolution).',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${pythonVersions()}; ${PINNED ? 'simulator on CPU 0, client on CPU 1 (taskset)' : 'not pinned'}.`,
    `The machine was shared with other work: the load column is the 1-minute load average when each row started (on ${cpus().length} CPUs).`,
    'So wall time is what that run got; "2 cores" is what one dedicated core each would need: the CPU seconds of the busier process.',
    '',
    '| client | devices | at once | hosts ok | wall | 2 cores | client peak RSS | RSS per session | event-loop p99 / max | client CPU | simulator CPU | median login | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => `| ${row(r)} |`),
    '',
    verdict,
    '',
  ].join('\n');
}
