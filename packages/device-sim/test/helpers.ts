// Shared test plumbing: a fleet on free 127.0.0.1 ports, and netx's own
// transports under a Protocol, logged in the way each transport logs in.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Account, Protocol, type Clock, type Transport } from '@netx/core';
import type { ManualClock } from '@netx/core/testing';
import { allDrivers } from '@netx/drivers';
import { SshTransport } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';
import { WebSocketSerialTransport } from '@netx/transport-websocket-serial';
import { Fleet, type FleetOptions, type SimDeviceSpec, type SimProtocol } from '../src/index.js';

export const ALL_PORTS = { ssh: 0, telnet: 0, ws: 0 } as const;
export type ClientKind = 'ssh' | 'telnet' | 'ws-raw' | 'ws-ttyd';
export const CLIENT_KINDS: readonly ClientKind[] = ['ssh', 'telnet', 'ws-raw', 'ws-ttyd'];

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = 'netx-sim-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fleet whose devices all listen on free ports of every protocol unless they say otherwise. */
export function startFleet(devices: Array<Partial<SimDeviceSpec> & { name: string }>, extra: Partial<FleetOptions> = {}): Promise<Fleet> {
  return Fleet.start({ devices: devices.map((d) => ({ profile: 'ios', ports: { ...ALL_PORTS }, ...d })), ...extra });
}

export function portOf(fleet: Fleet, name: string, proto: SimProtocol): number {
  const d = fleet.device(name);
  const port = d ? fleet.ports.get(d.index)?.[proto] : undefined;
  if (port === undefined) throw new Error(`device ${name} has no ${proto} port`);
  return port;
}

export interface ClientOptions {
  /** default 'ios' */
  driver?: string;
  /** No fixed driver: the Protocol guesses the OS. */
  guess?: boolean;
  timeout?: number;
  path?: string;
  /** The client's clock (its timeouts). default: the system clock */
  clock?: Clock;
  /** SSH: a known_hosts file checked strictly; default a fresh file with accept-new. */
  knownHostsPath?: string;
  stdout?: (text: string) => void;
}

export function transportFor(kind: ClientKind, opts: ClientOptions = {}): Transport {
  const path = opts.path;
  switch (kind) {
    case 'ssh':
      return opts.knownHostsPath !== undefined
        ? new SshTransport({ agent: false, hostKeyPolicy: 'strict', knownHostsPath: opts.knownHostsPath })
        : new SshTransport({ agent: false, hostKeyPolicy: 'accept-new', knownHostsPath: join(tmpdir(), `netx-sim-kh-${process.pid}-${Math.random()}`) });
    case 'telnet':
      return new TelnetTransport();
    case 'ws-raw':
      return new WebSocketSerialTransport({ framing: 'raw', keepaliveInterval: 0, ...(path ? { path } : {}) });
    case 'ws-ttyd':
      return new WebSocketSerialTransport({ framing: 'ttyd', keepaliveInterval: 0, ...(path ? { path } : {}) });
  }
}

export const protoOf = (kind: ClientKind): SimProtocol => (kind === 'ssh' ? 'ssh' : kind === 'telnet' ? 'telnet' : 'ws');

/** A Protocol over `kind` to a device, connected (not logged in). */
export function protocolFor(kind: ClientKind, opts: ClientOptions = {}): Protocol {
  return new Protocol({
    transport: transportFor(kind, opts),
    drivers: allDrivers,
    ...(opts.guess ? {} : { driver: opts.driver ?? 'ios' }),
    timeout: opts.timeout ?? 15_000,
    connectTimeout: opts.timeout ?? 15_000,
    stderr: () => undefined,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.stdout ? { stdout: opts.stdout } : {}),
  });
}

export async function connectTo(kind: ClientKind, port: number, opts: ClientOptions = {}): Promise<Protocol> {
  const conn = protocolFor(kind, opts);
  await conn.connect('127.0.0.1', port);
  return conn;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits (bounded event-loop turns, no timers) until `pred` holds. */
export async function until(pred: () => boolean, what: string, turns = 200_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (pred()) return;
    await nextTurn();
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Moves a ManualClock whenever something waits on it, until stopped: for phases whose timing is not under test. */
export function autoAdvance(clock: ManualClock, step = 1_000): () => void {
  let on = true;
  void (async () => {
    // Bounded: one step per turn, a few million turns at most.
    for (let i = 0; on && i < 5_000_000; i++) {
      if (clock.pending() > 0) clock.advance(step);
      await nextTurn();
    }
  })();
  return () => {
    on = false;
  };
}

/** Tracks a promise so a test can see whether it settled yet. */
export function track<T>(p: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  const t = { settled: false, promise: p };
  p.then(
    () => (t.settled = true),
    () => (t.settled = true),
  );
  return t;
}

export const admin = (name = 'admin') => new Account({ name, password: 'admin', password2: 'enable' });

/** Resolves true when nothing accepts a TCP connection on the port. */
export function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}
