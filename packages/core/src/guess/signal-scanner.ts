// Finds which guess signals match a text that arrives in chunks, with the same
// result for any chunking and linear cost: each signal is searched only in new
// text plus a bounded overlap, and a match is final once MARGIN characters
// follow it (so a trailing \b or look-ahead cannot change its mind later). The
// overlap is per signal: as far as the signal can look (regexBounds), at most 4 KiB,
// and no further back than the line breaks one attempt can match allow.
import type { GuessSignal } from '../ports/driver.js';
import { regexBounds, startAfterBreaks } from './regex-reach.js';

/** Longest text one signal may match. */
export const SIGNAL_OVERLAP = 4096;
/** Characters that must follow a match before it is final. */
const MARGIN = 64;

interface CompiledSignal {
  readonly owner: number;
  readonly score: number;
  readonly re: RegExp;
  /** Anchored at the start of the text: only worth trying while the text start is kept. */
  readonly startAnchored: boolean;
  /** Old text searched again when new text comes: the longest stretch one match attempt examines. */
  readonly overlap: number;
  /** Line-break characters one attempt can match: it cannot start before the (breaks+1)-th last one. */
  readonly breaks: number;
  /** Absolute offset from which this signal still needs searching. */
  scanFrom: number;
  /** Absolute end offset of a final match, or -1. */
  confirmedAt: number;
  /** End offset of a match not yet final, as of the last feed, or -1. */
  openAt: number;
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

export class SignalScanner {
  private readonly signals: CompiledSignal[];
  private tail = '';
  private tailStart = 0;
  private total = 0;
  private _version = 0;

  /** `groups[i]` are the signals of owner i (a driver index). */
  constructor(groups: readonly (readonly GuessSignal[])[]) {
    this.signals = [];
    groups.forEach((signals, owner) => {
      for (const s of signals) {
        const { re, startAnchored } = compileSignal(s.match);
        const bounds = regexBounds(re);
        const overlap = Math.min(SIGNAL_OVERLAP, bounds.reach);
        this.signals.push({ owner, score: s.score, re, startAnchored, overlap, breaks: bounds.breaks, scanFrom: 0, confirmedAt: -1, openAt: -1 });
      }
    });
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
    return this.signals.every((s) => s.confirmedAt >= 0 || (s.startAnchored && this.tailStart > 0));
  }

  /** Highest score a signal not yet final could still add. */
  get openMaxScore(): number {
    let max = -Infinity;
    for (const s of this.signals) if (s.confirmedAt < 0 && !(s.startAnchored && this.tailStart > 0)) max = Math.max(max, s.score);
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
    for (const s of this.signals) {
      if (s.confirmedAt >= 0) continue;
      if (s.startAnchored && this.tailStart > 0) continue;
      this.search(s, lineBound);
    }
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
    for (const s of this.signals) {
      if (s.confirmedAt >= 0) out.push({ owner: s.owner, score: s.score, at: s.confirmedAt, final: true });
      else if (s.openAt >= 0 && !(s.startAnchored && this.tailStart > 0)) out.push({ owner: s.owner, score: s.score, at: s.openAt, final: false });
    }
    return out;
  }

  private find(s: CompiledSignal): number | undefined {
    const from = Math.max(0, s.scanFrom - this.tailStart);
    s.re.lastIndex = from;
    const m = s.re.exec(this.tail);
    return m ? this.tailStart + m.index + m[0].length : undefined;
  }

  /** `lineBound(breaks)`: the earliest absolute start of an attempt that new text can still complete. */
  private search(s: CompiledSignal, lineBound: (breaks: number) => number): void {
    const at = this.find(s);
    const wasOpen = s.openAt;
    s.openAt = -1;
    if (at !== undefined) {
      if (at <= this.total - MARGIN) s.confirmedAt = at;
      else s.openAt = at; // search again from the same place next time
      this._version++;
      return;
    }
    if (wasOpen >= 0) this._version++;
    s.scanFrom = Math.max(s.scanFrom, this.total - s.overlap, lineBound(s.breaks));
  }
}
