// The smallest real transport: raw bytes over node:net. The kit runs its own
// contract against it, so the kit is tested on every change.
import { connect, type Socket } from 'node:net';
import { AbstractTransport, type TransportCapabilities, type TransportSession } from '@netx/core';

export class LoopbackTcpTransport extends AbstractTransport {
  readonly kind = 'loopback-tcp';
  readonly defaultPort = 7;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false,
    banner: false,
    remoteVersion: false,
    windowSize: false,
    keepalive: false,
    binarySafe: true,
    peerClose: true,
  };
  private socket: Socket | undefined;

  protected _open(session: TransportSession): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: session.host, port: session.port });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', (err) => this.end(err));
        resolve();
      });
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => this.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      socket.on('end', () => this.end());
      socket.on('close', () => this.end());
    });
  }

  protected _write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket!;
    return new Promise((resolve, reject) => socket.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  protected async _close(force: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (force) {
      socket.destroy();
      return;
    }
    // A peer that keeps its half open must not hold close() forever.
    const timer = this.clock.setTimeout(() => socket.destroy(), 2_000);
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
    });
    this.clock.clearTimeout(timer);
  }
}
