// The compiled OS-guess signals of one driver set. Compiling (a RegExp per signal
// plus the bounds of how far it can look) is what setting up a guesser costs, and
// it depends on the drivers only: one model serves every guesser of the same set,
// so a fleet of sessions pays for it once, not once per connection.
import type { Driver, GuessSignal } from '../ports/driver.js';
import { compileGuessSignal, type CompiledSignal } from './signal-scanner.js';

/** A protocol-greeting signal (SSH identification string): a plain test, no scanning. */
export interface ProtocolSignal {
  readonly owner: number;
  readonly score: number;
  test(text: string): boolean;
}

export class GuessModel {
  private constructor(
    /** The drivers that can be guessed (generic excluded); signal owners index this list. */
    readonly drivers: readonly Driver[],
    readonly head: readonly CompiledSignal[],
    readonly response: readonly CompiledSignal[],
    readonly protocol: readonly ProtocolSignal[],
  ) {
    this.anywhere = [...head, ...response];
  }

  /** Head and response signals together (evidence since a point of the login, DialogueFacts). */
  readonly anywhere: readonly CompiledSignal[];

  /** The model of `drivers`, compiled on first use and reused while the list holds the same drivers. */
  static of(drivers: readonly Driver[]): GuessModel {
    const hit = cache.get(drivers);
    if (hit && sameDrivers(hit.source, drivers)) return hit.model;
    const model = GuessModel.compile(drivers);
    cache.set(drivers, { source: [...drivers], model });
    return model;
  }

  private static compile(all: readonly Driver[]): GuessModel {
    const drivers = all.filter((d) => d.name !== 'generic');
    const group = (pick: (d: Driver) => readonly GuessSignal[]) =>
      drivers.flatMap((d, owner) => pick(d).map((s) => compileGuessSignal(s, owner)));
    const protocol = drivers.flatMap((d, owner) => d.guess.protocol.map((s) => ({ owner, score: s.score, test: protocolTest(s.match) })));
    return new GuessModel(drivers, group((d) => d.guess.head), group((d) => d.guess.response), protocol);
  }
}

/** Keyed by the list the caller passed; the copy tells whether the list changed since. */
const cache = new WeakMap<readonly Driver[], { source: readonly Driver[]; model: GuessModel }>();

/** The same drivers in the same order (a cached model or set is still valid). */
export function sameDrivers(a: readonly Driver[], b: readonly Driver[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function protocolTest(match: RegExp | string): (text: string) => boolean {
  if (typeof match === 'string') return (text) => text.includes(match);
  const re = /[gy]/.test(match.flags) ? new RegExp(match.source, match.flags.replace(/[gy]/g, '')) : match;
  return (text) => re.test(text);
}
