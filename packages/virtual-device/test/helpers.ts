// A bare client wired straight to a VirtualPeer through a test-only DeviceLink:
// what the device sends is recorded as latin-1 text, one entry per send(), each
// on a later event-loop turn (like a socket), in order.
import { systemClock, type Clock, type NetxError } from '@netx/core';
import type { DeviceLink, PeerSession, SessionOptions, VirtualPeer } from '../src/index.js';

export interface Client {
  readonly link: DeviceLink;
  readonly peer: PeerSession;
  /** Everything received, decoded as latin-1 (byte for byte). */
  text(): string;
  chunks: string[];
  closed: { error: NetxError | undefined } | undefined;
  /** Sends text (latin-1) to the device. */
  send(text: string): Promise<void>;
  /** Waits (event-loop turns, bounded) until the received text satisfies `pred`. */
  until(pred: (text: string) => boolean, what?: string): Promise<string>;
  /** Waits until the text received since the last take() ends with `suffix`. */
  untilEnds(suffix: string): Promise<string>;
  /** Text received since the last call. */
  take(): string;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets pending device work run: `turns` event-loop turns. */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

const later = (fn: () => void) => void setImmediate(fn);

export function connect(device: VirtualPeer, opts: { clock?: Clock; columns?: number; rows?: number; session?: SessionOptions } = {}): Client {
  const chunks: string[] = [];
  let mark = 0;
  let ended = false;
  const link: DeviceLink = {
    host: 'r1',
    port: 23,
    clock: opts.clock ?? systemClock,
    terminal: { type: 'dumb', columns: opts.columns ?? 80, rows: opts.rows ?? 24 },
    send: (bytes) => {
      const text = Buffer.from(bytes).toString('latin1');
      later(() => {
        if (!ended && text.length > 0) chunks.push(text);
      });
    },
    close: () => later(() => end(undefined)),
    fail: (error) => later(() => end(error)),
    whenDelivered: () => new Promise((resolve) => later(resolve)),
  };
  const end = (error: NetxError | undefined) => {
    if (ended) return;
    ended = true;
    client.closed = { error };
  };
  const client: Client = {
    link,
    peer: undefined as unknown as PeerSession,
    chunks,
    closed: undefined,
    text: () => chunks.join(''),
    send: async (text) => client.peer.receive(new Uint8Array(Buffer.from(text, 'latin1'))),
    async until(pred, what = 'the expected text') {
      // Bounded: the device answers within a few turns of each input.
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
  (client as { peer: PeerSession }).peer = device.open(link, opts.session);
  return client;
}
