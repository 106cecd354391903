// What the session itself saw of its login dialogues: the questions the login loop
// answered and the prompt it stopped at (then the first prompts after it). They come
// from whoever spoke last, the device, and outrank a banner printed before them by
// someone else (a console server's "Debian GNU/Linux", a jump host's motd):
// - a driver whose own patterns do not recognise the last prompt, or (when all its
//   evidence came before the last dialogue) that dialogue's questions, is contradicted;
// - when a password led to another dialogue (a handover: a successful login never
//   asks again after a refusal, the loop fails then), a driver that was already
//   speaking before that password and has no signal in the last dialogue itself is
//   superseded: it is the system that handed over (its motd may run on after the
//   password, so evidence in between does not clear it).
// The facts come from the Protocol; the stream scanners stay a function of the text.
import type { Driver } from '../ports/driver.js';
import { SignalScanner, type CompiledSignal } from './signal-scanner.js';

export type QuestionKind = 'username' | 'password';

interface Question {
  readonly kind: QuestionKind;
  /** Received text ending with the question (from a line start). */
  readonly text: string;
}

/** Characters of received text kept with a question or a prompt (patterns look back one line, rarely two). */
export const FACT_TEXT = 1024;
/**
 * A signal below this score is a shape many systems share (shell's `login: `, which
 * also matches `Last login: `): it does not show who is speaking in a dialogue.
 */
const SPEAKER_SCORE = 30;

/** Evidence since one point of the stream: the signals' first hits after it. */
class Segment {
  readonly scanner: SignalScanner;

  constructor(
    signals: readonly CompiledSignal[],
    /** Stream offset of the segment's first character. */
    readonly from: number,
  ) {
    this.scanner = new SignalScanner(signals);
  }

  /** Owners with a hit of at least SPEAKER_SCORE ending at or after stream offset `at`. */
  ownersFrom(at: number): Set<number> {
    const out = new Set<number>();
    for (const h of this.scanner.hits()) if (h.score >= SPEAKER_SCORE && h.at + this.from >= at) out.add(h.owner);
    return out;
  }
}

export class DialogueFacts {
  private questions: Question[] = [];
  /** Stream offset where the last dialogue's first question line starts. */
  private start = Infinity;
  /** Evidence since the last password answered (a handover if another dialogue follows). */
  private sincePassword: Segment | undefined;
  /** Evidence since the last handover. */
  private sinceHandover: Segment | undefined;
  private prompt: string | undefined;
  private _version = 0;
  private fitCache = new Map<number, boolean>();
  /** Owners with a signal in the last dialogue (since its first question line), for the current version. */
  private speakers: { version: string; set: Set<number> } | undefined;

  constructor(private readonly signals: readonly CompiledSignal[]) {}

  /** Changes with every fact and every new hit since the handover (a ranking derived from them can be cached on it). */
  get version(): string {
    return `${this._version}/${this.sinceHandover?.scanner.version ?? -1}`;
  }

  get empty(): boolean {
    return this.prompt === undefined && this.questions.length === 0 && this.sinceHandover === undefined;
  }

  /** Received head text (while the head is open), in order. */
  feed(text: string): void {
    this.sincePassword?.scanner.feed(text);
    if (this.sinceHandover && this.sinceHandover !== this.sincePassword) this.sinceHandover.scanner.feed(text);
  }

  /** A question answered; `endsAt`: its stream offset; `received`: the stream offset of the next text. */
  question(kind: QuestionKind, text: string, endsAt: number, received: number): void {
    const line = lineText(text);
    const last = this.questions[this.questions.length - 1];
    // A user name question opens a dialogue; so does a password question after a password question.
    if (kind === 'username' || !last || last.kind === 'password') {
      if (this.sincePassword) this.sinceHandover = this.sincePassword;
      this.questions = [];
      this.start = endsAt - line.length;
    }
    this.questions.push({ kind, text });
    if (kind === 'password') this.sincePassword = new Segment(this.signals, received);
    this.changed();
  }

  /** A login starts after one completed (login() again after send()): what spoke before this point handed over. */
  reopen(received: number): void {
    this.sinceHandover = this.sincePassword = new Segment(this.signals, received);
    this.prompt = undefined;
    this.changed();
  }

  /** A prompt the session stopped at: the last one counts. */
  promptSeen(text: string): void {
    this.prompt = text;
    this.changed();
  }

  /** True when a driver whose first signal ended at `first` spoke before the last handover and not in the last dialogue. */
  superseded(owner: number, first: number): boolean {
    const s = this.sinceHandover;
    if (!s || first >= s.from) return false;
    const v = this.version;
    if (this.speakers?.version !== v) this.speakers = { version: v, set: s.ownersFrom(Math.max(s.from, this.start === Infinity ? s.from : this.start)) };
    return !this.speakers.set.has(owner);
  }

  /**
   * True when `driver` is contradicted: its prompts do not recognise the last prompt,
   * or all its evidence (`latest`) came before the last dialogue and its user name /
   * password patterns do not recognise that dialogue's questions.
   */
  contradicts(owner: number, driver: Driver, latest: number): boolean {
    const before = this.questions.length > 0 && latest < this.start;
    const key = owner * 2 + (before ? 1 : 0);
    let out = this.fitCache.get(key);
    if (out === undefined) {
      out = (this.prompt !== undefined && !fits(driver.prompt, driver.cleanSearchText, this.prompt, false)) || (before && !this.dialogueFits(driver));
      this.fitCache.set(key, out);
    }
    return out;
  }

  private dialogueFits(driver: Driver): boolean {
    return this.questions.every((q) => fits(q.kind === 'username' ? driver.usernamePrompt : driver.passwordPrompt, undefined, q.text, true));
  }

  private changed(): void {
    this._version++;
    this.fitCache = new Map();
  }
}

/**
 * Some pattern recognises the text. `lenient`: also the text with a blank after it,
 * so a driver that insists on the blank after `Password:` still knows the question
 * when the device sends none (VRP's `Username:`). Prompts are judged as they came:
 * with a blank added, `r1#` would pass for a zsh `r1# `.
 */
function fits(patterns: readonly RegExp[], clean: ((text: string) => string) | undefined, text: string, lenient: boolean): boolean {
  const searched = clean ? clean(text) : text;
  const blank = !lenient || /[ \t]$/.test(searched) ? undefined : `${searched} `;
  return patterns.some((re) => {
    re.lastIndex = 0;
    if (re.test(searched)) return true;
    re.lastIndex = 0;
    return blank !== undefined && re.test(blank);
  });
}

/** The last line of `text` (the question's own line). */
function lineText(text: string): string {
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return text.slice(cut + 1);
}
