// In-repo WebSocket console servers on `ws`: a ttyd-framing server (sub-protocol
// 'tty', AuthToken check, resize) and a raw one (binary frames = bytes), each
// bridging every WebSocket to a TCP "serial device".
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface WsConsoleOptions {
  framing: 'raw' | 'ttyd';
  /** The TCP device behind the console. */
  target: { host: string; port: number };
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** ttyd credential (`-c user:pass` gives base64 of it); a different AuthToken gets close 1008. */
  authToken?: string;
  /** Upgrade requests without this header value get HTTP 401. */
  requireHeader?: { name: string; value: string };
  /** Only this path (with query) is a WebSocket endpoint; others get HTTP 404. */
  path?: string;
  /** Answer pings; default true. false makes a dead peer. */
  autoPong?: boolean;
  tls?: { cert: string; key: string };
}

export interface UpgradeSeen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface WsConsole {
  port: number;
  readonly upgrades: UpgradeSeen[];
  /** ttyd init messages received, in order. */
  readonly inits: Array<{ AuthToken?: unknown; columns?: unknown; rows?: unknown }>;
  /** ttyd resize messages received, in order. */
  readonly resizes: Array<{ columns?: unknown; rows?: unknown }>;
  /** Pings received from clients. */
  pings(): number;
  /** The server side of every accepted WebSocket, in order. */
  readonly sockets: WebSocket[];
  stop(): Promise<void>;
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWsConsole(options: WsConsoleOptions): Promise<WsConsole> {
  const upgrades: UpgradeSeen[] = [];
  const inits: WsConsole['inits'] = [];
  const resizes: WsConsole['resizes'] = [];
  const sockets: WebSocket[] = [];
  let pings = 0;
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }) : http.createServer();
  const wss = new WebSocketServer({
    noServer: true,
    autoPong: options.autoPong ?? true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => {
      if (options.framing === 'ttyd') return protocols.has('tty') ? 'tty' : false;
      return protocols.values().next().value ?? false;
    },
  });

  server.on('upgrade', (req, socket, head) => {
    upgrades.push({ url: req.url ?? '', headers: req.headers });
    socket.on('error', () => undefined);
    if (options.path !== undefined && req.url !== options.path) return reject(socket, 404, 'Not Found');
    const need = options.requireHeader;
    if (need && req.headers[need.name.toLowerCase()] !== need.value) return reject(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.push(ws);
      ws.on('ping', () => pings++);
      ws.on('error', () => undefined);
      if (options.framing === 'ttyd') serveTtyd(ws);
      else serveRaw(ws);
    });
  });

  const connectTarget = (ws: WebSocket): net.Socket => {
    const tcp = net.connect(options.target);
    tcp.setNoDelay(true);
    tcp.on('error', () => ws.close(1011, 'target unreachable'));
    tcp.on('end', () => ws.close(1000, 'Target closed'));
    ws.on('close', () => tcp.destroy());
    return tcp;
  };

  const serveRaw = (ws: WebSocket) => {
    const tcp = connectTarget(ws);
    tcp.on('data', (data: Buffer) => ws.send(data, { binary: true }));
    ws.on('message', (data: Buffer) => tcp.write(data));
  };

  const serveTtyd = (ws: WebSocket) => {
    // Like ttyd: title and preferences go out as soon as the socket is up.
    ws.send(Buffer.from('1netx-sim (r1)'), { binary: true });
    ws.send(Buffer.from('2{"fontSize":14}'), { binary: true });
    let tcp: net.Socket | undefined;
    ws.on('message', (data: Buffer) => {
      if (!tcp) {
        if (data[0] !== 0x7b /* '{' */) return ws.close(1003, 'expected the JSON init message');
        let init: WsConsole['inits'][number];
        try {
          init = JSON.parse(data.toString('utf8'));
        } catch {
          return ws.close(1003, 'bad JSON');
        }
        inits.push(init);
        if (options.authToken !== undefined && init.AuthToken !== options.authToken) return ws.close(1008);
        tcp = connectTarget(ws);
        tcp.on('data', (out: Buffer) => ws.send(Buffer.concat([Buffer.from('0'), out]), { binary: true }));
        return;
      }
      const command = data[0];
      const body = data.subarray(1);
      if (command === 0x30) tcp.write(body);
      else if (command === 0x31) resizes.push(JSON.parse(body.toString('utf8')));
      else if (command === 0x32) tcp.pause();
      else if (command === 0x33) tcp.resume();
      else ws.close(1003, 'unknown command');
    });
  };

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    upgrades,
    inits,
    resizes,
    sockets,
    pings: () => pings,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
