// The rules the kit checks, as plain functions (usable outside vitest too). Each
// mirrors what core's Protocol does with a driver's data.
import { OsGuesser, type Driver, type PagerRule } from '@netx/core';
import { randomChunks, seededRandom } from './random.js';

/**
 * Output that precedes a prompt in the "after some output" case: a command echo and
 * one line of its output, no trailing line break (the prompt sample brings its own).
 */
export const SAMPLE_OUTPUT = 'show clock\r\n09:15:00.123 UTC Wed Nov 25 2026';

/** The echo line put before error samples: expectPrompt never checks the first line. */
export const SAMPLE_ECHO = 'show version\r\n';

/** A copy of `re` without the global/sticky flags, so test() has no state. */
function plain(re: RegExp): RegExp {
  const flags = re.flags.replace(/[gy]/g, '');
  return flags === re.flags ? re : new RegExp(re.source, flags);
}

/** A prompt sample as the device would send it: on a line of its own. */
export function onOwnLine(sample: string): string {
  return /^[\r\n]/.test(sample) ? sample : '\r\n' + sample;
}

/** The buffers a prompt sample is tried in: right after a line break, and after some output. */
export function promptContexts(sample: string): string[] {
  const line = onOwnLine(sample);
  return [line, SAMPLE_OUTPUT + line];
}

export interface PromptMatch {
  /** Index of the pattern in driver.prompt that matched first (list order, as the Protocol tries them). */
  index: number;
  /** Offset in the cleaned text where the match ends. */
  end: number;
  text: string;
}

/**
 * What the Protocol's prompt search finds in `buffer`: patterns are tried in list
 * order on the driver-cleaned text, the first one that matches anywhere wins.
 */
export function findPrompt(driver: Driver, buffer: string): PromptMatch | undefined {
  const text = driver.cleanSearchText(buffer);
  for (let index = 0; index < driver.prompt.length; index++) {
    const m = plain(driver.prompt[index]!).exec(text);
    if (m) return { index, end: m.index + m[0].length, text };
  }
  return undefined;
}

/**
 * True when the buffer ends in a prompt: the first matching pattern's match reaches
 * into the last line (so the Protocol stops at this prompt, not in earlier output).
 */
export function endsInPrompt(driver: Driver, buffer: string): boolean {
  const found = findPrompt(driver, buffer);
  if (!found) return false;
  const body = found.text.replace(/[\r\n]+$/, '');
  const lastLineStart = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r'));
  return found.end > lastLineStart + 1;
}

/** True when any prompt pattern matches anywhere in the (cleaned) buffer. */
export function hasPrompt(driver: Driver, buffer: string): boolean {
  return findPrompt(driver, buffer) !== undefined;
}

/** True when any of `patterns` matches `text`. */
export function anyMatch(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((re) => plain(re).test(text));
}

export interface CommandErrorHit {
  line: string;
  pattern: RegExp;
}

/**
 * expectPrompt's error rule (Exscript's, kept by core): the response is split at
 * '\n', the first line (the command's echo) is skipped, and every other line is
 * searched with each error pattern. The first hit is what raises InvalidCommandError.
 */
export function findCommandError(errorPrompt: readonly RegExp[], response: string): CommandErrorHit | undefined {
  const lines = response.split('\n').slice(1);
  for (const line of lines) {
    for (const pattern of errorPrompt) if (plain(pattern).test(line)) return { line, pattern };
  }
  return undefined;
}

/** The pager rule that answers `text`, if any (patterns are anchored at the end by design). */
export function findPager(pagers: readonly PagerRule[], text: string): PagerRule | undefined {
  return pagers.find((rule) => plain(rule.pattern).test(text));
}

/** Every RegExp a driver holds, with where it sits (for the flags check). */
export function driverRegExps(driver: Driver): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  const lists = ['usernamePrompt', 'passwordPrompt', 'prompt', 'errorPrompt', 'loginErrorPrompt'] as const;
  for (const key of lists) driver[key].forEach((re, i) => out.push({ where: `${key}[${i}]`, re }));
  driver.pagers.forEach((p, i) => out.push({ where: `pagers[${i}]`, re: p.pattern }));
  for (const kind of ['head', 'protocol', 'response'] as const) {
    driver.guess[kind].forEach((s, i) => {
      if (s.match instanceof RegExp) out.push({ where: `guess.${kind}[${i}]`, re: s.match });
    });
  }
  return out;
}

/** Feeds `chunks` to a fresh OsGuesser over `drivers` (as Protocol does, through data()) and names the best OS. */
export function guessFromChunks(drivers: readonly Driver[], chunks: readonly string[]): string {
  const guesser = new OsGuesser(drivers);
  for (const chunk of chunks) guesser.data(chunk);
  return guesser.best();
}

export interface ChunkedGuesses {
  whole: string;
  perChar: string;
  /** One answer per random chunking. */
  random: string[];
}

/** The guess for `text` fed whole, one character at a time, and in `rounds` seeded random chunkings. */
export function guessEveryWay(drivers: readonly Driver[], text: string, seed: number, rounds = 3): ChunkedGuesses {
  const random = seededRandom(seed);
  return {
    whole: guessFromChunks(drivers, [text]),
    perChar: guessFromChunks(drivers, [...text]),
    random: Array.from({ length: rounds }, () => guessFromChunks(drivers, randomChunks(text, random))),
  };
}
