// The Wire on the `ws` package (Node): headers, TLS options, pings, and the HTTP
// status of a refused upgrade. `ws` is imported when the first connection needs it,
// so a runtime that uses its own WebSocket never loads it. Reached only through the
// package's `#ws-dialer` import under the "node" condition.
import type WebSocket from 'ws';
import type { Dialer, Wire } from './wire.js';
import { wireState } from './wire.js';

let loading: Promise<typeof WebSocket> | undefined;

function dial(WebSocketClass: typeof WebSocket): Dialer {
  return (request, handlers): Wire => {
    const { tls } = request;
    const ws = new WebSocketClass(request.url, request.subprotocols, {
      headers: { ...request.headers },
      perMessageDeflate: false,
      followRedirects: false,
      maxPayload: request.maxPayload,
      ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
      ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
      ...(tls.key !== undefined ? { key: tls.key } : {}),
      ...(tls.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
      ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
    });
    ws.binaryType = 'nodebuffer';
    ws.on('unexpected-response', (req, res) => {
      res.resume();
      req.destroy();
      handlers.refused(res.statusCode ?? 0);
    });
    ws.on('upgrade', (res) => {
      const server = res.headers.server;
      handlers.upgraded(Array.isArray(server) ? server.join(', ') : server);
    });
    ws.on('open', () => handlers.open(ws.protocol));
    ws.on('message', (data, isBinary) => handlers.message(data as Buffer, isBinary));
    ws.on('pong', () => handlers.pong());
    ws.on('ping', () => handlers.ping());
    ws.on('error', (err) => handlers.error(err));
    ws.on('close', (code, reason) => handlers.close(code, reason.toString('utf8')));
    return {
      implementation: 'ws',
      state: () => wireState(ws.readyState),
      send: (frame) =>
        new Promise<void>((resolve, reject) => {
          ws.send(frame, { binary: typeof frame !== 'string' }, (err) => (err ? reject(err) : resolve()));
        }),
      ping: () => ws.ping(),
      close: (code, reason) => ws.close(code, reason),
      terminate: () => ws.terminate(),
      onceClosed(fn) {
        if (ws.readyState === ws.CLOSED) fn();
        else ws.once('close', fn);
      },
    };
  };
}

/** Loads `ws` (once) and returns its dialer. */
export const loadWsDialer: (() => Promise<Dialer>) | undefined = async () => {
  loading ??= import('ws').then((module) => module.default);
  return dial(await loading);
};
