// The Wire on the platform's WebSocket (WHATWG API: browsers, workers, Node 22+,
// or any class of that shape). It cannot set headers or TLS options, send pings or
// see why an upgrade failed; the transport's options and errors account for that.
import type { Dialer, Wire } from './wire.js';
import { wireState } from './wire.js';

/** The part of the WHATWG WebSocket the transport uses. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  send(data: Uint8Array | string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: never) => void): void;
}

/** A WHATWG-style WebSocket class: `globalThis.WebSocket` or one of that shape. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

interface MessageEventLike {
  data: unknown;
}
interface CloseEventLike {
  code: number;
  reason?: string;
}

const utf8 = new TextEncoder();

function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

export function webDialer(WebSocketClass: WebSocketConstructor): Dialer {
  return (request, handlers): Wire => {
    const ws = new WebSocketClass(request.url.href, request.subprotocols);
    ws.binaryType = 'arraybuffer';
    const closeWaiters: (() => void)[] = [];
    ws.addEventListener('open', () => handlers.open(ws.protocol ?? ''));
    ws.addEventListener('message', (event: MessageEventLike) => {
      if (typeof event.data === 'string') {
        handlers.message(utf8.encode(event.data), false);
        return;
      }
      const bytes = bytesOf(event.data);
      if (bytes) handlers.message(bytes, true);
    });
    ws.addEventListener('close', (event: CloseEventLike) => {
      handlers.close(event.code, event.reason ?? '');
      for (const fn of closeWaiters.splice(0)) fn();
    });
    // 'error' carries no reason in this API and is always followed by 'close', which
    // reports it; listening still matters for classes that throw unheard errors.
    ws.addEventListener('error', () => undefined);
    return {
      implementation: 'platform',
      state: () => wireState(ws.readyState),
      async send(frame) {
        ws.send(frame);
      },
      ping() {
        // The API has no ping; canPing is false for this wire.
      },
      close: (code, reason) => ws.close(code, reason),
      terminate: () => ws.close(),
      onceClosed(fn) {
        if (ws.readyState === 3) fn();
        else closeWaiters.push(fn);
      },
    };
  };
}
