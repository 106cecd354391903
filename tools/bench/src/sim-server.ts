// Child process of the simulator benchmark: serves a fleet and answers the
// parent's questions over IPC (ports, RSS). Run by sim.ts, not by hand.
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
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

/**
 * The floor for SSH commands: a bare ssh2 Server in this process that answers every line
 * with the same fixed bytes (echo, output, prompt), corked into one writev like the simulator.
 * Whatever the simulator spends above this is its own.
 */
const FLOOR_REPLY = 'show clock\r\n*12:00:00.000 UTC Wed Dec 2 2026\r\nr1#';
const floor = new ssh2.Server({ hostKeys: [fleet.hostKey.privateKey] }, (client) => {
  client.on('authentication', (ctx) => (ctx.method === 'password' ? ctx.accept() : ctx.reject(['password'])));
  client.on('error', () => undefined);
  client.on('session', (accept) => {
    const session = accept();
    session.on('pty', (ok) => ok?.());
    session.on('shell', (ok) => {
      const channel = ok();
      const socket = (client as unknown as { _sock: import('node:net').Socket })._sock;
      channel.write('\r\nr1#');
      channel.on('data', () => {
        socket.cork();
        channel.write(FLOOR_REPLY);
        socket.uncork();
      });
    });
  });
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const floorPort = (floor.address() as AddressInfo).port;
send({
  kind: 'ready',
  rssBefore: before,
  rssListening: rssMb(),
  startMs,
  ports: fleet.devices.map((d) => fleet.ports.get(d.index)),
  floorPort,
});

process.on('message', (m: Request) => {
  if (m.kind === 'rss') send({ kind: 'rss', rss: rssMb(), connections: fleet.connections });
  if (m.kind === 'cpu') {
    const u = process.cpuUsage();
    send({ kind: 'cpu', seconds: (u.user + u.system) / 1e6 });
  }
  if (m.kind === 'stop') {
    floor.close();
    void fleet.close().then(() => process.exit(0));
  }
});
