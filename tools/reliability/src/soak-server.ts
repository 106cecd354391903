// Child process of the soak (src/soak.ts): the device simulator, one IOS device on
// SSH, Telnet and WebSocket ports, answering the parent's questions over IPC.
import { Fleet } from '@netx/device-sim';

type Request = { kind: 'stats' } | { kind: 'stop' };

const fleet = await Fleet.start({ devices: [{ name: 'r1', profile: 'ios', ports: { ssh: 0, telnet: 0, ws: 0 } }] });
const send = (message: unknown) => process.send?.(message);

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.(); // what the simulator keeps, not garbage awaiting a collection
  return process.memoryUsage().rss / 2 ** 20;
}

const stop = () => void fleet.close().then(() => process.exit(0));
process.on('message', (m: Request) => {
  if (m.kind === 'stats') send({ kind: 'stats', rss: rssMiB(), connections: fleet.connections });
  if (m.kind === 'stop') stop();
});
process.on('disconnect', stop); // the parent is gone: do not outlive it
send({ kind: 'ready', ports: fleet.ports.get(0) });
