// The demo's lab: simulated devices of every OS the simulator knows, over SSH,
// Telnet and a WebSocket console, with several login styles and a few faulty
// devices; what each should do when `netx run` visits it.
import type { SimDeviceSpec } from '@netx/device-sim';
import { profiles } from '@netx/virtual-device';

export type Over = 'ssh' | 'telnet' | 'ws-serial';

/** What one device of the lab should give back. */
export type Expectation =
  | { readonly ok: true; readonly drivers: readonly string[]; readonly contains: string }
  | { readonly ok: false; readonly code: string; readonly why: string };

export interface DemoDevice {
  readonly name: string;
  readonly profile: string;
  readonly over: Over;
  /** How the session logs in, for the table. */
  readonly login: string;
  /** The command `netx run` sends (one run per distinct command). */
  readonly command: string;
  /** Simulator settings besides name, profile and ports. */
  readonly sim?: Omit<SimDeviceSpec, 'name' | 'profile' | 'ports'>;
  /** netx driver given in the inventory (else netx guesses the OS). */
  readonly driver?: string;
  /** Per-host wait limit in ms (the hanging device's, so the demo stays short). */
  readonly timeout?: number;
  /** The device logs in with the demo's SSH key instead of a password. */
  readonly publicKey?: boolean;
  readonly expect: Expectation;
}

/** What each OS is asked, and what its answer contains. */
interface OsCase {
  readonly command: string;
  /** Drivers that fit (the guesser may pick either of two drivers of one family). */
  readonly drivers: readonly string[];
  readonly contains: string;
}

const OS: Readonly<Record<string, OsCase>> = {
  ios: { command: 'show version', drivers: ['ios'], contains: 'Cisco IOS Software' },
  ios_xe: { command: 'show version', drivers: ['ios_xe', 'ios'], contains: 'IOS-XE' },
  junos: { command: 'show version', drivers: ['junos'], contains: 'Junos:' },
  nxos: { command: 'show version', drivers: ['nxos'], contains: 'NX-OS' },
  ios_xr: { command: 'show version', drivers: ['ios_xr'], contains: 'Cisco IOS XR Software' },
  eos: { command: 'show version', drivers: ['eos'], contains: 'Arista' },
  vrp: { command: 'display version', drivers: ['vrp'], contains: 'Huawei Versatile Routing Platform' },
  routeros: { command: '/system resource print', drivers: ['routeros'], contains: 'uptime:' },
  fortios: { command: 'get system status', drivers: ['fortinet', 'fortios'], contains: 'FortiGate' },
  panos: { command: 'show interface management', drivers: ['panos'], contains: 'Name: Management Interface' },
  linux: { command: 'ip address show', drivers: ['linux', 'shell'], contains: 'inet 127.0.0.1' },
};

const ok = (profile: string): Expectation => ({ ok: true, drivers: OS[profile]!.drivers, contains: OS[profile]!.contains });
const fails = (code: string, why: string): Expectation => ({ ok: false, code, why });

type Entry = Omit<DemoDevice, 'command' | 'expect'> & { expect?: Expectation };

const ENTRIES: readonly Entry[] = [
  { name: 'ios-1', profile: 'ios', over: 'ssh', login: 'SSH password' },
  { name: 'ios-2', profile: 'ios', over: 'ssh', login: 'SSH keyboard-interactive', sim: { sshAuth: ['keyboard-interactive'] } },
  { name: 'ios-3', profile: 'ios', over: 'ssh', login: 'SSH public key', publicKey: true, sim: { sshAuth: ['publickey'] } },
  { name: 'ios-4', profile: 'ios', over: 'telnet', login: 'username + password' },
  { name: 'ios-5', profile: 'ios', over: 'telnet', login: 'password only', sim: { loginStyle: 'password' } },
  { name: 'ios-6', profile: 'ios', over: 'telnet', login: 'S/Key challenge', sim: { loginStyle: 'skey' } },
  { name: 'console-1', profile: 'ios', over: 'ws-serial', login: 'ttyd console, banner', sim: { faults: { consoleBanner: true } } },
  { name: 'slow-1', profile: 'ios', over: 'ssh', login: 'SSH password, 300 ms per reply', sim: { faults: { latency: 300 } } },
  { name: 'xe-1', profile: 'ios_xe', over: 'ssh', login: 'SSH password' },
  { name: 'junos-1', profile: 'junos', over: 'ssh', login: 'SSH password' },
  { name: 'junos-2', profile: 'junos', over: 'telnet', login: 'username + password' },
  { name: 'nxos-1', profile: 'nxos', over: 'ssh', login: 'SSH password' },
  { name: 'xr-1', profile: 'ios_xr', over: 'telnet', login: 'username + password' },
  // Arista's prompt alone is not enough for the OS guesser yet: the inventory names the driver.
  { name: 'eos-1', profile: 'eos', over: 'ssh', login: 'SSH password', driver: 'eos' },
  { name: 'vrp-1', profile: 'vrp', over: 'telnet', login: 'username + password' },
  { name: 'routeros-1', profile: 'routeros', over: 'ssh', login: 'SSH password' },
  { name: 'fortios-1', profile: 'fortios', over: 'ssh', login: 'SSH password' },
  { name: 'panos-1', profile: 'panos', over: 'ssh', login: 'SSH password' },
  { name: 'linux-1', profile: 'linux', over: 'telnet', login: 'getty login + password' },
  // The deliberately faulty ones.
  {
    name: 'hang-1',
    profile: 'ios',
    over: 'ssh',
    login: 'SSH password, then silence',
    timeout: 2_000,
    sim: { faults: { hang: true } },
    expect: fails('NETX_TIMEOUT', 'never shows a prompt'),
  },
  {
    name: 'drop-1',
    profile: 'junos',
    over: 'telnet',
    login: 'username + password',
    sim: { faults: { dropMidCommand: { command: 'show version', afterBytes: 200 } } },
    expect: fails('NETX_CONNECTION', 'cuts the line mid-command'),
  },
  {
    name: 'refused-1',
    profile: 'ios',
    over: 'ssh',
    login: 'SSH password',
    sim: { faults: { refuseAfter: 0 } },
    expect: fails('NETX_CONNECTION', 'refuses connections'),
  },
  {
    name: 'loop-1',
    profile: 'ios',
    over: 'telnet',
    login: 'username + password',
    sim: { faults: { loginLoop: true } },
    expect: fails('NETX_LOGIN_FAILED', 'never accepts the login'),
  },
];

/** The lab: every entry whose OS profile the installed simulator has. */
export function demoDevices(): DemoDevice[] {
  return ENTRIES.filter((e) => profiles.has(e.profile)).map((e) => ({ ...e, command: OS[e.profile]!.command, expect: e.expect ?? ok(e.profile) }));
}

/** Profiles the simulator has that the lab does not visit (named in the demo's output). */
export function profilesNotInLab(): string[] {
  return [...profiles.keys()].filter((p) => !OS[p]).sort();
}
