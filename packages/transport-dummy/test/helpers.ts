// A bare TransportSession for tests that talk to a DummyTransport without a Protocol.
import { systemClock, type Clock, type NetxError, type TransportSession } from '@netx/core';
import type { DummyTransport } from '../src/index.js';

export interface Client {
  readonly session: TransportSession;
  /** Everything received, decoded as latin-1 (byte for byte). */
  text(): string;
  chunks: string[];
  closed: { error: NetxError | undefined } | undefined;
  /** Sends text (latin-1). */
  send(text: string): Promise<void>;
  /** Waits (event-loop turns, bounded) until the received text satisfies `pred`. */
  until(pred: (text: string) => boolean, what?: string): Promise<string>;
  /** Waits until the text received since the last take() ends with `suffix`. */
  untilEnds(suffix: string): Promise<string>;
  /** Text received since the last call. */
  take(): string;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets queued deliveries run: `turns` event-loop turns. */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

export async function connect(
  transport: DummyTransport,
  opts: { clock?: Clock; host?: string; port?: number; connectTimeout?: number; signal?: AbortSignal } = {},
): Promise<Client> {
  const client = makeClient(transport, opts);
  await transport.connect(client.session);
  return client;
}

export function makeClient(
  transport: DummyTransport,
  opts: { clock?: Clock; host?: string; port?: number; connectTimeout?: number; signal?: AbortSignal } = {},
): Client {
  const chunks: string[] = [];
  let mark = 0;
  const client: Client = {
    chunks,
    closed: undefined,
    session: {
      host: opts.host ?? 'r1',
      port: opts.port ?? transport.defaultPort,
      connectTimeout: opts.connectTimeout ?? 1000,
      termType: 'dumb',
      columns: 80,
      rows: 24,
      verifyFingerprint: false,
      clock: opts.clock ?? systemClock,
      ...(opts.signal ? { signal: opts.signal } : {}),
      debug: () => undefined,
      onData: (bytes) => chunks.push(Buffer.from(bytes).toString('latin1')),
      onClose: (error) => {
        client.closed = { error };
      },
    },
    text: () => chunks.join(''),
    send: (text) => transport.write(new Uint8Array(Buffer.from(text, 'latin1'))),
    async until(pred, what = 'the expected text') {
      // Bounded: deliveries happen one per turn, so a few thousand turns is plenty.
      for (let i = 0; i < 5000; i++) {
        if (pred(client.text())) return client.text();
        if (client.closed) break;
        await nextTurn();
      }
      if (pred(client.text())) return client.text();
      throw new Error(`did not receive ${what}; got ${JSON.stringify(client.text())}`);
    },
    untilEnds(suffix) {
      return client.until((t) => t.length > mark && t.slice(mark).endsWith(suffix), JSON.stringify(suffix));
    },
    take() {
      const all = client.text();
      const out = all.slice(mark);
      mark = all.length;
      return out;
    },
  };
  return client;
}
