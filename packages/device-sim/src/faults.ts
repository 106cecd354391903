// Scripted faults of one simulated device: what goes wrong, and how each one
// ends a session. Every delay runs on the fleet's Clock.

/** What a device does wrong. All optional; none by default. */
export interface FaultSpec {
  /** ms before the server sends its first byte (SSH: the identification string). */
  slowFirstByte?: number;
  /** ms before each command's output. */
  latency?: number;
  /** ms between output bytes: everything the device says is sent one byte at a time. */
  drip?: number;
  /** The connection is cut (no clean close) after `afterBytes` of output of the first command containing `command`. */
  dropMidCommand?: true | { command?: string; afterBytes?: number };
  /** The connection is accepted and authenticated (SSH), but the device never says anything. */
  hang?: boolean;
  /** Line noise before the device's first byte; with `only`, noise and never a prompt. */
  garbage?: number | { bytes?: number; only?: boolean };
  /** The device asks for its login again and again, whatever the answer (over SSH too). */
  loginLoop?: boolean;
  /** A console server's banner before the device's own output (`true`: a Cisco-like one). */
  consoleBanner?: string | true;
  /** SSH: this device presents another host key than the fleet's (own port only). */
  changedHostKey?: boolean;
  /** Sessions accepted before connections are refused (own port: the listener closes). */
  refuseAfter?: number;
}

/** FaultSpec checked and with defaults filled in. */
export interface Faults {
  readonly slowFirstByte: number;
  readonly latency: number;
  readonly drip: number;
  readonly drop: { readonly command: string; readonly afterBytes: number } | undefined;
  readonly hang: boolean;
  readonly garbage: { readonly bytes: number; readonly only: boolean } | undefined;
  readonly loginLoop: boolean;
  readonly consoleBanner: string | undefined;
  readonly changedHostKey: boolean;
  readonly refuseAfter: number;
}

export const FAULT_NAMES: readonly (keyof FaultSpec)[] = [
  'slowFirstByte',
  'latency',
  'drip',
  'dropMidCommand',
  'hang',
  'garbage',
  'loginLoop',
  'consoleBanner',
  'changedHostKey',
  'refuseAfter',
];

const DEFAULT_CONSOLE_BANNER = '\r\nTrying 10.0.0.1...\r\nConnected to console-server port 7017.\r\nEscape character is \'^]\'.\r\n\r\n';

function ms(name: string, v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new TypeError(`fault ${name} must be a number of milliseconds >= 0, got ${JSON.stringify(v)}.`);
  return v;
}

function count(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new TypeError(`fault ${name} must be a whole number >= 0, got ${JSON.stringify(v)}.`);
  return v;
}

function flag(name: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new TypeError(`fault ${name} must be true or false, got ${JSON.stringify(v)}.`);
  return v;
}

/** Checks a FaultSpec (from a fleet file: anything) and fills in defaults; throws TypeError naming the fault. */
export function resolveFaults(spec: FaultSpec | undefined): Faults {
  const s = (spec ?? {}) as Record<string, unknown>;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new TypeError('faults must be a mapping of fault names to settings.');
  for (const key of Object.keys(s)) {
    if (!FAULT_NAMES.includes(key as keyof FaultSpec)) throw new TypeError(`unknown fault "${key}"; known faults: ${FAULT_NAMES.join(', ')}.`);
  }
  const d = s['dropMidCommand'];
  let drop: Faults['drop'];
  if (d === true) drop = { command: '', afterBytes: 100 };
  else if (typeof d === 'object' && d !== null) {
    const o = d as { command?: unknown; afterBytes?: unknown };
    if (o.command !== undefined && typeof o.command !== 'string') throw new TypeError('fault dropMidCommand.command must be text (a part of the command line).');
    drop = { command: o.command ?? '', afterBytes: count('dropMidCommand.afterBytes', o.afterBytes, 100) };
  } else if (d !== undefined && d !== false) throw new TypeError('fault dropMidCommand must be true or { command, afterBytes }.');
  const g = s['garbage'];
  let garbage: Faults['garbage'];
  if (typeof g === 'number') garbage = { bytes: count('garbage', g, 64), only: false };
  else if (typeof g === 'object' && g !== null) {
    const o = g as { bytes?: unknown; only?: unknown };
    garbage = { bytes: count('garbage.bytes', o.bytes, 64), only: flag('garbage.only', o.only) };
  } else if (g !== undefined) throw new TypeError('fault garbage must be a number of bytes or { bytes, only }.');
  const b = s['consoleBanner'];
  if (b !== undefined && b !== true && typeof b !== 'string') throw new TypeError('fault consoleBanner must be text or true.');
  return {
    slowFirstByte: ms('slowFirstByte', s['slowFirstByte']),
    latency: ms('latency', s['latency']),
    drip: ms('drip', s['drip']),
    drop,
    hang: flag('hang', s['hang']),
    garbage,
    loginLoop: flag('loginLoop', s['loginLoop']),
    consoleBanner: b === true ? DEFAULT_CONSOLE_BANNER : (b as string | undefined),
    changedHostKey: flag('changedHostKey', s['changedHostKey']),
    refuseAfter: count('refuseAfter', s['refuseAfter'], Infinity),
  };
}

/** Seeded line noise: control and high bytes, never CR or LF (so it never forms a prompt line). */
export function lineNoise(bytes: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    // xorshift32: deterministic, so a failing test shows the same bytes again.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    let b = x & 0xff;
    if (b === 10 || b === 13) b = 0x7f;
    out[i] = b;
  }
  return out;
}

/** A short, human-readable list of the faults that are on (for the fleet table). */
export function describeFaults(f: Faults): string {
  const on: string[] = [];
  if (f.slowFirstByte) on.push(`slowFirstByte ${f.slowFirstByte}ms`);
  if (f.latency) on.push(`latency ${f.latency}ms`);
  if (f.drip) on.push(`drip ${f.drip}ms`);
  if (f.drop) on.push(`drop after ${f.drop.afterBytes}B${f.drop.command ? ` of "${f.drop.command}"` : ''}`);
  if (f.hang) on.push('hang');
  if (f.garbage) on.push(`garbage ${f.garbage.bytes}B${f.garbage.only ? ' only' : ''}`);
  if (f.loginLoop) on.push('login loop');
  if (f.consoleBanner !== undefined) on.push('console banner');
  if (f.changedHostKey) on.push('changed host key');
  if (f.refuseAfter !== Infinity) on.push(`refuse after ${f.refuseAfter}`);
  return on.join(', ');
}
