// A fleet: many SimDevices served from one process, each on its own ports and/or
// behind shared ports where the user name (`admin@r17`, `admin@17`, or a login
// listed in the index file) or the URL picks the device. start() opens every listener or none; close() ends all.
import type { Server } from 'node:net';
import { systemClock, type Clock } from '@netx/core';
import { describeFaults } from './faults.js';
import { generateHostKey, loadOrCreateHostKey, type HostKey } from './host-key.js';
import { indexFromMap, readIndexFile, type IndexMap } from './index-file.js';
import { Listeners } from './listeners.js';
import { SimDevice, type SimDeviceSpec } from './sim-device.js';
import { SshService, type Target } from './ssh-service.js';
import { TelnetService } from './telnet-service.js';
import { WsService } from './ws-service.js';
import { SimConfigError } from './errors.js';

export type SimProtocol = 'ssh' | 'telnet' | 'ws';
export const SIM_PROTOCOLS: readonly SimProtocol[] = ['ssh', 'telnet', 'ws'];

export interface FleetOptions {
  devices: SimDeviceSpec[];
  /** Address every listener binds. default '127.0.0.1' */
  host?: string;
  /** Shared ports: one port, many devices (0 picks a free port). */
  shared?: Partial<Record<SimProtocol, number>>;
  /** The index of the shared ports: login names that reach a device without `@device` (see index-file.ts). */
  indexFile?: string;
  /** The same in code, added after the file's: login -> device name, or { device, user }. */
  index?: IndexMap;
  /** The fleet's SSH host key file (generated when missing). Without it and without hostKey, a key is made in memory. */
  hostKeyFile?: string;
  hostKey?: HostKey;
  /** Every fault delay runs on it. default systemClock */
  clock?: Clock;
  /** Debug lines (never passwords). */
  log?: (line: string) => void;
}

/** One line of the table netx-sim prints. */
export interface FleetRow {
  readonly index: number;
  readonly name: string;
  readonly profile: string;
  readonly username: string;
  readonly password: string;
  readonly enablePassword: string | null;
  readonly ssh: number | undefined;
  readonly telnet: number | undefined;
  readonly ws: number | undefined;
  readonly login: string;
  readonly faults: string;
}

export class Fleet {
  readonly devices: readonly SimDevice[];
  readonly host: string;
  readonly hostKey: HostKey;
  readonly clock: Clock;
  /** Bound ports per device index (after start), and of the shared listeners. */
  readonly ports = new Map<number, Partial<Record<SimProtocol, number>>>();
  readonly sharedPorts: Partial<Record<SimProtocol, number>> = {};
  private readonly byName = new Map<string, SimDevice>();
  private readonly byLogin = new Map<string, { device: SimDevice; user: string | undefined }>();
  private readonly listeners = new Listeners();
  private readonly ssh: SshService;
  private readonly telnet: TelnetService;
  private readonly ws: WsService;
  private closed = false;

