// The kit's rules must fail where a driver is wrong, not only pass where it is right.
import { describe, expect, it } from 'vitest';
import { defineDriver, generic } from '@netx/core';
import {
  COMMON_NOT_PROMPTS,
  commonNotPromptFailures,
  driverRegExps,
  endsInPrompt,
  findCommandError,
  findPager,
  findPrompt,
  guessEveryWay,
  promptSampleWithBlanks,
  randomChunks,
  seededRandom,
  SAMPLE_OUTPUT,
} from '../src/index.js';

describe('findCommandError (expectPrompt rule)', () => {
  const errors = [/^%Error/, /invalid input/i];
  it('skips the first line, the echo of the command', () => {
    expect(findCommandError(errors, '%Error in echo\r\nfine\r\n')).toBeUndefined();
  });
  it('checks every later line', () => {
    expect(findCommandError(errors, 'cmd\r\nok\r\n  ^\r\n% Invalid input detected\r\n')?.line).toBe('% Invalid input detected\r');
    expect(findCommandError(errors, 'cmd\r\nok\r\n%Error x')?.pattern).toBe(errors[0]);
  });
  it('searches each line on its own (a ^ anchors at the line start)', () => {
    expect(findCommandError([/^error/i], 'cmd\r\nno error here\r\n')).toBeUndefined();
    expect(findCommandError([/^error/i], 'cmd\r\nError: bad\r\n')).toBeDefined();
  });
});

describe('endsInPrompt / findPrompt', () => {
  const d = defineDriver({ name: 'p', prompt: [/[\r\n]host>/, /[\r\n]host# ?(?=\n?$)/] });
  it('wants the match in the last line', () => {
    expect(endsInPrompt(d, '\r\nhost# ')).toBe(true);
    // Python's `$` also matches before a final '\n'; the match still sits in the last line.
    expect(endsInPrompt(d, '\r\nhost#\n')).toBe(true);
    // The first pattern (list order) matches earlier output: the Protocol would stop there.
    expect(endsInPrompt(d, '\r\nhost> old\r\nhost#')).toBe(false);
    expect(endsInPrompt(d, '\r\nsomething else')).toBe(false);
  });
  it('applies cleanSearchText first', () => {
    const c = defineDriver({ name: 'c', prompt: /[\r\n]x# ?$/, cleanSearchText: (t) => t.replace(/\x1b\[[0-9;]*m/g, '') });
    expect(endsInPrompt(c, '\r\n\x1b[1mx#\x1b[0m ')).toBe(true);
    expect(findPrompt(c, '\r\n\x1b[1mx')).toBeUndefined();
  });
  it('the generic prompt does not take the kit output for a prompt', () => {
    expect(findPrompt(generic, SAMPLE_OUTPUT)).toBeUndefined();
  });
});

describe('findPager', () => {
  it('returns the first rule that matches', () => {
    const rules = [{ pattern: /--More--$/, answer: ' ' }, { pattern: /\(END\)$/, answer: 'q' }];
    expect(findPager(rules, 'x\r\n(END)')?.answer).toBe('q');
    expect(findPager(rules, '--More-- and more')).toBeUndefined();
  });
});

describe('driverRegExps', () => {
  it('finds global/sticky flags where defineDriver does not strip them', () => {
    const d = defineDriver({ name: 'f', pagers: [{ pattern: /--More--$/g, answer: ' ' }], guess: { head: [{ match: /x/y, score: 1 }] } });
    const flagged = driverRegExps(d).filter(({ re }) => /[gy]/.test(re.flags)).map((x) => x.where);
    expect(flagged).toEqual(['pagers[0]', 'guess.head[0]']);
  });
});

describe('guessEveryWay', () => {
  const a = defineDriver({ name: 'a', guess: { head: [{ match: /a-os/, score: 60 }] } });
  const b = defineDriver({ name: 'b', guess: { head: [{ match: 'b-os', score: 60 }] } });
  it('gives the same answer however the text is chunked; ties go to the earliest match', () => {
    const text = 'x b-os y a-os z';
    expect(guessEveryWay([a, b], text, 7)).toEqual({ whole: 'b', perChar: 'b', random: ['b', 'b', 'b'] });
  });
  it("names 'unknown' when nothing scored", () => {
    expect(guessEveryWay([a, b], 'nothing', 1).whole).toBe('unknown');
  });
});

describe('randomChunks', () => {
  it('is seeded and loses nothing', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(5);
    const one = randomChunks(text, seededRandom(42));
    expect(one.join('')).toBe(text);
    expect(randomChunks(text, seededRandom(42))).toEqual(one);
    expect(one.length).toBeGreaterThan(1);
  });
});

describe('common notPrompts (negative samples every driver is checked against)', () => {
  // The bug that let this kit pass: an IOS-like prompt whose host name class took a blank.
  const blankName = defineDriver({ name: 'blank_name', prompt: /[\r\n][\w .\-]+(?:\([^)]+\))?[>#] ?$/, samples: { prompts: ['\r\nrouter1#'] } });
  const anyTag = defineDriver({ name: 'any_tag', prompt: /[\r\n]<\S+> ?$/, samples: { prompts: ['\r\n<sw1>'] } });
  const strict = defineDriver({ name: 'strict', prompt: /[\r\n][\w.\-]+(?:\([^)]+\))?[>#] ?$/, samples: { prompts: ['\r\nrouter1#'] } });

  it('a host name class that takes blanks fails the blanks kind', () => {
    expect(commonNotPromptFailures(blankName, 'blanks')).toEqual(expect.arrayContaining(['my router>', 'core sw1#']));
    expect(commonNotPromptFailures(strict, 'blanks')).toEqual([]);
  });
  it('a prompt that takes an XML closing tag fails the output kind', () => {
    expect(commonNotPromptFailures(anyTag, 'output')).toContain('</rpc-reply>');
    expect(commonNotPromptFailures(strict, 'output')).toEqual([]);
    expect(commonNotPromptFailures(strict, 'banner')).toEqual([]);
  });
  it('the blanks kind does not apply where the driver\'s own prompt (last line) has blanks', () => {
    const fortiLike = defineDriver({ name: 'forti_like', prompt: /[\r\n]\S+(?: \(\S+\))? [#$] $/, samples: { prompts: ['\r\nFGT # ', '\r\nFGT (vdom) # '] } });
    expect(promptSampleWithBlanks(fortiLike)).toBe('\r\nFGT # ');
    // Blanks on an earlier line (Junos' `{master}` line) do not count; nor do ANSI codes.
    const junosLike = defineDriver({ name: 'junos_like', samples: { prompts: ['\r\n{master:0 x}\r\nuser@host> ', '\x1b[1mr1\x1b[0m#'] } });
    expect(promptSampleWithBlanks(junosLike)).toBeUndefined();
    expect(promptSampleWithBlanks(generic)).toBeDefined();
  });
  it('every kind has samples, each ending the way prompts end or shaped like a banner line', () => {
    for (const kind of Object.keys(COMMON_NOT_PROMPTS) as (keyof typeof COMMON_NOT_PROMPTS)[]) expect(COMMON_NOT_PROMPTS[kind].length).toBeGreaterThan(2);
    expect(COMMON_NOT_PROMPTS.blanks.every((l) => /\S \S/.test(l) && /[>#] ?$/.test(l))).toBe(true);
  });
});
