// Every listening socket and every accepted connection of a fleet, so that
// start-up either opens all of them or none, and close() leaves nothing behind.
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { SimListenError } from './errors.js';

export class Listeners {
  private readonly servers = new Set<Server>();
  private readonly sockets = new Set<Socket>();

  get connections(): number {
    return this.sockets.size;
  }

  /** A TCP listener; resolves with the port actually bound (0 picks a free one). */
  tcp(host: string, port: number, onSocket: (socket: Socket, server: Server) => void): Promise<{ server: Server; port: number }> {
    const server = createServer({ noDelay: true }, (socket) => {
      this.track(socket);
      onSocket(socket, server);
    });
    return this.listen(server, host, port);
  }

  /** An HTTP listener that only upgrades to WebSocket (anything else: 426). */
  http(host: string, port: number, onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, server: HttpServer) => void): Promise<{ server: Server; port: number }> {
    const server = createHttpServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' });
      res.end('netx-sim: this port speaks WebSocket only (raw binary frames, or ttyd with sub-protocol "tty").\n');
    });
    server.on('connection', (socket: Socket) => this.track(socket));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => onUpgrade(req, socket, head, server));
    return this.listen(server, host, port);
  }

  /** Stops one listener (refused connections from now on); open sessions go on. */
  stop(server: Server): void {
    if (!this.servers.delete(server)) return;
    server.close();
  }

  /** Closes every listener and destroys every connection; resolves when all are closed. */
  async closeAll(): Promise<void> {
    const closing = [...this.servers].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    this.servers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all(closing);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  private listen(server: Server, host: string, port: number): Promise<{ server: Server; port: number }> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        const reason = err.code === 'EADDRINUSE' ? 'the port is in use' : err.code === 'EACCES' ? 'no permission for this port' : err.message;
        reject(new SimListenError(host, port, reason, { cause: err }));
      };
      server.once('error', onError);
      server.listen({ host, port, backlog: 511 }, () => {
        server.off('error', onError);
        server.on('error', () => undefined);
        this.servers.add(server);
        const address = server.address();
        resolve({ server, port: typeof address === 'object' && address ? address.port : port });
      });
    });
  }
}
