// WebSocket serial consoles in front of simulated devices, on `ws`: raw
// (websockify-style: binary frames are the serial bytes both ways) and ttyd
// framing (sub-protocol 'tty'; JSON init with AuthToken and size; '0' input and
// output, '1' resize). The framing follows the sub-protocol the client asks for.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Clock } from '@netx/core';
import type { PeerSession } from '@netx/virtual-device';
import { LineGateway } from './gateway.js';
import type { SimDevice } from './sim-device.js';
import type { ByteSink } from './sim-link.js';
import type { Target } from './ssh-service.js';

export interface WsServiceOptions {
  readonly clock: Clock;
}

const TTYD_INPUT = 0x30;
const TTYD_RESIZE = 0x31;
const TTYD_OUTPUT = 0x30;

const bytesOf = (data: RawData): Uint8Array => {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
};

/** The device a shared port's URL names: `?device=r17`, else the last path segment (`/r17`, `/ws/r17`). */
export function deviceInPath(url: string | undefined): string | undefined {
  const u = new URL(url ?? '/', 'ws://sim');
  const named = u.searchParams.get('device');
  if (named) return named;
  const last = u.pathname.split('/').filter((s) => s !== '' && s !== 'ws' && s !== 'websockify').pop();
  return last === undefined ? undefined : decodeURIComponent(last);
}

export class WsService {
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('tty') ? 'tty' : protocols.has('binary') ? 'binary' : false),
  });

  constructor(private readonly options: WsServiceOptions) {}

  /** Takes an HTTP upgrade request of a listener. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, target: Target, port: number): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, req, target, port));
  }

  private serve(ws: WebSocket, req: IncomingMessage, target: Target, port: number): void {
    const ttyd = ws.protocol === 'tty';
    const clock = this.options.clock;
    let peer: PeerSession | undefined;
    let terminal = { type: 'vt100', columns: 80, rows: 24 };
    const sink: ByteSink = {
      write: (bytes) => {
        if (ws.readyState !== ws.OPEN) return;
        if (!ttyd) return ws.send(bytes, { binary: true });
        const frame = new Uint8Array(bytes.length + 1);
        frame[0] = TTYD_OUTPUT;
        frame.set(bytes, 1);
        ws.send(frame, { binary: true });
      },
      end: () => ws.close(1000, 'device hung up'),
      drop: () => ws.terminate(),
    };
    const name = 'device' in target ? undefined : deviceInPath(req.url);
    const chosen = 'device' in target ? target.device : name !== undefined ? target.shared(`@${name}`)?.device : undefined;
    if (chosen && !('device' in target) && !chosen.admit()) return ws.close(1013, 'device refuses connections');
    const openDevice = (device: SimDevice): PeerSession =>
      device.open(sink, { host: '127.0.0.1', port, clock, terminal }).peer;
    const begin = () => {
      if (ws.readyState !== ws.OPEN) return;
      if (chosen) peer = openDevice(chosen);
      else if (!('device' in target)) {
        const shared = target.shared;
        peer = new LineGateway(sink, (answer) => {
          const who = shared(answer);
          if (!who || !who.device.admit()) return undefined;
          return who.device.open(sink, { host: '127.0.0.1', port, clock, terminal, presetUsername: who.user }).peer;
        });
      }
    };
    const start = () => {
      const delay = chosen?.faults.slowFirstByte ?? 0;
      if (delay <= 0) return begin();
      const timer = clock.setTimeout(begin, delay);
      ws.once('close', () => clock.clearTimeout(timer));
    };
    let initialised = !ttyd;
    ws.on('message', (data) => {
      const bytes = bytesOf(data);
      if (!initialised) {
        // ttyd: the first message is {AuthToken, columns, rows}.
        initialised = true;
        const init = parseJson(bytes);
        const token = typeof init?.['AuthToken'] === 'string' ? init['AuthToken'] : '';
        if (token !== '' && chosen && token !== Buffer.from(`${chosen.username}:${chosen.password}`).toString('base64')) {
          return ws.close(1008, 'bad AuthToken');
        }
        terminal = { ...terminal, ...size(init) };
        return start();
      }
      // Raw: binary frames are the bytes; a text frame counts as its UTF-8 bytes.
      if (!ttyd) return peer?.receive(bytes);
      if (bytes[0] === TTYD_INPUT) return peer?.receive(bytes.subarray(1));
      if (bytes[0] === TTYD_RESIZE) {
        const s = size(parseJson(bytes.subarray(1)));
        if (s.columns !== undefined && s.rows !== undefined) peer?.resize?.(s.columns, s.rows);
      }
    });
    ws.on('close', () => peer?.clientClosed());
    ws.on('error', () => undefined);
    if (ttyd) {
      // Like ttyd: the window title and preferences go out as soon as the socket is up.
      ws.send(Buffer.from(`1${chosen?.name ?? 'netx-sim'} (netx-sim)`), { binary: true });
      ws.send(Buffer.from('2{}'), { binary: true });
    } else {
      start();
    }
  }

  /** Closes every WebSocket still open (the listeners are closed by their owner). */
  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

function parseJson(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function size(v: Record<string, unknown> | undefined): { columns?: number; rows?: number } {
  const columns = v?.['columns'];
  const rows = v?.['rows'];
  return {
    ...(typeof columns === 'number' && columns > 0 ? { columns } : {}),
    ...(typeof rows === 'number' && rows > 0 ? { rows } : {}),
  };
}
