// Scores every known driver on what the device says and names the most likely OS.
// Exscript re-scans the whole head on every chunk and its answer depends on the
// chunking; here every signal is searched once (SignalScanner) and ties go to the
// signal that matched earliest in the stream, then to registration order. What the
// session saw of the last login dialogue (DialogueFacts: the questions answered,
// the prompt) ranks a driver it contradicts below every driver it does not.
import type { Driver } from '../ports/driver.js';
import { DialogueFacts, type QuestionKind } from './dialogue.js';
import { GuessModel } from './guess-model.js';
import { SignalScanner, type SignalHit } from './signal-scanner.js';

/** Scores at or above this make the guess certain: response scanning may stop. */
export const CERTAIN_SCORE = 80;
/**
 * Response signals are looked for in the first this-many characters of the stream
 * only: a device says what it is early, and a cut at a fixed offset keeps the answer
 * independent of chunking while a 100 MB output costs nothing extra.
 */
export const RESPONSE_SCAN_LIMIT = 1024 * 1024;
/** Received text is scanned when a guess is read or this much is waiting (scanning is chunking-independent). */
const PENDING_LIMIT = 64 * 1024;

interface RankedHit {
  owner: number;
  score: number;
  at: number;
  /**
   * 0; 1 when all its evidence came before a handover (superseded by whoever spoke
   * after it); 2 when the last dialogue contradicts it. A lower tier ranks first.
   */
  tier: number;
  /** Where its first and its last known signal ended (the scanners keep each signal's first hit). */
  first: number;
  latest: number;
}

/** Head hits of a login dialogue that ended (endHead), kept when a later one reopens the head. */
type Hits = readonly SignalHit[];

export interface GuessScore {
  readonly name: string;
  readonly score: number;
}

export class OsGuesser {
  private readonly model: GuessModel;
  private readonly drivers: readonly Driver[];
  private head: SignalScanner;
  /** Stream offset of the current head scanner's first character (a reopened head starts later). */
  private headBase = 0;
  /** Head hits of earlier dialogues, at stream offsets. */
  private earlierHeads: Hits = [];
  private readonly banner: SignalScanner;
  private readonly response: SignalScanner;
  /** Response scanning stopped for good (settled or at its limit): text after that is not fed, so offsets stay true. */
  private responseStopped = false;
  private readonly facts: DialogueFacts;
  /** Characters received (data()), scanned or not: the stream offset of the next text. */
  private received = 0;
  private protocolHits: SignalHit[] = [];
  /** ranked() for the current state, with the scanner versions it was derived from. */
  private cached: { all?: RankedHit[]; final?: RankedHit[] } = {};
  private cachedFor = '';
  private headOpen = true;
  /** Received text not scanned yet. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Nothing received from now on can change the guess (it only ever turns true). */
  private closed = false;

  /** `drivers`: the list to guess from (its compiled model is shared by every guesser of that list), or a model. */
  constructor(drivers: readonly Driver[] | GuessModel) {
    this.model = drivers instanceof GuessModel ? drivers : GuessModel.of(drivers);
    this.drivers = this.model.drivers;
    this.head = new SignalScanner(this.model.head);
    this.banner = new SignalScanner(this.model.head);
    this.response = new SignalScanner(this.model.response);
    this.facts = new DialogueFacts(this.model.anywhere);
  }

  /** The protocol's own greeting (SSH server identification string). */
  protocolInfo(text: string): void {
    this.scanPending();
    this.cached = {};
    this.protocolHits = [];
    for (const s of this.model.protocol) if (s.test(text)) this.protocolHits.push({ owner: s.owner, score: s.score, at: -2e15, final: true });
  }

  /** A protocol-level banner (SSH auth banner): checked like the head. */
  bannerInfo(text: string): void {
    this.scanPending();
    this.banner.feed(text);
  }

