// Finds which guess signals match a text that arrives in chunks, with the same
// result for any chunking and linear cost: each signal is searched only in new
// text plus a bounded overlap, and a match is final once MARGIN characters
// follow it (so a trailing \b or look-ahead cannot change its mind later). The
// overlap is per signal: as far as the signal can look (regexBounds), at most 4 KiB,
// and no further back than the line breaks one attempt can match allow.
import type { GuessSignal } from '../ports/driver.js';
import { regexBounds, startAfterBreaks } from '../regex/regex-reach.js';

/** Longest text one signal may match. */
export const SIGNAL_OVERLAP = 4096;
/** Characters that must follow a match before it is final. */
const MARGIN = 64;

/** One signal, compiled once per driver set and shared by every scanner of the set. */
export interface CompiledSignal {
  readonly owner: number;
  readonly score: number;
  readonly re: RegExp;
  /** Anchored at the start of the text: only worth trying while the text start is kept. */
  readonly startAnchored: boolean;
  /** Old text searched again when new text comes: the longest stretch one match attempt examines. */
  readonly overlap: number;
  /** Line-break characters one attempt can match: it cannot start before the (breaks+1)-th last one. */
  readonly breaks: number;
}

export interface SignalHit {
  readonly owner: number;
  readonly score: number;
  /** Absolute end offset of the match in the stream. */
  readonly at: number;
  /** False while more text could still undo the match. */
  readonly final: boolean;
}

/**
 * A signal matches "anywhere": a trailing `$` is dropped, so a prompt the device
 * printed at any point counts, whether or not more text followed in the same chunk.
 */
export function compileSignal(match: RegExp | string): { re: RegExp; startAnchored: boolean } {
  if (typeof match === 'string') {
    return { re: new RegExp(match.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g'), startAnchored: false };
  }
  let source = match.source;
  // Drop one unescaped trailing `$` (an even number of backslashes before it).
  const trailing = /(^|[^\\])((?:\\\\)*)\$$/.exec(source);
  if (trailing && !match.flags.includes('m')) source = source.slice(0, -1);
  const flags = match.flags.replace(/[gy]/g, '') + 'g';
  return { re: new RegExp(source, flags), startAnchored: source.startsWith('^') && !match.flags.includes('m') };
}

/** Compiles a signal of driver `owner` with its search bounds. */
export function compileGuessSignal(signal: GuessSignal, owner: number): CompiledSignal {
  const { re, startAnchored } = compileSignal(signal.match);
  const bounds = regexBounds(re);
  return { owner, score: signal.score, re, startAnchored, overlap: Math.min(SIGNAL_OVERLAP, bounds.reach), breaks: bounds.breaks };
}

/**
 * The search state of one stream over a shared list of compiled signals. The
 * compiled RegExps are shared too: each search sets `lastIndex` right before it
 * runs, so no state is carried in them between calls.
 */
export class SignalScanner {
  private readonly signals: readonly CompiledSignal[];
  /** Per-signal state, made on first use: a guesser that is never read costs nothing. */
  private st: ScanState | undefined;
  private tail = '';
  private tailStart = 0;
  private total = 0;
  private _version = 0;

  constructor(signals: readonly CompiledSignal[]) {
    this.signals = signals;
  }

  private get state(): ScanState {
    const n = this.signals.length;
    return (this.st ??= { scanFrom: new Array<number>(n).fill(0), confirmedAt: new Array<number>(n).fill(-1), openAt: new Array<number>(n).fill(-1) });
  }

  get length(): number {
    return this.total;
  }

  /** Changes whenever hits() would return something different (so callers may cache what they derive). */
  get version(): number {
    return this._version;
  }

  /** True when no signal can still change the result. */
  get done(): boolean {
    const st = this.state;
    for (let i = 0; i < this.signals.length; i++) if (this.isOpen(i, st)) return false;
    return true;
  }

  /** Highest score a signal not yet final could still add. */
  get openMaxScore(): number {
    let max = -Infinity;
    const st = this.state;
    for (let i = 0; i < this.signals.length; i++) if (this.isOpen(i, st)) max = Math.max(max, this.signals[i]!.score);
    return max;
  }

  /** Adds text; matches are read with hits(). */
  feed(text: string): void {
    if (text.length === 0) return;
    if (this.signals.length === 0) {
      this.total += text.length; // positions only; nothing to search
      return;
    }
    this.tail += text;
    this.total += text.length;
    // A start-anchored signal stops counting once the text start is cut away (hits() drops it).
    const startCut = this.tailStart > 0;
    // Per chunk, once per bound: an attempt holding at most k line breaks starts after the (k+1)-th last.
    const bounds = new Map<number, number>();
    const lineBound = (k: number): number => {
      let b = bounds.get(k);
      if (b === undefined) bounds.set(k, (b = this.tailStart + startAfterBreaks(this.tail, k)));
      return b;
    };
    const st = this.state;
    for (let i = 0; i < this.signals.length; i++) if (this.isOpen(i, st)) this.search(i, st, lineBound);
    // Keep only what a future match could still start in.
    const keep = SIGNAL_OVERLAP + MARGIN;
    if (this.tail.length > 2 * keep) {
      const cut = this.tail.length - keep;
      this.tail = this.tail.slice(cut);
      this.tailStart += cut;
      if (!startCut) this._version++;
    }
  }

  /** Final matches plus matches that are valid for the text seen so far (no searching: feed() keeps them). */
  hits(): SignalHit[] {
    const out: SignalHit[] = [];
    const { confirmedAt, openAt } = this.state;
    for (let i = 0; i < this.signals.length; i++) {
      const s = this.signals[i]!;
      if (confirmedAt[i]! >= 0) out.push({ owner: s.owner, score: s.score, at: confirmedAt[i]!, final: true });
      else if (openAt[i]! >= 0 && !(s.startAnchored && this.tailStart > 0)) out.push({ owner: s.owner, score: s.score, at: openAt[i]!, final: false });
    }
    return out;
  }

  /** Not final yet, and still able to match. */
  private isOpen(i: number, st: ScanState): boolean {
    return st.confirmedAt[i]! < 0 && !(this.signals[i]!.startAnchored && this.tailStart > 0);
  }

  private find(i: number, st: ScanState): number | undefined {
    const re = this.signals[i]!.re;
    re.lastIndex = Math.max(0, st.scanFrom[i]! - this.tailStart);
    const m = re.exec(this.tail);
    return m ? this.tailStart + m.index + m[0].length : undefined;
  }

  /** `lineBound(breaks)`: the earliest absolute start of an attempt that new text can still complete. */
  private search(i: number, st: ScanState, lineBound: (breaks: number) => number): void {
    const at = this.find(i, st);
    const wasOpen = st.openAt[i]!;
    st.openAt[i] = -1;
    if (at !== undefined) {
      if (at <= this.total - MARGIN) st.confirmedAt[i] = at;
      else st.openAt[i] = at; // search again from the same place next time
      this._version++;
      return;
    }
    if (wasOpen >= 0) this._version++;
    const s = this.signals[i]!;
    st.scanFrom[i] = Math.max(st.scanFrom[i]!, this.total - s.overlap, lineBound(s.breaks));
  }
}

interface ScanState {
  /** Per signal: absolute offset from which it still needs searching. */
  readonly scanFrom: number[];
  /** Per signal: absolute end offset of a final match, or -1. */
  readonly confirmedAt: number[];
  /** Per signal: end offset of a match not yet final, as of the last feed, or -1. */
  readonly openAt: number[];
}
