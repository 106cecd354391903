// Table tests of one driver's own data, for a driver's own test file: every sample
// against its patterns, its banners claimed whatever the chunking, and (optionally)
// a corpus of other devices' banners it must not claim above a score.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OsGuesser, type Driver, type GuessScore } from '@netx/core';
import type { ScenarioTestApi } from './scenario.js';

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface DriverTableOptions {
  /** Banners of other devices (e.g. the Exscript corpus) this driver must not claim. */
  readonly foreignBanners?: readonly NamedText[];
  /** Highest score the driver may give a foreign banner. Default 30. */
  readonly maxForeignScore?: number;
  /** Fewest banners the driver's samples must hold. Default 3. */
  readonly minBanners?: number;
}

/** The driver's scores on `text` fed in `chunk`-character pieces, best first. */
export function guessScores(driver: Driver, text: string, chunk = text.length): GuessScore[] {
  const g = new OsGuesser([driver]);
  for (let i = 0; i < text.length; i += Math.max(1, chunk)) g.data(text.slice(i, i + Math.max(1, chunk)));
  return g.scores();
}

/** Every file of a banner folder (README.md excepted), read as latin-1. */
export function readBannerDir(dir: string): NamedText[] {
  return readdirSync(dir)
    .filter((n) => n !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'latin1') }));
}

export function driverTableTests(api: ScenarioTestApi & { describe: (name: string, fn: () => void) => void }, driver: Driver, opts: DriverTableOptions = {}): void {
  const { describe, it, expect } = api;
  const s = driver.samples;
  const endsWith = (res: readonly RegExp[], text: string) => res.some((r) => r.test(driver.cleanSearchText(text)));
  const each = (list: readonly string[] | undefined, title: (t: string) => string, check: (t: string) => void) => {
    for (const t of list ?? []) it(title(JSON.stringify(t)), () => check(t));
  };
  describe(`${driver.name} driver data`, () => {
    each(s.prompts, (t) => `takes ${t} for a prompt`, (t) => expect(endsWith(driver.prompt, t)).toBe(true));
    each(s.notPrompts, (t) => `does not take ${t} for a prompt`, (t) => expect(endsWith(driver.prompt, t)).toBe(false));
    each(s.usernamePrompts, (t) => `sees a username prompt in ${t}`, (t) => expect(endsWith(driver.usernamePrompt, t)).toBe(true));
    each(s.passwordPrompts, (t) => `sees a password prompt (not a username prompt) in ${t}`, (t) => {
      expect(endsWith(driver.passwordPrompt, t)).toBe(true);
      expect(endsWith(driver.usernamePrompt, t)).toBe(false);
    });
    each(s.errors, (t) => `reports ${t} as an error`, (t) => expect(driver.errorPrompt.some((r) => r.test(t))).toBe(true));
    each(s.nonErrors, (t) => `does not report ${t} as an error`, (t) => expect(driver.errorPrompt.some((r) => r.test(t))).toBe(false));
    each(s.loginErrors, (t) => `reports ${t} as a login failure`, (t) => expect(driver.loginErrorPrompt.some((r) => r.test(t))).toBe(true));
    each(s.pagers, (t) => `answers the pager ${t}`, (t) => expect(driver.pagers.find((p) => p.pattern.test(t))?.answer).toBeTypeOf('string'));

    it(`has at least ${opts.minBanners ?? 3} banners, and claims each whatever the chunking`, () => {
      expect((s.banners ?? []).length).toBeGreaterThanOrEqual(opts.minBanners ?? 3);
      for (const b of s.banners ?? []) {
        expect(guessScores(driver, b)[0]?.name).toBe(driver.name);
        expect(guessScores(driver, b, 1)).toEqual(guessScores(driver, b));
      }
    });

    if (opts.foreignBanners) {
      const max = opts.maxForeignScore ?? 30;
      it(`claims no foreign banner above ${max}`, () => {
        expect(opts.foreignBanners!.length).toBeGreaterThan(0);
        for (const f of opts.foreignBanners!) expect(guessScores(driver, f.text, 1)[0]?.score ?? 0, f.name).toBeLessThanOrEqual(max);
      });
    }
  });
}
