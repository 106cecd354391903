// docs/writing-a-transport.md §3 shows this file verbatim, below this header
// (test/writing-a-transport.test.ts checks that and runs the kit's contract on it).
import { connect, type Socket } from 'node:net';
import { AbstractTransport, type TransportCapabilities, type TransportSession } from '@netx/core';

export class RawTcpTransport extends AbstractTransport {
  readonly kind = 'raw-tcp';
  readonly defaultPort = 23;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false, banner: false, remoteVersion: false, windowSize: false,
    keepalive: false, binarySafe: true, peerClose: true,
  };
  private socket?: Socket;

  protected _open(session: TransportSession): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: session.host, port: session.port, noDelay: true });
      this.socket = socket;
      socket.once('error', reject);                       // before 'connect': fails connect()
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', (err) => this.end(err));       // after: ends the session
        resolve();
      });
      socket.on('data', (b: Buffer) => this.push(new Uint8Array(b.buffer, b.byteOffset, b.length)));
      socket.on('close', () => this.end());               // clean close by the peer
    });
  }

  protected _write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.socket!.write(bytes, (e) => (e ? reject(e) : resolve())));
  }

  protected async _close(force: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (force) return void socket.destroy();
    const timer = this.clock.setTimeout(() => socket.destroy(), 2_000);   // the session's clock
    await new Promise<void>((resolve) => socket.end(resolve));
    this.clock.clearTimeout(timer);
  }
}