  /** Text received from the device (decoded). Cheap: the scan happens when a guess is read. */
  data(text: string): void {
    if (text.length === 0) return;
    this.received += text.length;
    if (this.closed) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= PENDING_LIMIT) this.scanPending();
  }

  /** App-level login is complete: from now on only response signals count. */
  endHead(): void {
    this.scanPending();
    this.cached = {};
    this.headOpen = false;
    this.updateClosed();
  }

  /**
   * A new login dialogue starts after login completed (a second login through a
   * console server or a jump host): head signals count again from here, the earlier
   * ones stay (the dialogue facts judge them).
   */
  reopenHead(): void {
    if (this.headOpen) return;
    this.scanPending();
    this.earlierHeads = this.headHits();
    this.head = new SignalScanner(this.model.head);
    this.headBase = this.received;
    this.facts.reopen(this.received);
    this.headOpen = true;
    this.closed = false;
    this.cached = {};
  }

  /** The session answered a login question; `after`: characters received after its end. */
  question(kind: QuestionKind, text: string, after = 0): void {
    this.scanPending();
    this.facts.question(kind, text, this.received - after, this.received);
  }

  /** The session stopped at a prompt (`text` ends with it): the last one is the device's. */
  prompt(text: string): void {
    this.facts.promptSeen(text);
  }

  /** Every driver with a score, best first. */
  scores(): GuessScore[] {
    return this.ranked().map(({ owner, score }) => ({ name: this.drivers[owner]!.name, score }));
  }

  /** The best driver's name, or 'unknown' while nothing scored. */
  best(): string {
    const top = this.ranked()[0];
    return top ? this.drivers[top.owner]!.name : 'unknown';
  }

  bestScore(): number {
    return this.ranked()[0]?.score ?? 0;
  }

  isCertain(): boolean {
    return this.bestScore() >= CERTAIN_SCORE;
  }

  private updateClosed(): void {
    const headDone = !this.headOpen || this.head.done;
    if (!this.responseStopped && (this.response.length >= RESPONSE_SCAN_LIMIT || this.responseSettled())) this.responseStopped = true;
    this.closed = headDone && this.responseStopped;
  }

  private scanPending(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    // A finished head scanner cannot change any more: skip the copy and the searches.
    if (this.headOpen && !this.head.done) this.head.feed(text);
    if (this.headOpen) this.facts.feed(text);
    const room = RESPONSE_SCAN_LIMIT - this.response.length;
    if (!this.responseStopped && room > 0 && !this.responseSettled()) this.response.feed(room >= text.length ? text : text.slice(0, room));
    this.updateClosed();
  }

  private responseSettled(): boolean {
    // Nothing left that could beat the best final score: stop spending time on output.
    const settled = this.ranked(true)[0]?.score ?? 0;
    return this.response.done || this.response.openMaxScore < settled || settled >= 100;
  }

  private ranked(finalOnly = false): RankedHit[] {
    this.scanPending();
    const key = finalOnly ? 'final' : 'all';
    const state = `${this.head.version}/${this.banner.version}/${this.response.version}/${this.protocolHits.length}/${this.headOpen}/${this.headBase}/${this.facts.version}`;
    if (state !== this.cachedFor) {
      this.cached = {};
      this.cachedFor = state;
    }
    return (this.cached[key] ??= this.rank(finalOnly));
  }

  /** Head hits so far at stream offsets: earlier dialogues' and the current head's. */
  private headHits(): SignalHit[] {
    const base = this.headBase;
    const current = base === 0 ? this.head.hits() : this.head.hits().map((h) => ({ ...h, at: h.at + base }));
    return this.earlierHeads.length === 0 ? current : [...this.earlierHeads, ...current];
  }

  private rank(finalOnly: boolean): RankedHit[] {
    const best = new Map<number, RankedHit>();
    // The banner precedes all device output, so its hits rank as earlier.
    const bannerHits = this.banner.hits().map((h) => ({ ...h, at: h.at - 1e15 }));
    let hits = [...this.protocolHits, ...bannerHits, ...this.headHits(), ...this.response.hits()];
    if (finalOnly) hits = hits.filter((h) => h.final);
    for (const h of hits) {
      const cur = best.get(h.owner);
      const first = Math.min(cur?.first ?? Infinity, h.at);
      const latest = Math.max(cur?.latest ?? -Infinity, h.at);
      if (!cur || h.score > cur.score || (h.score === cur.score && h.at < cur.at)) best.set(h.owner, { owner: h.owner, score: h.score, at: h.at, tier: 0, first, latest });
      else Object.assign(cur, { first, latest });
    }
    const ranked = [...best.values()];
    if (this.facts.empty) return ranked.sort((a, b) => b.score - a.score || a.at - b.at || a.owner - b.owner);
    for (const r of ranked) r.tier = this.facts.contradicts(r.owner, this.drivers[r.owner]!, r.latest) ? 2 : this.facts.superseded(r.owner, r.first) ? 1 : 0;
    return ranked.sort((a, b) => a.tier - b.tier || b.score - a.score || a.at - b.at || a.owner - b.owner);
  }
}
