// Exscript's command-error check: every line of a response after the first (the
// echo) is searched for the error patterns. Linear for long outputs: one search
// over everything after the echo finds every line the per-line check would (it may
// find more, never fewer), so only a hit pays for splitting the response into lines.
import { plainOf } from './matcher.js';

export interface CommandErrorHit {
  /** 1-based line number in the response (line 1 is the echo). */
  line: number;
  pattern: RegExp;
}

export function findCommandError(errors: readonly RegExp[], response: string): CommandErrorHit | undefined {
  if (errors.length === 0) return undefined;
  const firstBreak = response.indexOf('\n');
  if (firstBreak < 0) return undefined;
  if (!errors.some((re) => anyLineMatches(re, response, firstBreak + 1))) return undefined;
  const lines = response.split('\n');
  for (let i = 1; i < lines.length; i++) {
    for (const re of errors) if (plainOf(re).test(lines[i]!)) return { line: i + 1, pattern: re };
  }
  return undefined;
}

const multilineCache = new WeakMap<RegExp, { re: RegExp; lineStart: boolean }>();

/**
 * True if `re` may match some line of `text` from `from` on: a superset test (a
 * multiline search finds every line the per-line check would). A pattern anchored
 * at the line start is tried only at line starts, found with indexOf (memchr).
 */
function anyLineMatches(re: RegExp, text: string, from: number): boolean {
  let c = multilineCache.get(re);
  if (!c) {
    const lineStart = re.source.startsWith('^') && !re.flags.includes('m');
    c = { re: new RegExp(re.source, `${re.flags.replace(/[gym]/g, '')}${lineStart ? 'ym' : 'gm'}`), lineStart };
    multilineCache.set(re, c);
  }
  if (!c.lineStart) {
    c.re.lastIndex = from;
    return c.re.test(text);
  }
  for (let at = from; at <= text.length; ) {
    c.re.lastIndex = at;
    if (c.re.test(text)) return true;
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return false;
}
