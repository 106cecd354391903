// Which WebSocket implementation a transport uses (the `webSocket` option):
// 'auto' takes the platform's WebSocket when the runtime has one (browsers, workers,
// Node 22+) unless an option needs `ws`, and `ws` otherwise (Node 20).
import { loadWsDialer } from '#ws-dialer';
import type { WebSocketSerialOptions } from '../options.js';
import { webDialer, type WebSocketConstructor } from './web-wire.js';
import type { Dialer } from './wire.js';

export interface Chosen {
  readonly implementation: 'ws' | 'platform';
  /** Pings work (keepalive), the HTTP status of a refused upgrade is known. */
  readonly canPing: boolean;
  dialer(): Promise<Dialer>;
}

function platformWebSocket(): WebSocketConstructor | undefined {
  const candidate = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof candidate === 'function' ? (candidate as WebSocketConstructor) : undefined;
}

/** The options the platform's WebSocket cannot honour. */
function wsOnlyOptions(options: WebSocketSerialOptions): string[] {
  const names: string[] = [];
  if (options.headers !== undefined && Object.keys(options.headers).length > 0) names.push('headers');
  if (options.tls !== undefined) names.push('tls');
  if (options.maxPayload !== undefined) names.push('maxPayload');
  return names;
}

function useWs(): Chosen {
  const load = loadWsDialer;
  if (!load) throw new TypeError("WebSocketSerialTransport: webSocket 'ws' needs Node.js (the ws package); this runtime has none, use 'platform' or 'auto'.");
  return { implementation: 'ws', canPing: true, dialer: load };
}

function usePlatform(WebSocketClass: WebSocketConstructor, options: WebSocketSerialOptions): Chosen {
  const unsupported = wsOnlyOptions(options);
  if (unsupported.length > 0) {
    throw new TypeError(
      `WebSocketSerialTransport: ${unsupported.join(', ')} need the ws package (Node.js); this runtime's WebSocket cannot set them. Put a token in the path's query instead of headers, or run on Node.`,
    );
  }
  const dialer = webDialer(WebSocketClass);
  return { implementation: 'platform', canPing: false, dialer: async () => dialer };
}

export function chooseImplementation(options: WebSocketSerialOptions): Chosen {
  const wanted = options.webSocket ?? 'auto';
  if (typeof wanted === 'function') return usePlatform(wanted, options);
  if (wanted === 'ws') return useWs();
  const platform = platformWebSocket();
  if (wanted === 'platform') {
    if (!platform) throw new TypeError("WebSocketSerialTransport: webSocket 'platform': this runtime has no WebSocket (Node 20 has none); use 'ws' or 'auto'.");
    return usePlatform(platform, options);
  }
  if (wanted !== 'auto') throw new TypeError(`WebSocketSerialTransport: webSocket must be 'auto', 'platform', 'ws' or a WebSocket class, got ${String(wanted)}.`);
  // An explicit keepalive wants pings, which only ws can send.
  const needsWs = wsOnlyOptions(options).length > 0 || (options.keepaliveInterval ?? 0) > 0;
  if (platform && !(needsWs && loadWsDialer)) return usePlatform(platform, options);
  if (!loadWsDialer) throw new TypeError('WebSocketSerialTransport: this runtime has no WebSocket and cannot load the ws package (Node.js).');
  return useWs();
}
