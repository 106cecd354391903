// SSH in front of simulated devices, on ssh2's Server: password,
// keyboard-interactive, public key and "none" authentication per device, a pty
// and shell (window-change reaches the device), `exec` of one command. Each TCP
// connection gets its own ssh2 Server object (host keys parsed once), so the
// session always knows its socket and the listener it came from.
import { createPrivateKey, sign as cryptoSign } from 'node:crypto';
import type { Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ParsedKey, ServerChannel, Session } from 'ssh2';
import type { Clock } from '@netx/core';
import type { HostKey } from './host-key.js';
import type { SimDevice } from './sim-device.js';
import type { OpenedSession } from './sim-device.js';
import type { ByteSink } from './sim-link.js';

const { Server, utils } = ssh2;

/** Who a connection reaches: one device (its own port), or any by user name (a shared port). */
export type Target = { readonly device: SimDevice } | { readonly shared: (user: string) => { device: SimDevice; user: string } | undefined };

export interface SshServiceOptions {
  readonly clock: Clock;
  readonly hostKey: HostKey;
  /** The key of devices with the changedHostKey fault. */
  readonly changedHostKey: HostKey;
  /** Debug lines (never passwords). */
  readonly log?: (line: string) => void;
}

function parsed(text: string): ParsedKey {
  const k = utils.parseKey(text);
  const key = Array.isArray(k) ? k[0] : k;
  if (!key || key instanceof Error) throw new TypeError(`not an SSH key ssh2 can read: ${key instanceof Error ? key.message : 'empty'}`);
  return key;
}

/**
 * ssh2 answers each incoming chunk with several packets, each in several socket writes
 * (a login is ~20 of them). Corking for the rest of the turn sends them in one writev:
 * the write syscall was a fifth of the server's time. ssh2's own data listener is
 * attached later (after its crypto set-up), so this one runs before it.
 */
function coalesceReplies(socket: Socket): void {
  const uncork = () => {
    if (socket.writableCorked > 0) socket.uncork();
  };
  socket.on('data', () => {
    socket.cork();
    process.nextTick(uncork);
  });
}

/** The hash each key type signs with when ssh2 names none (ssh2 names sha256/sha512 for rsa-sha2-*). */
const DEFAULT_HASH: Record<string, string | null> = {
  'ssh-ed25519': null,
  'ssh-rsa': 'sha1',
  'ecdsa-sha2-nistp256': 'sha256',
  'ecdsa-sha2-nistp384': 'sha384',
  'ecdsa-sha2-nistp521': 'sha512',
};

/**
 * ssh2's parsed key signs from its PEM text, parsing it again for every signature
 * (~550 us for ed25519, against ~50 us from a key object): one signature per login.
 * The host key is parsed once here and signs from the key object.
 */
function signingFromKeyObject(key: ParsedKey): ParsedKey {
  const pem = key.getPrivatePEM();
  if (!pem || !(key.type in DEFAULT_HASH)) return key;
  const keyObject = createPrivateKey(pem);
  const signer = (data: Buffer, algo?: string): Buffer | Error => {
    const hash = algo || DEFAULT_HASH[key.type]!;
    try {
      return cryptoSign(hash, data, keyObject);
    } catch (err) {
      return err as Error;
    }
  };
  // An own property on ssh2's key object: ssh2 only calls key.sign(data, algo).
  Object.defineProperty(key, 'sign', { value: signer });
  return key;
}

/** The ssh2 ident option takes the part after `SSH-2.0-`. */
const identOf = (version: string | undefined) => version?.replace(/^SSH-2\.0-/, '');

export class SshService {
  private readonly keys: { fleet: ParsedKey; changed: ParsedKey };
  private readonly authorized = new WeakMap<SimDevice, ParsedKey[]>();

  constructor(private readonly options: SshServiceOptions) {
    this.keys = {
      fleet: signingFromKeyObject(parsed(options.hostKey.privateKey)),
      changed: signingFromKeyObject(parsed(options.changedHostKey.privateKey)),
    };
  }

