// The fleet benchmark's simulator process: `tsx src/fleet-sim.ts N` serves N IOS
// devices (@netx/device-sim, built package), each on its own SSH and Telnet port of
// 127.0.0.1, prints one JSON line { ssh: [...ports], telnet: [...ports] } and serves
// until its stdin closes (the benchmark ends) or SIGTERM.
import { Fleet } from '@netx/device-sim';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: fleet-sim.ts <devices>\n');
  process.exit(2);
}

const fleet = await Fleet.start({
  devices: Array.from({ length: n }, (_, i) => ({ name: `r${i + 1}`, profile: 'ios', ports: { ssh: 0, telnet: 0 } })),
});
const ports = fleet.devices.map((d) => fleet.ports.get(d.index)!);
process.stdout.write(`${JSON.stringify({ ssh: ports.map((p) => p.ssh), telnet: ports.map((p) => p.telnet) })}\n`);

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  void fleet.close().then(() => process.exit(0));
};
process.stdin.on('end', close);
process.stdin.resume();
process.on('SIGTERM', close);
