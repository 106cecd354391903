import { Protocol, type ProtocolOptions } from '../../src/index.js';
import { ManualClock } from '../../src/testing/index.js';
import { FakeTransport, type FakeOptions } from './fake-transport.js';

export interface Setup {
  conn: Protocol;
  t: FakeTransport;
  clock: ManualClock;
}

/** A Protocol on a FakeTransport with a ManualClock (not connected). */
export function make(fake: FakeOptions = {}, options: Partial<ProtocolOptions> = {}): Setup {
  const t = new FakeTransport(fake);
  const clock = new ManualClock();
  const conn = new Protocol({ transport: t, clock, stderr: () => undefined, ...options });
  return { conn, t, clock };
}

/** Connected, with the greeting delivered. */
export async function connected(fake: FakeOptions = {}, options: Partial<ProtocolOptions> = {}): Promise<Setup> {
  const s = make(fake, options);
  await s.conn.connect('r1.test');
  await settle();
  return s;
}

/** Lets queued microtasks (device output) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

/** Captures a promise's rejection without an unhandled-rejection warning. */
export function caught<T>(p: Promise<T>): Promise<unknown> {
  return p.then(
    (v) => ({ resolved: v }),
    (e: unknown) => e,
  );
}
