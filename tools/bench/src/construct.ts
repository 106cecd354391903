// What one `new Protocol()` costs: a fleet runner builds one per session, so a
// cost paid per construction (compiling every guess signal of the driver set, for
// example) is paid a thousand times for a thousand devices. In-process, no I/O:
// the transport is never connected.
import { AbstractTransport, Protocol, type Driver, type TransportCapabilities, type TransportSession } from '@netx/core';
import { allDrivers } from '@netx/drivers';

class IdleTransport extends AbstractTransport {
  readonly kind = 'bench-idle';
  readonly defaultPort = 0;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false, banner: false, remoteVersion: false, windowSize: false,
    keepalive: false, binarySafe: true, peerClose: true,
  };
  protected async _open(_session: TransportSession): Promise<void> {}
  protected async _write(_bytes: Uint8Array): Promise<void> {}
  protected async _close(): Promise<void> {}
}

export interface ConstructResult {
  label: string;
  /** Median microseconds per construction. */
  micros: number;
  /** The first construction in this process (nothing compiled or cached yet), µs. */
  first: number;
}

const PER_ROUND = 2_000;
const ROUNDS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function once(options: { drivers?: readonly Driver[]; driver?: string }): number {
  const t0 = process.hrtime.bigint();
  new Protocol({ transport: new IdleTransport(), ...options });
  return Number(process.hrtime.bigint() - t0) / 1000;
}

function measure(label: string, options: { drivers?: readonly Driver[]; driver?: string }): ConstructResult {
  const first = once(options);
  for (let i = 0; i < PER_ROUND; i++) once(options); // warm-up (JIT)
  const rounds: number[] = [];
  // Keep the instances of a round alive, as a fleet runner would, so the collector does not flatter the figure.
  for (let r = 0; r < ROUNDS; r++) {
    const keep: Protocol[] = [];
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i++) keep.push(new Protocol({ transport: new IdleTransport(), ...options }));
    rounds.push(Number(process.hrtime.bigint() - t0) / 1000 / PER_ROUND);
    if (keep.length !== PER_ROUND) throw new Error('construct bench: lost an instance');
  }
  return { label, micros: median(rounds), first };
}

export function runConstructBench(): ConstructResult[] {
  // The 43-driver case goes first so its `first` column is a cold start.
  return [
    measure(`${allDrivers.length} drivers (\`allDrivers\`), OS guessed`, { drivers: allDrivers }),
    measure(`${allDrivers.length} drivers, driver set (\`ios\`)`, { drivers: allDrivers, driver: 'ios' }),
    measure('no drivers (generic only)', {}),
  ];
}

// `tsx src/construct.ts` prints the results on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of runConstructBench()) console.log(`${r.label}: ${r.micros.toFixed(2)} µs per construction (first: ${r.first.toFixed(0)} µs)`);
}
