// DummyTransport: the Transport adapter for in-process virtual devices. No
// sockets: bytes go straight to a VirtualPeer (VirtualDevice, RawDevice, or a
// family's own simulator) and come back on later event-loop turns.
import {
  AbstractTransport,
  ConnectionError,
  LoginFailure,
  StateError,
  sleep,
  type Account,
  type NetxError,
  type ProtocolAuthContext,
  type TransportCapabilities,
  type TransportSession,
} from '@netx/core';
import { DeliveryLink } from './delivery-link.js';
import type { PeerSession, VirtualPeer } from '@netx/virtual-device';

/** An SSH-like protocol-level account the transport checks before any data flows. */
export interface ProtocolLogin {
  readonly name: string;
  readonly password?: string;
  /** Accepts an account whose key has the same bytes. */
  readonly key?: { readonly data: Uint8Array };
}

export interface DummyTransportOptions {
  /** The device every connection reaches (unless `devices` names one for the host). */
  device?: VirtualPeer;
  /** Devices by 'host:port' or 'host'; a host without a device refuses the connection. */
  devices?: Readonly<Record<string, VirtualPeer>>;
  /** Behave like an SSH server's login: protocolAuth capability, data only after protocolAuthenticate(). */
  protocolLogin?: ProtocolLogin;
  /** default 22 with protocolLogin, else 23 */
  defaultPort?: number;
}

export interface WindowSize {
  readonly columns: number;
  readonly rows: number;
}

const textOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

export class DummyTransport extends AbstractTransport {
  readonly kind = 'dummy';
  readonly capabilities: TransportCapabilities;
  readonly defaultPort: number;
  /** Every write() of the client, as latin-1 text (one entry per call; bytes map 1:1 to characters). */
  readonly writes: string[] = [];
  /** Window sizes: the session's at connect, then every resize(). */
  readonly resizes: WindowSize[] = [];
  private readonly options: DummyTransportOptions;
  private peer: VirtualPeer | undefined;
  private peerSession: PeerSession | undefined;
  private link: DeliveryLink | undefined;

  constructor(options: DummyTransportOptions = {}) {
    super();
    if (!options.device && !options.devices) {
      throw new TypeError('DummyTransport needs a device: new DummyTransport({ device: new VirtualDevice({...}) }) or { devices: { host: device } }.');
    }
    this.options = options;
    const peers = [options.device, ...Object.values(options.devices ?? {})].filter((p): p is VirtualPeer => p !== undefined);
    this.defaultPort = options.defaultPort ?? (options.protocolLogin ? 22 : 23);
    this.capabilities = Object.freeze({
      protocolAuth: options.protocolLogin !== undefined,
      banner: peers.some((p) => p.protocolBanner !== undefined),
      remoteVersion: peers.some((p) => p.remoteVersion !== undefined),
      windowSize: true,
      keepalive: false,
      binarySafe: true,
      peerClose: true,
    });
  }

  /** Everything the client wrote so far, joined. */
  get written(): string {
    return this.writes.join('');
  }

  override isDummy(): boolean {
    return true;
  }

  override getBanner(): string | undefined {
    return this.state === 'open' ? this.peer?.protocolBanner : undefined;
  }

  override getRemoteVersion(): string | undefined {
    return this.state === 'open' ? this.peer?.remoteVersion : undefined;
  }

  protected async _open(session: TransportSession): Promise<void> {
    const { host, port } = session;
    const peer = this.options.devices?.[`${host}:${port}`] ?? this.options.devices?.[host] ?? this.options.device;
    if (!peer) {
      throw new ConnectionError('refused', `No virtual device answers at ${host}:${port}; pass one as new DummyTransport({ device }) or devices: { '${host}': device }.`, { host });
    }
    const delay = peer.connectDelay ?? 0;
    // Infinity: the device never answers; the connect timeout (on the session clock) ends the wait.
    if (delay === Infinity) await new Promise<never>(() => undefined);
    if (delay > 0) await sleep(session.clock, delay, session.signal);
    this.peer = peer;
    this.resizes.push({ columns: session.columns, rows: session.rows });
    this.link = new DeliveryLink(host, port, session.clock, { type: session.termType, columns: session.columns, rows: session.rows }, {
      data: (bytes) => this.push(bytes),
      end: (error?: NetxError) => this.end(error),
    });
    if (!this.options.protocolLogin) this.startPeer();
  }

  protected override async _authenticate(account: Account, _context: ProtocolAuthContext): Promise<void> {
    const login = this.options.protocolLogin;
    if (!login) return;
    if (this.peerSession) return;
    const byPassword = login.password !== undefined && account.password === login.password;
    const byKey = login.key !== undefined && account.key !== undefined && sameBytes(login.key.data, account.key.data);
    if (account.name !== login.name || !(byPassword || byKey)) {
      this.debug(1, `protocol login of "${account.name}" rejected`);
      throw new LoginFailure(`The virtual device at ${this.session.host} rejected the protocol login of "${account.name}"; check the account name and password (or key).`, { host: this.session.host });
    }
    this.debug(1, `protocol login of "${account.name}" accepted`);
    this.startPeer();
  }

  protected async _write(bytes: Uint8Array): Promise<void> {
    if (!this.peerSession) {
      throw new StateError('dummy: the device takes data only after protocolAuthenticate() succeeded (protocolLogin is set).');
    }
    this.writes.push(textOf(bytes));
    this.peerSession.receive(Uint8Array.from(bytes));
  }

  protected async _close(_force: boolean): Promise<void> {
    this.link?.detach();
    this.peerSession?.clientClosed();
  }

  protected override _resize(columns: number, rows: number): void {
    this.resizes.push({ columns, rows });
    this.peerSession?.resize?.(columns, rows);
  }

  private startPeer(): void {
    if (!this.peer || !this.link) throw new StateError('dummy: no device to start; connect() first.');
    this.peerSession = this.peer.open(this.link);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
