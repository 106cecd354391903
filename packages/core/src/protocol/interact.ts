// interact(): bridges the connection to a terminal until the remote side closes.
// Key handlers fire on single characters typed (and those are not forwarded);
// window-size changes reach the device where the transport can tell it.
import { utf8 } from './bytes.js';
import type { Link } from './link.js';
import { reasonOf } from './messages.js';
import type { DebugLog } from './logging.js';

export interface InteractIo<C> {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  keyHandlers?: Record<string, (conn: C) => void>;
  handleWindowSize?: boolean;
}

export interface InteractHost {
  /** Raw bytes received from now on; returns unsubscribe. */
  tapRaw(fn: (bytes: Uint8Array) => void): () => void;
  /** Resolves when the connection ended. */
  closed(): Promise<void>;
  isClosed(): boolean;
  write(bytes: Uint8Array): Promise<void>;
  /** Undefined where the transport cannot resize. */
  resize: ((columns: number, rows: number) => void) | undefined;
  /** Text already received and not consumed (shown first). */
  pending(): Uint8Array;
  onError(err: unknown): void;
}

/** The host over a Protocol's link; `typed` hears every write (the caller may start a new dialogue). */
export function interactHost(link: Link, taps: Set<(bytes: Uint8Array) => void>, pending: () => Uint8Array, typed: () => void, dbg: DebugLog): InteractHost {
  const { transport } = link;
  return {
    tapRaw: (fn) => {
      taps.add(fn);
      return () => taps.delete(fn);
    },
    closed: () => link.whenClosed(),
    isClosed: () => link.state === 'closed',
    write: (bytes) => {
      typed();
      return link.write(bytes);
    },
    resize: transport.capabilities.windowSize && typeof transport.resize === 'function' ? (c, r) => transport.resize!(c, r) : undefined,
    pending,
    onError: (err) => dbg.log(1, `interact: ${reasonOf(err)}`),
  };
}

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOut = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

export async function runInteract<C>(host: InteractHost, io: InteractIo<C>, conn: C): Promise<void> {
  const input = io.input as TtyIn;
  const output = io.output as TtyOut;
  const handlers = io.keyHandlers ?? {};
  const cleanups: (() => void)[] = [];

  const first = host.pending();
  if (first.length > 0) output.write(first);
  cleanups.push(host.tapRaw((bytes) => output.write(bytes)));

  const onInput = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === 'string' ? utf8.encode(chunk) : chunk;
    let from = 0;
    for (let i = 0; i < bytes.length; i++) {
      const handler = handlers[String.fromCharCode(bytes[i]!)];
      if (!handler) continue;
      if (i > from) host.write(bytes.subarray(from, i)).catch(host.onError);
      from = i + 1;
      try {
        handler(conn);
      } catch (err) {
        host.onError(err);
      }
    }
    if (from < bytes.length) host.write(bytes.subarray(from)).catch(host.onError);
  };
  input.on('data', onInput);
  cleanups.push(() => input.removeListener('data', onInput));
  input.resume?.();

  if (input.isTTY && typeof input.setRawMode === 'function') {
    input.setRawMode(true);
    cleanups.push(() => input.setRawMode!(false));
  }

  const resize = host.resize;
  if (io.handleWindowSize && resize && output.isTTY) {
    const onResize = () => {
      if (output.columns && output.rows) resize(output.columns, output.rows);
    };
    onResize();
    output.on('resize', onResize);
    cleanups.push(() => output.removeListener('resize', onResize));
  }

  try {
    if (!host.isClosed()) await host.closed();
  } finally {
    for (const c of cleanups.reverse()) c();
    input.pause?.();
  }
}
