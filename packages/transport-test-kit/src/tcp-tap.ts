// A TCP tap on 127.0.0.1 between a client and a real server: it forwards both ways
// and records the client connections it sees open and close, so a test can check
// that a transport left no socket behind (the far side saw the close). Without a
// target it is a silent server that records the same. Plus a count of the process's
// live sockets and timers, to check nothing else was left running.
import { connect, createServer, type Socket } from 'node:net';
import { withDeadline } from './deadline.js';

export interface TcpTap {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Client connections accepted so far. */
  accepted(): number;
  /** Client connections not closed yet. */
  open(): number;
  /** Resolves once `n` client connections were accepted (bounded: DeadlineError naming it). */
  whenAccepted(n: number, ms?: number): Promise<void>;
  /** Resolves once every accepted client connection is closed (bounded). */
  whenAllClosed(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpTap(target?: { host: string; port: number }): Promise<TcpTap> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let open = 0;
  let waiters: (() => void)[] = [];
  const changed = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const until = (check: () => boolean, ms: number, what: string) =>
    withDeadline(
      new Promise<void>((resolve) => {
        const test = () => (check() ? resolve() : waiters.push(test));
        test();
      }),
      ms,
      what,
    );
  const server = createServer((client) => {
    const upstream = target ? connect(target) : undefined;
    accepted++;
    open++;
    sockets.add(client);
    client.on('error', () => undefined);
    client.once('close', () => {
      sockets.delete(client);
      open--;
      upstream?.destroy();
      changed();
    });
    if (upstream) {
      sockets.add(upstream);
      upstream.setNoDelay(true);
      upstream.on('error', () => client.destroy());
      upstream.once('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      client.pipe(upstream);
      upstream.pipe(client);
    }
    changed();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp tap: no TCP address after listen().');
  return {
    host: '127.0.0.1',
    port: address.port,
    accepted: () => accepted,
    open: () => open,
    whenAccepted: (n, ms = 10_000) => until(() => accepted >= n, ms, `the tap accepting connection #${n}`),
    whenAllClosed: (ms = 10_000) => until(() => open === 0, ms, `the client closing its ${open} open connection(s) seen by the tap`),
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Live sockets and timers of this process, by kind (process.getActiveResourcesInfo()). */
export function liveResources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (/TCP|Timeout|Pipe|TTY/.test(kind)) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

/**
 * Resolves once the process holds no more sockets and timers of each kind than in
 * `baseline` (closing is asynchronous: checked every 10 ms, at most `checks` times);
 * rejects naming what is still left.
 */
export async function whenResourcesBackTo(baseline: Record<string, number>, checks = 500): Promise<void> {
  const extra = () =>
    Object.entries(liveResources())
      .filter(([kind, n]) => n > (baseline[kind] ?? 0))
      .map(([kind, n]) => `${kind} ${n} (was ${baseline[kind] ?? 0})`);
  for (let i = 0; i < checks; i++) {
    if (extra().length === 0) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
  }
  const left = extra();
  if (left.length > 0) throw new Error(`still open after the session ended: ${left.join(', ')}`);
}
