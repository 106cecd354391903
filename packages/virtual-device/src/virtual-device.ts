// VirtualDevice: a scripted network CLI that a link (DummyTransport, a simulator server) connects to.
// Options describe the device (prompts, login, commands, pager); each
// connection gets its own DeviceSession with fresh mode and pager state.
import { authorizeHandler } from './authorize.js';
import { CommandIndex } from './command-table.js';
import { DeviceSession, type DeviceSessionState } from './device-session.js';
import type { DeviceLink, PeerSession, VirtualPeer } from './peer.js';
import { resolveOptions, type ResolvedDevice } from './resolve-options.js';
import type { CommandResponse, SessionOptions, VirtualDeviceOptions } from './types.js';

export class VirtualDevice implements VirtualPeer {
  readonly options: Readonly<VirtualDeviceOptions>;
  readonly remoteVersion: string | undefined;
  readonly protocolBanner: string | undefined;
  readonly connectDelay: number | undefined;
  private readonly resolved: ResolvedDevice;
  private readonly global: CommandIndex;
  private readonly byMode = new Map<string, CommandIndex>();
  private readonly enableIndex: CommandIndex | undefined;
  private readonly enableModes: ReadonlySet<string>;
  private readonly exitIndex: CommandIndex;
  private readonly _sessions: DeviceSession[] = [];
  /** Tables per mode, in search order; rebuilt after addCommand(). */
  private readonly tableCache = new Map<string, CommandIndex[]>();

  constructor(options: VirtualDeviceOptions = {}) {
    this.options = options;
    this.resolved = resolveOptions(options);
    this.remoteVersion = options.remoteVersion;
    this.protocolBanner = options.protocolBanner;
    this.connectDelay = options.connectDelay;
    this.global = new CommandIndex(options.commands);
    for (const [mode, table] of Object.entries(options.modeCommands ?? {})) this.byMode.set(mode, new CommandIndex(table));
    if (options.enable) {
      const e = options.enable;
      this.enableIndex = new CommandIndex([[e.command ?? 'enable', authorizeHandler(e)]]);
      this.enableModes = new Set([...(e.fromModes ?? ['user']), e.toMode ?? 'enable']);
    } else {
      this.enableIndex = undefined;
      this.enableModes = new Set();
    }
    const hangUp: CommandResponse = (ctx) => {
      ctx.close();
    };
    this.exitIndex = new CommandIndex(this.resolved.exitCommands.map((c) => [c, hangUp] as const));
  }

  get hostname(): string {
    return this.resolved.hostname;
  }

  /** Device-side state of every connection so far, oldest first (for tests). */
  get sessions(): readonly DeviceSessionState[] {
    return this._sessions;
  }

  /** Adds a command after construction; `mode` limits it to one mode (tried before the global table). */
  addCommand(command: string | RegExp, response: CommandResponse, opts: { mode?: string } = {}): this {
    this.tableCache.clear();
    if (opts.mode === undefined) {
      this.global.addCommand(command, response);
    } else {
      let index = this.byMode.get(opts.mode);
      if (!index) {
        index = new CommandIndex();
        this.byMode.set(opts.mode, index);
      }
      index.addCommand(command, response);
    }
    return this;
  }

  open(link: DeviceLink, options: SessionOptions = {}): PeerSession {
    const session = new DeviceSession(this.resolved, (mode) => this.tablesFor(mode), link, options);
    if (this.resolved.recordSessions) this._sessions.push(session);
    session.start();
    return session;
  }

  private tablesFor(mode: string): CommandIndex[] {
    const cached = this.tableCache.get(mode);
    if (cached) return cached;
    const tables: CommandIndex[] = [];
    const m = this.byMode.get(mode);
    if (m) tables.push(m);
    if (this.enableIndex && this.enableModes.has(mode)) tables.push(this.enableIndex);
    tables.push(this.global, this.exitIndex);
    this.tableCache.set(mode, tables);
    return tables;
  }
}
