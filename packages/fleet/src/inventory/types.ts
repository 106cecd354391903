// The shapes of an inventory: what files and code give (…Init), and the resolved Host.
import type { HostUrl } from '../url.js';
import type { SourceLocation } from '../errors.js';

/** Connection settings a host, its groups or the defaults may set. */
export interface HostOptions {
  /** Inactivity limit of every wait in ms (Protocol `timeout`). */
  timeout?: number;
  connectTimeout?: number;
  bannerTimeout?: number;
  /** Check SSH host keys (Protocol `verifyFingerprint`). */
  verifyFingerprint?: boolean;
  termType?: string;
  encoding?: string;
  /** Quiet ms before a prompt at the very end counts (serial consoles). */
  settleTime?: number;
  /** Path of an SSH private key for this host (must not be group/world readable). */
  keyFile?: string;
  /** Name of the account to ask the AccountFactory for (credentials files key on it). */
  account?: string;
  /** Free settings for the transport factory of this host's scheme (e.g. { legacyAlgorithms: true }). */
  transport?: Record<string, unknown>;
}

/** What defaults, a group or a host may say; host > groups in order > defaults. */
export interface EntityInit {
  /** Scheme for hosts given by hostname (ssh, telnet, ws-serial). */
  scheme?: string;
  port?: number;
  username?: string;
  driver?: string;
  groups?: readonly string[];
  options?: HostOptions;
  data?: Readonly<Record<string, unknown>>;
}

export interface HostInit extends EntityInit {
  /** ssh://user@host:port, telnet://host, ws-serial://host:port/path?framing=ttyd */
  url?: string;
  /** Instead of url: the address, with scheme/port/username from here, the groups or the defaults. */
  hostname?: string;
}

/** The data an inventory is built from (the shape of inventory.yaml / .json). */
export interface InventoryData {
  defaults?: EntityInit;
  groups?: Readonly<Record<string, EntityInit>>;
  /** By name; a string is a URL. */
  hosts: Readonly<Record<string, HostInit | string>>;
}

/** A host after inheritance. */
export interface Host {
  readonly name: string;
  readonly url: HostUrl;
  /** Fixed driver; undefined: the runner guesses it. */
  readonly driver?: string;
  /** Its groups and theirs, in the order they are consulted. */
  readonly groups: readonly string[];
  readonly options: Readonly<HostOptions>;
  readonly data: Readonly<Record<string, unknown>>;
  /** Where the host was defined, when it came from a file. */
  readonly source?: SourceLocation;
}

/** Maps a path in the inventory data (['hosts', 'r1', 'url']) to a place in its file. */
export type Locator = (path: readonly (string | number)[]) => SourceLocation | undefined;

export interface BuildOptions {
  /** Where problems are reported. */
  locate?: Locator;
  /** Accepted URL schemes (the runner's transports); unset: any. */
  schemes?: readonly string[];
  /** Accepted driver names; unset: any. */
  drivers?: readonly string[];
}