  private constructor(private readonly options: FleetOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.clock = options.clock ?? systemClock;
    this.devices = options.devices.map((spec, i) => {
      try {
        return new SimDevice(i, spec);
      } catch (err) {
        throw new SimConfigError(`device "${spec.name}": ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    for (const d of this.devices) {
      if (this.byName.has(d.name)) throw new SimConfigError(`two devices are named "${d.name}"; names pick devices on shared ports, so they must differ.`);
      this.byName.set(d.name, d);
    }
    const entries = [...(options.indexFile !== undefined ? readIndexFile(options.indexFile) : []), ...indexFromMap(options.index ?? {})];
    for (const e of entries) {
      const device = this.device(e.device);
      const where = { file: e.file ?? '<index>', line: e.line };
      if (!device) throw new SimConfigError(`the login "${e.login}" points to "${e.device}", which is no device of this fleet (names, or indexes 0-${this.devices.length - 1}).`, where);
      if (this.byLogin.has(e.login)) throw new SimConfigError(`the login "${e.login}" is given twice; each login reaches one device.`, where);
      this.byLogin.set(e.login, { device, user: e.user });
    }
    this.hostKey = options.hostKey ?? (options.hostKeyFile !== undefined ? loadOrCreateHostKey(options.hostKeyFile) : generateHostKey());
    const log = options.log;
    this.ssh = new SshService({ clock: this.clock, hostKey: this.hostKey, changedHostKey: generateHostKey('netx-sim changed'), ...(log ? { log } : {}) });
    this.telnet = new TelnetService({ clock: this.clock });
    this.ws = new WsService({ clock: this.clock });
  }

  /** Builds the devices and opens every listener; on any failure nothing is left listening. */
  static async start(options: FleetOptions): Promise<Fleet> {
    const fleet = new Fleet(options);
    try {
      await fleet.listen();
    } catch (err) {
      await fleet.close();
      throw err;
    }
    return fleet;
  }

  /** A device by name, or by index (`17`, `#17`). */
  device(nameOrIndex: string | number): SimDevice | undefined {
    if (typeof nameOrIndex === 'number') return this.devices[nameOrIndex];
    const named = this.byName.get(nameOrIndex);
    if (named) return named;
    const m = /^#?(\d+)$/.exec(nameOrIndex);
    return m ? this.devices[Number(m[1])] : undefined;
  }

  /**
   * The login typed at a shared port: an index entry (`alice`), or `user@device` where the
   * device part is a name, an index or an index login. Gives the device and the user it authenticates.
   */
  resolveUser(login: string): { device: SimDevice; user: string } | undefined {
    const listed = this.byLogin.get(login);
    if (listed) return { device: listed.device, user: listed.user ?? listed.device.username };
    const at = login.lastIndexOf('@');
    if (at < 0) return undefined;
    const part = login.slice(at + 1);
    const device = this.device(part) ?? this.byLogin.get(part)?.device;
    return device ? { device, user: login.slice(0, at) } : undefined;
  }

  /** The index's logins (file and code) and the device name each reaches. */
  get indexLogins(): ReadonlyArray<readonly [login: string, device: string]> {
    return [...this.byLogin].map(([login, to]) => [login, to.device.name] as const);
  }

  /** What the fleet serves, one row per device. */
  table(): FleetRow[] {
    return this.devices.map((d) => {
      const p = this.ports.get(d.index) ?? {};
      return {
        index: d.index,
        name: d.name,
        profile: d.profile.name,
        username: d.username,
        password: d.password,
        enablePassword: d.enablePassword,
        ssh: p.ssh,
        telnet: p.telnet,
        ws: p.ws,
        login: `${d.loginStyle ?? 'profile'}; ssh ${d.sshAuth.join('/')}${d.loginAfterSshAuth ? ' + device login' : ''}`,
        faults: describeFaults(d.faults),
      };
    });
  }

  /** Open client connections right now. */
  get connections(): number {
    return this.listeners.connections;
  }

  /** Closes every listener and session. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ws.close();
    await this.listeners.closeAll();
  }

  private async listen(): Promise<void> {
    const shared: Target = { shared: (login) => this.resolveUser(login) };
    for (const d of this.devices) {
      const own = d.spec.ports ?? {};
      const bound: Partial<Record<SimProtocol, number>> = {};
      const target: Target = { device: d };
      for (const proto of SIM_PROTOCOLS) {
        const port = own[proto];
        if (port === undefined) continue;
        bound[proto] = await this.open(proto, port, target, d);
      }
      this.ports.set(d.index, bound);
    }
    for (const proto of SIM_PROTOCOLS) {
      const port = this.options.shared?.[proto];
      if (port !== undefined) this.sharedPorts[proto] = await this.open(proto, port, shared, undefined);
    }
  }

  private async open(proto: SimProtocol, port: number, target: Target, device: SimDevice | undefined): Promise<number> {
    // A device that has served refuseAfter sessions stops listening: new connections are refused.
    const admit = (server: Server): boolean => {
      if (!device) return true;
      const ok = device.admit();
      if (device.refusing) this.listeners.stop(server);
      return ok;
    };
    let bound = port;
    if (proto === 'ws') {
      ({ port: bound } = await this.listeners.http(this.host, port, (req, socket, head, server) => {
        if (!admit(server)) return void socket.destroy();
        this.ws.upgrade(req, socket, head, target, bound);
      }));
    } else {
      const service = proto === 'ssh' ? this.ssh : this.telnet;
      ({ port: bound } = await this.listeners.tcp(this.host, port, (socket, server) => {
        if (!admit(server)) return void socket.destroy();
        service.accept(socket, target, bound);
      }));
    }
    return bound;
  }
}
