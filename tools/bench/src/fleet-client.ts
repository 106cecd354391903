// The fleet benchmark's netx process: one runFleet() over every port it is given
// (login + the commands on each simulated device), measured from inside: wall time,
// peak RSS (sampled, and the kernel's high-water mark), RSS per open session,
// event-loop delay (monitorEventLoopDelay) and CPU time. Prints one JSON line.
// `tsx src/fleet-client.ts '{"scheme":"ssh","ports":[...],"concurrency":200,"commands":[...]}'`
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { allDrivers } from '@netx/drivers';
import { buildInventory, envAccounts, runFleet } from '@netx/fleet';
import { SshTransport } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';

export interface ClientConfig {
  scheme: 'ssh' | 'telnet';
  ports: number[];
  concurrency: number;
  commands: string[];
}

export interface ClientReport {
  hosts: number;
  ok: number;
  errors: Record<string, number>;
  /** First failure, for the report. */
  firstError?: string;
  wallSeconds: number;
  /** Of all hosts: connect + login. */
  medianLoginMs: number;
  /** Characters of command output per host that succeeded. */
  outputCharsPerHost?: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** The most sessions open at once. */
  peakSessions: number;
  rssPerSessionKb: number;
  /** At the RSS peak: the JS heap in use and memory outside it (buffers), MB. */
  peakHeapUsedMb: number;
  peakExternalMb: number;
  /** Event-loop delay (netx only). */
  lagP50Ms?: number;
  lagP99Ms?: number;
  lagMaxMs?: number;
  cpuSeconds: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ClientConfig;
const mb = (bytes: number) => bytes / 2 ** 20;

// Start from a collected heap, so the baseline is what the process needs before the run.
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage().rss;
const inventory = buildInventory({
  defaults: { username: 'admin', driver: 'ios', options: { timeout: 60_000, connectTimeout: 60_000 } },
  hosts: Object.fromEntries(config.ports.map((port, i) => [`r${i + 1}`, `${config.scheme}://127.0.0.1:${port}`])),
});

let peakRss = baseline;
let atPeak = process.memoryUsage();
let peakSessions = 0;
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const run = runFleet([...inventory], { commands: config.commands, autoInit: true }, {
  transports: { ssh: () => new SshTransport({ agent: false }), telnet: () => new TelnetTransport() },
  accounts: envAccounts({ env: { NETX_PASSWORD: 'admin', NETX_ENABLE_PASSWORD: 'enable' } }),
  drivers: allDrivers,
  concurrency: config.concurrency,
  verifyFingerprint: false,
});
// Sampled on a timer: RSS and how many sessions are open at that moment.
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) {
    peakRss = m.rss;
    atPeak = m;
  }
  peakSessions = Math.max(peakSessions, run.progress().running);
}, 20);
const { results, summary } = await run.collect();
const wallSeconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
lag.disable();
const cpu = process.cpuUsage(cpu0);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

// A host counts only with the right answer: `show version` of the simulated IOS.
const wrong = results.filter((r) => r.ok && !(r.outputs[0]?.output ?? '').includes('Cisco IOS Software'));
const errors: Record<string, number> = { ...summary.errors, ...(wrong.length > 0 ? { WRONG_OUTPUT: wrong.length } : {}) };
const logins = results.map((r) => (r.timings.connectMs ?? 0) + (r.timings.loginMs ?? 0)).sort((a, b) => a - b);
const failed = results.find((r) => !r.ok);
const report: ClientReport = {
  hosts: summary.total,
  ok: summary.ok - wrong.length,
  errors,
  ...(failed ? { firstError: `${failed.host}: ${failed.error?.code} ${failed.error?.message.split('\n')[0]}` } : {}),
  wallSeconds,
  medianLoginMs: logins[logins.length >> 1] ?? 0,
  outputCharsPerHost: summary.ok > 0 ? results.filter((r) => r.ok).reduce((n, r) => n + r.outputs.reduce((m, o) => m + o.output.length, 0), 0) / summary.ok : 0,
  baselineRssMb: mb(baseline),
  peakRssMb: mb(peakRss),
  peakSessions,
  rssPerSessionKb: peakSessions > 0 ? (peakRss - baseline) / 1024 / peakSessions : 0,
  peakHeapUsedMb: mb(atPeak.heapUsed),
  peakExternalMb: mb(atPeak.external),
  lagP50Ms: lag.percentile(50) / 1e6,
  lagP99Ms: lag.percentile(99) / 1e6,
  lagMaxMs: lag.max / 1e6,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
