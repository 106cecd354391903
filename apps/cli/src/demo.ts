// `npm run demo`: starts the device simulator in this process (IOS, Junos, NX-OS,
// IOS XR, EOS, VRP, RouterOS, FortiOS, PAN-OS over SSH, Telnet and a WebSocket
// console; a few devices faulty on purpose), runs `netx run` against it with the
// real transports, and checks every device did what it should. Exit 0 when it did.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { HostResult } from '@netx/fleet';
import { createCliContainer, processIo } from './cli-container.js';
import { EXIT, type CliIo } from './cli/io.js';
import { runToExit } from './cli/main.js';
import { runCli } from './cli/program.js';
import { shellQuote } from './cli/quote.js';
import { demoDevices, profilesNotInLab, type DemoDevice } from './demo/lab.js';
import { startLab } from './demo/setup.js';
import { check, verdictSummary, verdictTable } from './demo/verdict.js';

/** Every simulated device's credentials (the simulator's defaults). */
export const DEMO_CREDENTIALS = { NETX_PASSWORD: 'admin', NETX_ENABLE_PASSWORD: 'enable' } as const;

export interface DemoOptions {
  /** Streams: the demo's report and netx's tables on stdout, progress on stderr. default: the process's */
  io?: Omit<CliIo, 'env'>;
  /** default: demoDevices() */
  devices?: readonly DemoDevice[];
  signal?: AbortSignal;
}

export async function runDemo(opts: DemoOptions = {}): Promise<number> {
  const started = performance.now();
  const io: CliIo = { ...(opts.io ?? processIo()), env: { ...DEMO_CREDENTIALS } };
  const say = (text: string) => void io.stdout.write(`${text}\n`);
  const devices = opts.devices ?? demoDevices();
  const lab = await startLab(devices);
  try {
    const over = (o: string) => devices.filter((d) => d.over === o).length;
    const faulty = devices.filter((d) => !d.expect.ok).length;
    say(`netx demo: ${devices.length} simulated devices on 127.0.0.1 (device simulator in this process):`);
    say(`${over('ssh')} over SSH, ${over('telnet')} over Telnet, ${over('ws-serial')} behind a WebSocket console; ${faulty} of them faulty on purpose.`);
    say(`Every device: user admin, password admin, enable secret enable. SSH host key ${lab.fleet.hostKey.fingerprint}.`);
    const skipped = profilesNotInLab();
    if (skipped.length > 0) say(`(The simulator also has ${skipped.join(', ')}; the demo does not visit them yet.)`);
    say(`LAB=${lab.dir}   # the inventory, known_hosts and an SSH key`);

    const results = new Map<string, HostResult>();
    const c = createCliContainer({ io, onResult: (r) => void results.set(r.host, r) });
    for (const job of lab.jobs) {
      const argv = ['run', '-i', lab.inventory, '--filter', `group=${job.group}`, '-c', job.command, '--enable', '--known-hosts', lab.knownHosts, '--timeout', '10', '-j', '20', '-q'];
      say(`\n$ NETX_PASSWORD=admin NETX_ENABLE_PASSWORD=enable netx ${argv.map(shellQuote).join(' ').replaceAll(lab.dir, '$LAB')}`);
      const code = await runCli(argv, c, opts.signal);
      if (code === EXIT.INTERRUPTED) {
        say('Demo interrupted.');
        return EXIT.INTERRUPTED;
      }
      if (code !== EXIT.OK && code !== EXIT.FAILED) {
        say(`Demo FAILED: netx run exited with ${code} (usage error above).`);
        return EXIT.FAILED;
      }
    }
    const checks = devices.map((d) => check(d, results.get(d.name)));
    const verdict = verdictSummary(checks, (performance.now() - started) / 1000);
    say(`\n${verdictTable(checks)}\n\n${verdict.text}`);
    return verdict.passed ? EXIT.OK : EXIT.FAILED;
  } finally {
    await lab.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runToExit((signal) => runDemo({ signal }), 'demo');
}
