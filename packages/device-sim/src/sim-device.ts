// One device of a fleet: a VirtualDevice of a profile with its credentials,
// ports and faults. Every server (SSH, Telnet, WebSocket) opens sessions
// through open(), so a fault behaves the same whatever the transport.
import type { Clock } from '@netx/core';
import {
  getProfile,
  VirtualDevice,
  type DeviceProfile,
  type LoginOptions,
  type LoginStyle,
  type PeerSession,
  type SessionOptions,
  type TerminalInfo,
  type VirtualDeviceOptions,
} from '@netx/virtual-device';
import { lineNoise, resolveFaults, type FaultSpec, type Faults } from './faults.js';
import { SimLink, type ByteSink } from './sim-link.js';

export type SshAuthMethod = 'password' | 'keyboard-interactive' | 'publickey' | 'none';
export const SSH_AUTH_METHODS: readonly SshAuthMethod[] = ['password', 'keyboard-interactive', 'publickey', 'none'];

/** One device as a fleet describes it. */
export interface SimDeviceSpec {
  /** Host name (prompt) and the name used to pick it on a shared port (`admin@r17`). */
  name: string;
  /** A registered profile of @netx/virtual-device (`ios`, `junos`, ...). */
  profile: string;
  /** default 'admin' */
  username?: string;
  /** default 'admin' */
  password?: string;
  /** default 'enable'; null: enable asks nothing */
  enablePassword?: string | null;
  /** The device's own login dialogue (Telnet, WebSocket, and SSH with loginAfterSshAuth). default: the profile's */
  loginStyle?: LoginStyle;
  /** SSH methods accepted. default ['password', 'keyboard-interactive', 'publickey'] ('none' only when listed) */
  sshAuth?: SshAuthMethod[];
  /** OpenSSH public key lines accepted for `publickey`. */
  authorizedKeys?: string[];
  /** Ask the device's own login again after SSH authentication. default: the profile's (false) */
  loginAfterSshAuth?: boolean;
  /** Own listening ports; a device without any is reachable on the fleet's shared ports only. */
  ports?: { ssh?: number; telnet?: number; ws?: number };
  faults?: FaultSpec;
  /** More VirtualDeviceOptions over the profile's (extra commands, another banner). */
  overrides?: VirtualDeviceOptions;
}

/** How a server opens a session. */
export interface OpenRequest {
  readonly host: string;
  readonly port: number;
  readonly clock: Clock;
  readonly terminal: TerminalInfo;
  /** Set by the SSH server: the user it authenticated, and the command of an `exec` request. */
  readonly ssh?: { readonly user: string; readonly exec?: string };
  /** Set by a shared-port gateway that already read the user name. */
  readonly presetUsername?: string;
}

export interface OpenedSession {
  readonly link: SimLink;
  readonly peer: PeerSession;
}

export class SimDevice {
  readonly profile: DeviceProfile;
  readonly username: string;
  readonly password: string;
  readonly enablePassword: string | null;
  readonly loginStyle: LoginStyle | undefined;
  readonly sshAuth: readonly SshAuthMethod[];
  readonly authorizedKeys: readonly string[];
  readonly loginAfterSshAuth: boolean;
  readonly faults: Faults;
  /** Sessions admitted so far (refuseAfter counts these). */
  sessionsServed = 0;
  private device: VirtualDevice | undefined;

  constructor(
    readonly index: number,
    readonly spec: SimDeviceSpec,
  ) {
    this.profile = getProfile(spec.profile);
    this.username = spec.username ?? 'admin';
    this.password = spec.password ?? 'admin';
    this.enablePassword = spec.enablePassword === undefined ? 'enable' : spec.enablePassword;
    this.loginStyle = spec.loginStyle;
    this.sshAuth = spec.sshAuth ?? ['password', 'keyboard-interactive', 'publickey'];
    for (const m of this.sshAuth) {
      if (!SSH_AUTH_METHODS.includes(m)) throw new TypeError(`unknown SSH auth method "${m}"; known: ${SSH_AUTH_METHODS.join(', ')}.`);
    }
    this.authorizedKeys = spec.authorizedKeys ?? [];
    this.faults = resolveFaults(spec.faults);
    this.loginAfterSshAuth = this.faults.loginLoop || (spec.loginAfterSshAuth ?? this.profile.loginAfterSshAuth ?? false);
  }

  get name(): string {
    return this.spec.name;
  }

  /** True when refuseAfter sessions were served. */
  get refusing(): boolean {
    return this.sessionsServed >= this.faults.refuseAfter;
  }

  /** Counts a new session; false when the device refuses it. */
  admit(): boolean {
    if (this.refusing) return false;
    this.sessionsServed++;
    return true;
  }

  /** Opens a session of this device on `sink`; the caller feeds the client's bytes to `peer`. */
  open(sink: ByteSink, req: OpenRequest): OpenedSession {
    const f = this.faults;
    const link = new SimLink(req.host, req.port, req.clock, req.terminal, sink, { drip: f.drip });
    if (f.consoleBanner !== undefined) link.send(Buffer.from(f.consoleBanner, 'latin1'));
    if (f.garbage) link.send(lineNoise(f.garbage.bytes, this.index + 1));
    // A hung device or a line of noise: input is swallowed, nothing more is said.
    if (f.hang || f.garbage?.only) return { link, peer: { receive: () => undefined, clientClosed: () => link.detach() } };
    const options: SessionOptions = {};
    if (req.ssh && !this.loginAfterSshAuth) options.authenticatedUser = req.ssh.user;
    if (req.ssh?.exec !== undefined) {
      options.exec = req.ssh.exec;
      options.authenticatedUser = req.ssh.user;
    }
    if (req.presetUsername !== undefined) options.presetUsername = req.presetUsername;
    const drop = f.drop;
    if (drop) {
      let armed = false;
      options.onCommand = (line) => {
        if (armed || !line.includes(drop.command)) return;
        armed = true;
        link.cutAfterBytes(drop.afterBytes);
      };
    }
    const peer = this.virtualDevice().open(link, options);
    return {
      link,
      peer: {
        receive: (bytes) => peer.receive(bytes),
        resize: (columns, rows) => peer.resize?.(columns, rows),
        terminalType: (type) => peer.terminalType?.(type),
        clientClosed: () => {
          link.detach();
          peer.clientClosed();
        },
      },
    };
  }

  /** Built on first use: a fleet of thousands costs nothing per device until someone connects. */
  private virtualDevice(): VirtualDevice {
    if (this.device) return this.device;
    const options = this.profile.options({
      hostname: this.spec.name,
      username: this.username,
      password: this.password,
      enablePassword: this.enablePassword,
      ...(this.loginStyle !== undefined ? { loginStyle: this.loginStyle } : {}),
      ...(this.spec.overrides ? { overrides: this.spec.overrides } : {}),
    });
    options.recordSessions = false;
    if (this.faults.latency > 0) options.responseDelay = this.faults.latency;
    if (this.faults.loginLoop) options.login = loopingLogin(options.login);
    this.device = new VirtualDevice(options);
    return this.device;
  }
}

/** The profile's login dialogue, but no answer is ever right and it never gives up. */
function loopingLogin(login: LoginOptions | undefined): LoginOptions {
  const style = !login || login.style === 'none' ? 'username+password' : login.style;
  // Credentials nobody types: control characters the line reader never returns in a line.
  return { ...login, style, username: '\u0001', password: '\u0001', accounts: [], maxAttempts: Infinity };
}
