// The SSH adapter: connect() does TCP (with TCP_NODELAY), ProxyJump hops, key exchange
// and the host key check; protocolAuthenticate() logs in and opens a shell with a PTY.
import { connect as tcpConnect, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  AbstractTransport,
  ConnectionError,
  StateError,
  type Account,
  type NetxError,
  type ProtocolAuthContext,
  type TransportCapabilities,
  type TransportSession,
} from '@netx/core';
import type { ClientChannel } from 'ssh2';
import { buildAlgorithms } from './algorithms.js';
import { authenticate } from './authenticate.js';
import { HostKeyChecker } from './host-key-checker.js';
import { agentSocket, resolveOptions, type JumpHost, type ResolvedSshOptions, type SshTransportOptions } from './options.js';
import { mapSshError } from './ssh-errors.js';
import { SshHop } from './ssh-hop.js';

export class SshTransport extends AbstractTransport {
  readonly kind = 'ssh';
  readonly defaultPort = 22;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: true,
    banner: true,
    remoteVersion: true,
    windowSize: true,
    keepalive: true,
    binarySafe: true,
    peerClose: true,
  };

  private readonly options: ResolvedSshOptions;
  private socket: Socket | undefined;
  private readonly hops: SshHop[] = [];
  private target: SshHop | undefined;
  private channel: ClientChannel | undefined;
  private channelDone = false;
  private readonly pendingWrites = new Set<(err: NetxError) => void>();

  constructor(options: SshTransportOptions = {}) {
    super();
    this.options = resolveOptions(options);
  }

  override getBanner(): string | undefined {
    return this.target?.banner;
  }

  override getRemoteVersion(): string | undefined {
    return this.target?.remoteIdent;
  }

  protected async _open(session: TransportSession): Promise<void> {
    const o = this.options;
    const log = (level: Parameters<TransportSession['debug']>[0], message: string) => this.debug(level, message);
    const route = [...o.jumpHosts.map((j) => ({ host: j.host, port: j.port ?? 22, jump: j as JumpHost | undefined })), { host: session.host, port: session.port, jump: undefined }];
    let sock: Duplex;
    if (o.sock) {
      sock = o.sock;
      if (sock instanceof Socket) sock.setNoDelay(true);
      log(2, `using the supplied stream to reach ${route[0]!.host}:${route[0]!.port}`);
    } else {
      sock = await this.openTcp(route[0]!.host, route[0]!.port);
    }
    for (let i = 0; i < route.length; i++) {
      const { host, port, jump } = route[i]!;
      const hop = new SshHop(host, port, log);
      this.hops.push(hop);
      const checker = new HostKeyChecker({
        host,
        port,
        verify: jump?.verifyFingerprint ?? session.verifyFingerprint,
        knownHostsPath: jump?.knownHostsPath ?? o.knownHostsPath,
        policy: jump?.hostKeyPolicy ?? o.hostKeyPolicy,
        hashKnownHosts: o.hashKnownHosts,
        debug: (m) => log(2, m),
      });
      await hop.start(sock, {
        checker,
        algorithms: buildAlgorithms({ legacy: o.legacyAlgorithms, knownKeyTypes: checker.knownKeyTypes(), overrides: o.algorithms }),
        trace: this.debugEnabled(5),
      });
      if (!jump) {
        this.target = hop;
        break;
      }
      log(1, `logging into jump host ${hop.label} as ${JSON.stringify(jump.account.name)}`);
      await authenticate(hop, {
        account: jump.account,
        agentPath: agentSocket(o.agent),
        requestOtp: jump.requestOtp ? (prompt: string) => jump.requestOtp!(prompt, hop.label) : undefined,
        clock: session.clock,
        timeout: 0, // connectTimeout already bounds the whole of connect()
        maxKeyboardInteractiveRounds: o.maxKeyboardInteractiveRounds,
        debug: log,
      });
      const next = route[i + 1]!;
      log(1, `jump host ${hop.label} forwarding to ${next.host}:${next.port}`);
      sock = await hop.forwardOut(next.host, next.port);
    }
    // From here on, any hop dying ends the stream.
    for (const hop of this.hops) hop.onTerminal((err) => this.onHopEnded(hop, err));
  }

  protected override async _authenticate(account: Account, context: ProtocolAuthContext): Promise<void> {
    const target = this.target;
    if (!target) throw new StateError('ssh: protocolAuthenticate() before connect() finished.');
    if (this.channel) throw new StateError(`ssh: already logged into ${target.label}; open a new transport for another login.`);
    const session = this.session;
    await authenticate(target, {
      account,
      agentPath: agentSocket(this.options.agent),
      requestOtp: (prompt) => context.requestOtp(prompt),
      clock: context.clock,
      timeout: session.connectTimeout,
      maxKeyboardInteractiveRounds: this.options.maxKeyboardInteractiveRounds,
      debug: (level, message) => this.debug(level, message),
    });
    // The login is done; a server that then never answers the PTY or shell request must not hold us.
    const channel = await target.openShell({ term: session.termType, cols: session.columns, rows: session.rows, width: 0, height: 0 }, { clock: context.clock, ms: session.connectTimeout });
    this.debug(2, `shell open on ${target.label} (${session.termType}, ${session.columns}x${session.rows})`);
    this.channel = channel;
    const onData = (chunk: Buffer) => this.push(chunk);
    channel.on('data', onData);
    channel.stderr.on('data', onData);
    channel.on('end', () => (this.channelDone = true));
    channel.on('exit', () => (this.channelDone = true));
    channel.on('close', () => {
      this.channelDone = true;
      if (this.closingOrClosed) return;
      this.debug(1, `${target.label} closed the shell`);
      this.rejectWrites(new ConnectionError('closed', `${target.label} closed the SSH shell; connect again.`, { host: target.host }));
      this.end();
    });
    // Keepalive through the target only: a dead jump host silences the target too.
    this.startKeepalive(
      { interval: this.options.keepaliveInterval, countMax: this.options.keepaliveCountMax },
      { what: 'SSH keepalive', ping: () => target.ping(() => this.keepaliveAnswered()) },
    );
  }

  protected async _write(bytes: Uint8Array): Promise<void> {
    const channel = this.channel;
    if (!channel) throw new StateError('ssh: write() before protocolAuthenticate() opened the shell; log in first.');
    if (this.channelDone) throw new ConnectionError('closed', `${this.session.host}:${this.session.port} closed the SSH shell; connect again.`, { host: this.session.host });
    await new Promise<void>((resolve, reject) => {
      const fail = (err: NetxError) => reject(err);
      this.pendingWrites.add(fail);
      channel.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => {
        this.pendingWrites.delete(fail);
        if (err) reject(err);
        else resolve();
      });
    });
  }

  protected override _resize(columns: number, rows: number): void {
    this.channel?.setWindow(rows, columns, 0, 0);
  }

  protected async _close(force: boolean): Promise<void> {
    this.rejectWrites(new ConnectionError('closed', `The SSH connection to ${this.session.host} was closed by this side.`, { host: this.session.host }));
    const hops = [...this.hops].reverse();
    // A connect that failed or was cut short closes with force (AbstractTransport).
    if (force) {
      for (const hop of hops) hop.destroy();
      this.socket?.destroy();
      return;
    }
    // Polite: SSH disconnect from the innermost hop outwards, each bounded by closeTimeout.
    for (const hop of hops) {
      let timer: unknown;
      const bounded = new Promise<void>((resolve) => {
        timer = this.clock.setTimeout(resolve, this.options.closeTimeout);
      });
      await Promise.race([hop.end(), bounded]);
      this.clock.clearTimeout(timer);
      hop.destroy();
    }
    this.socket?.destroy();
  }

  protected override mapError(err: unknown, during: string): NetxError {
    const session = this.sessionOrUndefined;
    const host = this.target?.host ?? this.hops.at(-1)?.host ?? session?.host ?? '?';
    const port = this.target?.port ?? this.hops.at(-1)?.port ?? session?.port ?? this.defaultPort;
    return mapSshError(err, { host, port, during });
  }

  private onHopEnded(hop: SshHop, err: NetxError): void {
    if (this.closingOrClosed) return;
    this.rejectWrites(err);
    // The server closing the connection after the shell ended is a clean close; anything else is a failure.
    if (this.channelDone && hop === this.target) this.end();
    else this.end(err);
  }

  private rejectWrites(err: NetxError): void {
    for (const reject of this.pendingWrites) reject(err);
    this.pendingWrites.clear();
  }

  /** TCP to the first hop, with Nagle off: without it every command waits ~40 ms for delayed ACKs. */
  private openTcp(host: string, port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = tcpConnect({ host, port });
      this.socket = socket;
      socket.setNoDelay(true);
      const onError = (err: Error) => {
        socket.off('connect', onConnect);
        reject(mapSshError(err, { host, port, during: 'connect' }));
      };
      const onConnect = () => {
        socket.off('error', onError);
        this.debug(2, `TCP connected to ${host}:${port}`);
        resolve(socket);
      };
      socket.once('error', onError);
      socket.once('connect', onConnect);
    });
  }
}
