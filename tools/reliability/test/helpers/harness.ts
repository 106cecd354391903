// One cell's world: the fleets and fault servers it starts, the Protocols it
// opens (each on its own ManualClock), and the check at the end that nothing is
// left: every client closed, every server saw its connection go, no timer pending
// on any session clock, and the process's handles back to where they were.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Account, Protocol, type ProtocolOptions, type Transport } from '@netx/core';
import { Fleet, type FleetOptions, type SimDeviceSpec, type SimProtocol } from '@netx/device-sim';
import { allDrivers } from '@netx/drivers';
import { SshTransport, type SshTransportOptions } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';
import { WebSocketSerialTransport, type WebSocketSerialOptions } from '@netx/transport-websocket-serial';
import { LIMITS, type TransportKind } from '../../src/matrix.js';
import { ObservedClock } from './clock.js';
import type { FaultServer } from './fault-servers.js';
import { activeResources, expectNoneLeft, type ResourceCounts } from './leaks.js';
import { nextTurn, settleWithin, until } from './wait.js';

export const protoOf = (kind: TransportKind): SimProtocol => (kind === 'ssh' ? 'ssh' : kind === 'telnet' ? 'telnet' : 'ws');
export const admin = (): Account => new Account({ name: 'admin', password: 'admin', password2: 'enable' });

export interface ClientOptions extends Partial<Omit<ProtocolOptions, 'transport' | 'clock'>> {
  ssh?: SshTransportOptions;
  ws?: WebSocketSerialOptions;
}

export interface Client {
  readonly conn: Protocol;
  readonly clock: ObservedClock;
  /** Characters received so far (dataReceived). */
  readonly received: () => number;
}

export class Harness {
  readonly baseline: ResourceCounts = activeResources();
  private readonly fleets: Fleet[] = [];
  private readonly servers: FaultServer[] = [];
  private readonly clients: Client[] = [];
  private readonly dirs: string[] = [];
  private readonly deferred: (() => void)[] = [];
  private finished = false;

  constructor(readonly kind: TransportKind) {}

  /** A fleet with one device `r1` (IOS unless said) listening on this cell's protocol; returns it and the port. */
  async fleet(device: Partial<SimDeviceSpec> = {}, options: Partial<FleetOptions> = {}): Promise<{ fleet: Fleet; port: number }> {
    const proto = protoOf(this.kind);
    const fleet = await Fleet.start({ devices: [{ name: 'r1', profile: 'ios', ports: { [proto]: 0 }, ...device }], ...options });
    this.fleets.push(fleet);
    const port = fleet.ports.get(0)?.[proto];
    if (port === undefined) throw new Error(`the fleet has no ${proto} port`);
    return { fleet, port };
  }

  /** Registers a fault server for the end-of-cell checks. */
  server<T extends FaultServer>(server: T): T {
    this.servers.push(server);
    return server;
  }

  /** Runs `fn` once the clients are closed (before the servers close). */
  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** Connections the fleets and fault servers hold open now. */
  openConnections(): number {
    return this.fleets.reduce((n, f) => n + f.connections, 0) + this.servers.reduce((n, s) => n + s.connections, 0);
  }

  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'netx-reliability-'));
    this.dirs.push(dir);
    return dir;
  }

  transport(opts: ClientOptions = {}): Transport {
    switch (this.kind) {
      case 'ssh':
        return new SshTransport({ agent: false, hostKeyPolicy: 'accept-new', knownHostsPath: join(this.tempDir(), 'known_hosts'), ...opts.ssh });
      case 'telnet':
        return new TelnetTransport();
      case 'ws-raw':
        return new WebSocketSerialTransport({ framing: 'raw', ...opts.ws });
      case 'ws-ttyd':
        return new WebSocketSerialTransport({ framing: 'ttyd', ...opts.ws });
    }
  }

  /** A Protocol over this cell's transport, on its own ManualClock, with the matrix's limits. */
  client(opts: ClientOptions = {}): Client {
    const { ssh: _ssh, ws: _ws, ...protocol } = opts;
    const clock = new ObservedClock();
    const conn = new Protocol({
      transport: this.transport(opts),
      drivers: allDrivers,
      driver: 'ios',
      timeout: LIMITS.timeout,
      connectTimeout: LIMITS.connectTimeout,
      stderr: () => undefined,
      ...protocol,
      clock,
    });
    let received = 0;
    conn.on('dataReceived', (text) => {
      received += text.length;
    });
    const client = { conn, clock, received: () => received };
    this.clients.push(client);
    return client;
  }

  /**
   * The end-of-cell check. close() of every client (session time moves only if a
   * close waits on its clock), then: every server saw its connections go, no timer
   * is left on a session clock, and once the servers are closed too, the process
   * holds no more handles than before the cell.
   */
  async finish(): Promise<void> {
    this.finished = true;
    for (const c of this.clients) await closeDriving(c);
    for (const f of this.fleets) await until(() => f.connections === 0, () => `the simulator to see the client's close (${f.connections} connection(s) open)`);
    for (const s of this.servers) await until(() => s.connections === 0, () => `the fault server to see the client's close (${s.connections} connection(s) open)`);
    for (const [i, c] of this.clients.entries()) {
      if (c.clock.pending() !== 0) throw new Error(`client ${i}: ${c.clock.pending()} timer(s) still pending on the session clock after close()`);
    }
    await this.teardown();
    await expectNoneLeft(this.baseline, 'after the cell');
  }

  /** For cells bounded by an event, not a timer: no session clock moved while the outcome came. */
  expectClocksStill(): void {
    for (const [i, c] of this.clients.entries()) {
      if (c.clock.now() !== 0) throw new Error(`client ${i}: the session clock moved (${c.clock.now()} ms), but this outcome must come from an event, not a timer`);
    }
  }

  /** Best-effort teardown when a cell failed before finish() (no checks). */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    for (const c of this.clients) await c.conn.close(true).catch(() => undefined);
    await this.teardown();
  }

  private async teardown(): Promise<void> {
    for (const fn of this.deferred.splice(0)) fn();
    for (const f of this.fleets) await f.close();
    for (const s of this.servers) await s.close();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** close() a client; if it waits on its (manual) session clock, let session time pass in 1 s steps. */
async function closeDriving(c: Client): Promise<void> {
  let done = false;
  const closing = c.conn.close().finally(() => (done = true));
  closing.catch(() => undefined);
  // A polite close gets 200 turns to finish on its own; then session time passes, at
  // most 60 s of it, which covers every closeTimeout default (2 s).
  for (let i = 0; i < 200 && !done; i++) await nextTurn();
  for (let i = 0; i < 60 && !done; i++) {
    if (c.clock.pending() > 0) c.clock.advance(1_000);
    await nextTurn();
  }
  await settleWithin(closing, 'close() to resolve');
}
