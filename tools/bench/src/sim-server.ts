// Child process of the simulator benchmark: serves a fleet and answers the
// parent's questions over IPC (ports, RSS). Run by sim.ts, not by hand.
import { Fleet, type SimProtocol } from '@netx/device-sim';

interface Config {
  devices: number;
  protocols: SimProtocol[];
  profiles: string[];
}

type Request = { kind: 'rss' } | { kind: 'cpu' } | { kind: 'stop' };

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const send = (message: unknown) => process.send?.(message);

function rssMb(): number {
  // A full collection first, so the figure is what the fleet keeps, not garbage awaiting a GC.
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

const before = rssMb();
const started = process.hrtime.bigint();
const fleet = await Fleet.start({
  devices: Array.from({ length: config.devices }, (_, i) => ({
    name: `r${i + 1}`,
    profile: config.profiles[i % config.profiles.length]!,
    ports: Object.fromEntries(config.protocols.map((p) => [p, 0])),
  })),
});
const startMs = Number(process.hrtime.bigint() - started) / 1e6;
send({
  kind: 'ready',
  rssBefore: before,
  rssListening: rssMb(),
  startMs,
  ports: fleet.devices.map((d) => fleet.ports.get(d.index)),
});

process.on('message', (m: Request) => {
  if (m.kind === 'rss') send({ kind: 'rss', rss: rssMb(), connections: fleet.connections });
  if (m.kind === 'cpu') {
    const u = process.cpuUsage();
    send({ kind: 'cpu', seconds: (u.user + u.system) / 1e6 });
  }
  if (m.kind === 'stop') void fleet.close().then(() => process.exit(0));
});
