// An in-process transport over the kit's memory peers, with a protocol-level
// login and a window size, so the auth and resize groups run in the self-test.
// It is also the worked example for in-process transports (see README).
import {
  AbstractTransport,
  ConnectionError,
  LoginFailure,
  type Account,
  type TransportCapabilities,
  type TransportSession,
} from '@netx/core';
import type { MemoryClientEnd, MemoryPeer } from '../../src/index.js';

/** Where in-process "ports" lead: a memory peer, or a device that never answers. */
export type MemoryNetwork = Map<number, MemoryPeer | 'silent'>;

export class MemoryTransport extends AbstractTransport {
  readonly kind = 'memory';
  readonly defaultPort = 22;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: true,
    banner: false,
    remoteVersion: false,
    windowSize: true,
    keepalive: false,
    binarySafe: true,
    peerClose: true,
  };
  /** Window sizes sent, for tests. */
  readonly sizes: Array<[number, number]> = [];
  private client: MemoryClientEnd | undefined;
  private peer: MemoryPeer | undefined;
  private cancelOpen: (() => void) | undefined;

  constructor(
    private readonly network: MemoryNetwork,
    private readonly users: ReadonlyMap<string, string>,
  ) {
    super();
  }

  protected _open(session: TransportSession): Promise<void> {
    const found = this.network.get(session.port);
    if (found === undefined) {
      const err = Object.assign(new Error(`connect ECONNREFUSED ${session.host}:${session.port}`), { code: 'ECONNREFUSED' });
      return Promise.reject(err);
    }
    if (found === 'silent') {
      // Pending until close(true) gives up on it.
      return new Promise((_, reject) => (this.cancelOpen = () => reject(new ConnectionError('closed', 'memory: connect cancelled.'))));
    }
    this.peer = found;
    return Promise.resolve();
  }

  protected override async _authenticate(account: Account): Promise<void> {
    if (this.users.get(account.name) !== account.password) {
      throw new LoginFailure(`memory: ${this.session.host} refused the login of "${account.name}"; check the user name and password.`, { host: this.session.host });
    }
    // The device session starts only after login, as with SSH.
    const client = this.peer!.accept();
    this.client = client;
    client.attach({ onData: (bytes) => this.push(bytes), onEnd: () => this.end() });
  }

  protected async _write(bytes: Uint8Array): Promise<void> {
    if (!this.client) throw new ConnectionError('closed', 'memory: write() before the login opened a session.');
    this.client.write(bytes);
  }

  protected override _resize(columns: number, rows: number): void {
    this.sizes.push([columns, rows]);
  }

  protected async _close(): Promise<void> {
    this.cancelOpen?.();
    this.client?.close();
  }
}
