// Waiting for what a test observes as it happens (a write, a socket opening or
// closing, a process ending), never by sleeping: each wait is checked on the event
// and bounded in real time, and a failure names what was awaited and what was seen.
import diagnostics_channel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** Registers `check` to run after every change; returns the unsubscribe. */
export type Watch = (check: () => void) => () => void;

export interface WaitOptions {
  /** Real-time bound in ms. default 10000 */
  ms?: number;
  /** Shown with a failure: what there was instead. */
  seen?: () => string;
  /** A reason to give up at once (the process ended, say), or undefined. */
  failed?: () => string | undefined;
}

/** Resolves once `ready()` holds: checked now and on every change `watch` reports. */
export function waitUntil(what: string, ready: () => boolean, watch: Watch, opts: WaitOptions = {}): Promise<void> {
  const ms = opts.ms ?? 10_000;
  return new Promise<void>((resolve, reject) => {
    let unwatch = (): void => undefined;
    const done = (err?: Error) => {
      clearTimeout(timer);
      unwatch();
      if (err) reject(err);
      else resolve();
    };
    const seen = () => (opts.seen ? `; seen: ${opts.seen()}` : '');
    const timer = setTimeout(() => done(new Error(`gave up after ${ms} ms waiting for ${what}${seen()}`)), ms);
    const check = () => {
      if (ready()) return done();
      const reason = opts.failed?.();
      if (reason !== undefined) done(new Error(`${reason} while waiting for ${what}${seen()}`));
    };
    unwatch = watch(check);
    check();
  });
}

/** A set of listeners as a Watch, and the call that runs them. */
export function changes(): { watch: Watch; changed(): void } {
  const checks = new Set<() => void>();
  return {
    watch: (check) => {
      checks.add(check);
      return () => void checks.delete(check);
    },
    changed: () => {
      for (const check of [...checks]) check();
    },
  };
}

export interface ServerSockets {
  /** Connections accepted by any server of this process since tracking began. */
  accepted(): number;
  /** Of those, the ones not closed yet. */
  open(): number;
  readonly watch: Watch;
  stop(): void;
}

/** Follows every connection a server in this process accepts (Node's `net.server.socket` channel). */
export function trackServerSockets(): ServerSockets {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const { watch, changed } = changes();
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    accepted++;
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      changed();
    });
    changed();
  };
  diagnostics_channel.subscribe('net.server.socket', onSocket);
  return {
    accepted: () => accepted,
    open: () => sockets.size,
    watch,
    stop: () => diagnostics_channel.unsubscribe('net.server.socket', onSocket),
  };
}