  /** Serves one accepted TCP connection. */
  accept(socket: Socket, target: Target, port: number): void {
    const own = 'device' in target ? target.device : undefined;
    const server = new Server(
      {
        hostKeys: [{ key: own?.faults.changedHostKey ? this.keys.changed : this.keys.fleet }],
        ...(identOf(own?.profile.sshVersion) !== undefined ? { ident: identOf(own?.profile.sshVersion) } : {}),
      },
      (client) => this.serve(client, socket, target, port),
    );
    server.on('error', () => undefined);
    const inject = () => {
      server.injectSocket(socket);
      coalesceReplies(socket);
    };
    const delay = own?.faults.slowFirstByte ?? 0;
    if (delay > 0) {
      const timer = this.options.clock.setTimeout(inject, delay);
      socket.once('close', () => this.options.clock.clearTimeout(timer));
    } else {
      inject();
    }
  }

  private serve(client: Connection, socket: Socket, target: Target, port: number): void {
    let device: SimDevice | undefined;
    let user = '';
    client.on('error', (err) => this.options.log?.(`ssh ${port}: ${err.message}`));
    client.on('authentication', (ctx) => {
      const who = 'device' in target ? { device: target.device, user: ctx.username } : target.shared(ctx.username);
      if (!who || ('shared' in target && !who.device.admit())) return ctx.reject();
      device = who.device;
      user = who.user;
      this.authenticate(ctx, who.device, who.user);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        if (!device) return;
        this.session(acceptSession(), client, socket, device, user, port);
      });
    });
  }

  private authenticate(ctx: AuthContext, device: SimDevice, user: string): void {
    const methods = device.sshAuth.filter((m) => m !== 'none');
    const allowed = (device.sshAuth as readonly string[]).includes(ctx.method);
    const rightUser = user === device.username;
    const done = (ok: boolean) => {
      this.options.log?.(`ssh ${device.name}: ${ctx.method} for "${user}" ${ok ? 'accepted' : 'rejected'}`);
      if (ok) ctx.accept();
      else ctx.reject(methods);
    };
    if (!allowed) return done(false);
    switch (ctx.method) {
      case 'none':
        return done(rightUser);
      case 'password':
        return done(rightUser && ctx.password === device.password);
      case 'keyboard-interactive':
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => done(rightUser && answers[0] === device.password));
      case 'publickey': {
        const key = this.keysOf(device).find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data));
        if (!rightUser || !key) return done(false);
        // Without a signature the client only asks whether the key would do (RFC 4252 7).
        if (!ctx.signature) return ctx.accept();
        return done(key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true);
      }
      default:
        return done(false);
    }
  }

  private keysOf(device: SimDevice): ParsedKey[] {
    let keys = this.authorized.get(device);
    if (!keys) {
      keys = device.authorizedKeys.map(parsed);
      this.authorized.set(device, keys);
    }
    return keys;
  }

  private session(session: Session, client: Connection, socket: Socket, device: SimDevice, user: string, port: number): void {
    let terminal = { type: 'vt100', columns: 80, rows: 24 };
    let opened: OpenedSession | undefined;
    session.on('pty', (accept, _reject, info) => {
      terminal = { type: info.term, columns: info.cols, rows: info.rows };
      accept?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      terminal = { ...terminal, columns: info.cols, rows: info.rows };
      opened?.peer.resize?.(info.cols, info.rows);
      accept?.();
    });
    session.on('env', (accept) => accept?.());
    const start = (channel: ServerChannel, exec?: string) => {
      const sink: ByteSink = {
        write: (bytes) => {
          // ssh2 hands each packet to the socket in three writes (length, ciphertext, tag): one syscall instead.
          socket.cork();
          channel.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          socket.uncork();
        },
        end: () => {
          // exit-status, EOF and CLOSE; the connection ends once the client closed its side
          // too (ending it at once makes OpenSSH report a disconnect and exit 255).
          channel.once('close', () => client.end());
          channel.exit(0);
          channel.end();
          channel.close();
        },
        drop: () => {
          // Whatever the turn corked goes out before the reset, as it would without corking.
          while (socket.writableCorked > 0) socket.uncork();
          socket.destroy();
        },
      };
      const req = { host: socket.localAddress ?? '127.0.0.1', port, clock: this.options.clock, terminal, ssh: { user, ...(exec !== undefined ? { exec } : {}) } };
      opened = device.open(sink, req);
      const peer = opened.peer;
      channel.on('data', (data: Buffer) => peer.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      channel.on('close', () => peer.clientClosed());
      socket.once('close', () => peer.clientClosed());
    };
    session.on('shell', (accept) => start(accept()));
    session.on('exec', (accept, _reject, info) => start(accept(), info.command));
  }
}
