// The device side of a connection, as the contract tests drive it.
import type { Socket } from 'node:net';
import { ByteInbox } from './byte-inbox.js';
import { DEFAULT_WAIT_MS, withDeadline } from './deadline.js';

/** One connection seen from the device side. Any object with these members works. */
export interface PeerConnection {
  /** Sends bytes (strings as UTF-8) device -> client; resolves when handed to the OS. */
  write(bytes: Uint8Array | string): Promise<void>;
  /** The next `n` bytes the client sent; rejects after `timeoutMs` (default 10 s) or if the client went away first. */
  read(n: number, timeoutMs?: number): Promise<Uint8Array>;
  /** The device hangs up; resolves once the connection is gone (bounded). */
  close(): Promise<void>;
  /** Resolves when the connection ended, whichever side ended it. Never rejects. */
  readonly closed: Promise<void>;
}

/** A running far side the transport under test connects to. */
export interface StartedPeer {
  readonly host: string;
  readonly port: number;
  /** The device side of the next connection the transport made (in accept order; bounded wait). */
  nextConnection(timeoutMs?: number): Promise<PeerConnection>;
  /** Stops the far side and drops every connection. */
  stop(): Promise<void>;
}

export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** PeerConnection over a node:net socket (the hub side of a relayed or direct connection). */
export class SocketPeerConnection implements PeerConnection {
  readonly closed: Promise<void>;
  private readonly inbox: ByteInbox;
  private isClosed = false;

  constructor(private readonly socket: Socket, label = 'peer') {
    this.inbox = new ByteInbox(label);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.inbox.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    socket.on('end', () => this.inbox.end());
    // Errors end the connection like a close; `closed` is the signal tests wait on.
    socket.on('error', () => undefined);
    this.closed = new Promise<void>((resolve) => {
      socket.once('close', () => {
        this.isClosed = true;
        this.inbox.end();
        resolve();
      });
    });
  }

  /** True once the socket is gone (the hub skips such connections). */
  get ended(): boolean {
    return this.isClosed;
  }

  write(bytes: Uint8Array | string): Promise<void> {
    const data = toBytes(bytes);
    return new Promise<void>((resolve, reject) => {
      if (this.isClosed || this.socket.writableEnded) {
        reject(new Error('peer: write() after the connection ended.'));
        return;
      }
      this.socket.write(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  read(n: number, timeoutMs = DEFAULT_WAIT_MS): Promise<Uint8Array> {
    return this.inbox.read(n, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.socket.end();
    try {
      await withDeadline(this.closed, 2_000, 'peer: waiting for the client to finish closing');
    } catch {
      // The client kept its half open: hang up hard; the device side is done either way.
      this.socket.destroy();
      await this.closed;
    }
  }

  /** Drops the connection at once (RST where the OS does so). */
  destroy(): void {
    this.socket.destroy();
  }
}
