// Pager prompts ("--More--") while waiting for a prompt: find one at the end of
// the buffer, and afterwards drop the erase sequences the device sends before the
// next page (backspaces, `\r` + blanks + `\r`, `\x1b[K`, cursor-left), so the
// response reads as if the output had never been paged.
import type { PagerRule } from '../ports/driver.js';

export interface PagerHit {
  rule: PagerRule;
  /** Characters of the tail that belong to the pager prompt. */
  length: number;
}

/** The first rule (list order) that matches at the end of `tail`. */
export function findPager(tail: string, rules: readonly PagerRule[]): PagerHit | undefined {
  for (const rule of rules) {
    const re = rule.pattern.global || rule.pattern.sticky ? new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, '')) : rule.pattern;
    const m = re.exec(tail);
    if (m && m.index + m[0].length === tail.length && m[0].length > 0) return { rule, length: m[0].length };
  }
  return undefined;
}

/**
 * One run of erase sequences at the start of the next page. Blanks and SGR resets
 * may lead it: the rest of the pager prompt (` --More-- `, `\x1b[27m`) can arrive
 * after the part that matched, when the device sends byte by byte.
 */
const ERASE_RUN = /^(?:[ \t]*(?:\x08+|\r[ \t]*\r(?!\n)|\r?\x1b\[[0-9;]*[KDGJm]|\x1b\[\d*(?:;\d*)?H))+/;
/** Text that may still turn into an erase sequence when more arrives. */
const MAYBE_ERASE = /^[ \t]*(?:\r[ \t]*|\r?\x1b(?:\[[0-9;]*)?)?$/;
const MAX_HELD = 512;

/** Strips the erase sequences that follow an answered pager prompt. */
export class EraseFilter {
  private held = '';
  private active = false;

  get isActive(): boolean {
    return this.active;
  }

  activate(): void {
    this.active = true;
  }

  /** Returns the text to keep; may hold a short undecided prefix until more arrives. */
  feed(text: string): string {
    if (!this.active) return text;
    const all = this.held + text;
    const run = ERASE_RUN.exec(all);
    const rest = run ? all.slice(run[0].length) : all;
    if (MAYBE_ERASE.test(rest) && all.length < MAX_HELD) {
      this.held = all;
      return '';
    }
    this.held = '';
    this.active = false;
    return rest;
  }

  /** Gives up waiting: whatever is held goes through as received. */
  flush(): string {
    const out = this.held;
    this.held = '';
    this.active = false;
    return out;
  }
}
