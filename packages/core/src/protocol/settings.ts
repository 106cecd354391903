// The options after defaults and checks: the constructor fails on nonsense (a
// negative timeout, maxLoginAttempts 0, a stdout that is not a function), not the
// first call that happens to read it.
import type { DebugLevel } from '../ports/transport.js';
import { DEFAULTS, type ProtocolOptions } from './options.js';

export interface Settings {
  readonly timeout: number;
  readonly connectTimeout: number;
  readonly deadline: number;
  readonly settleTime: number;
  readonly bannerTimeout: number;
  readonly termType: string;
  readonly columns: number;
  readonly rows: number;
  readonly verifyFingerprint: boolean;
  readonly encoding: string;
  readonly debug: DebugLevel;
  readonly maxBufferSize: number;
  readonly maxLoginAttempts: number;
  readonly maxPages: number;
}

export function resolveSettings(o: ProtocolOptions): Settings {
  checkShapes(o);
  const debug = o.debug ?? DEFAULTS.debug;
  if (!Number.isInteger(debug) || debug < 0 || debug > 5) throw new RangeError(`debug must be an integer from 0 (silent) to 5 (every byte), got ${String(debug)}.`);
  return {
    timeout: checkMs('timeout', o.timeout ?? DEFAULTS.timeout),
    connectTimeout: checkMs('connectTimeout', o.connectTimeout ?? DEFAULTS.connectTimeout),
    deadline: checkMs('deadline', o.deadline ?? DEFAULTS.deadline),
    settleTime: checkMs('settleTime', o.settleTime ?? DEFAULTS.settleTime),
    bannerTimeout: checkMs('bannerTimeout', o.bannerTimeout ?? DEFAULTS.bannerTimeout),
    termType: nonEmpty('termType', o.termType ?? DEFAULTS.termType),
    columns: positiveInt('columns', o.columns ?? DEFAULTS.columns),
    rows: positiveInt('rows', o.rows ?? DEFAULTS.rows),
    verifyFingerprint: boolean('verifyFingerprint', o.verifyFingerprint ?? DEFAULTS.verifyFingerprint),
    encoding: nonEmpty('encoding', o.encoding ?? DEFAULTS.encoding),
    debug,
    maxBufferSize: positiveInt('maxBufferSize', o.maxBufferSize ?? DEFAULTS.maxBufferSize),
    maxLoginAttempts: positiveInt('maxLoginAttempts', o.maxLoginAttempts ?? DEFAULTS.maxLoginAttempts),
    maxPages: positiveInt('maxPages', o.maxPages ?? DEFAULTS.maxPages),
  };
}

/** Callbacks, ports and the like: the right kind of thing, or a TypeError naming the option. */
function checkShapes(o: ProtocolOptions): void {
  for (const name of ['stdout', 'stderr'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'function') throw new TypeError(`${name} must be a function that takes a string.`);
  }
  if (o.logfile !== undefined) nonEmpty('logfile', o.logfile);
  if (o.logfile !== undefined && o.logSink !== undefined) throw new TypeError('Give logfile or logSink, not both.');
  if (o.logSink !== undefined && !hasMethods(o.logSink, 'open', 'write', 'close')) throw new TypeError('logSink must be a LogSink (open, write, close).');
  if (o.clock !== undefined && !hasMethods(o.clock, 'now', 'setTimeout', 'clearTimeout')) throw new TypeError('clock must be a Clock (now, setTimeout, clearTimeout).');
  if (o.accountFactory !== undefined && !hasMethods(o.accountFactory, 'create')) throw new TypeError('accountFactory must have a create(context) method.');
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal (new AbortController().signal).');
  if (o.drivers !== undefined && (o.drivers === null || typeof (o.drivers as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function')) {
    throw new TypeError('drivers must be an iterable of drivers (an array such as allDrivers).');
  }
}

export function checkMs(name: string, ms: number): number {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) throw new RangeError(`${name} must be a number of milliseconds >= 0 (0 = no limit).`);
  return ms;
}

function positiveInt(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${String(n)}.`);
  return n;
}

function nonEmpty(name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${name} must be a non-empty string.`);
  return value;
}

function boolean(name: string, value: boolean): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be true or false.`);
  return value;
}

function hasMethods(value: object, ...names: string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}
