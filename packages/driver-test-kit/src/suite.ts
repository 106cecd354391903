// driverKitSuite: registers, for each driver, one test per sample and rule, with
// ids that stay the same from run to run (index + a preview of the sample).
import type { Driver } from '@netx/core';
import type { describe as Describe, expect as Expect, it as It } from 'vitest';
import {
  anyMatch,
  driverRegExps,
  endsInPrompt,
  findCommandError,
  findPager,
  findPrompt,
  guessEveryWay,
  promptContexts,
  SAMPLE_ECHO,
  SAMPLE_OUTPUT,
} from './checks.js';
import { COMMON_NOT_PROMPTS, commonNotPromptFailures, promptSampleWithBlanks, type CommonNotPromptKind } from './not-prompts.js';
import { seedOf } from './random.js';

/** The three vitest functions the suite registers tests with (injected: vitest is a peer). */
export interface KitTestApi {
  describe: typeof Describe;
  it: typeof It;
  expect: typeof Expect;
}

export interface DriverKitOptions {
  /** The drivers under test. */
  drivers: readonly Driver[];
  /** The drivers a banner must win against (default: `drivers`). Include every built-in driver where you can. */
  allDrivers?: readonly Driver[];
  /** Fewest samples of each kind a driver must have (default: 1 prompt, 0 of the rest). */
  minSamples?: { prompts?: number; banners?: number; errors?: number; usernamePrompts?: number; passwordPrompts?: number };
  /** Random chunkings tried per banner (default 3). */
  chunkRounds?: number;
}

/** A short, stable rendering of a sample for a test id. */
export function preview(text: string, max = 48): string {
  const json = JSON.stringify(text);
  return json.length <= max ? json : `${json.slice(0, max - 4)}..."`;
}

/** Registers the driver kit's tests for every driver in `options.drivers`. */
export function driverKitSuite(api: KitTestApi, options: DriverKitOptions): void {
  const { describe, it, expect } = api;
  const all = options.allDrivers ?? options.drivers;
  const rounds = options.chunkRounds ?? 3;
  const min = { prompts: 1, banners: 0, errors: 0, usernamePrompts: 0, passwordPrompts: 0, ...options.minSamples };

  describe('driver kit', () => {
    it('driver names are unique', () => {
      const names = all.map((d) => d.name);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    });

    for (const driver of options.drivers) {
      const s = driver.samples;
      describe(driver.name, () => {
        it('has the required samples', () => {
          for (const [kind, need] of Object.entries(min)) {
            const have = (s[kind as keyof typeof s] ?? []).length;
            expect(have, `${driver.name}: samples.${kind}`).toBeGreaterThanOrEqual(need);
          }
        });

        it('patterns compile without global/sticky flags', () => {
          const bad = driverRegExps(driver).filter(({ re }) => /[gy]/.test(re.flags)).map(({ where, re }) => `${where}: ${re}`);
          expect(bad).toEqual([]);
        });

        it('the kit output line is not a prompt', () => {
          expect(findPrompt(driver, SAMPLE_OUTPUT)).toBeUndefined();
        });

        (s.prompts ?? []).forEach((sample, i) => {
          it(`prompts[${i}] ${preview(sample)} is a prompt at the buffer end`, () => {
            for (const buffer of promptContexts(sample)) expect(endsInPrompt(driver, buffer), JSON.stringify(buffer)).toBe(true);
          });
        });

        (s.notPrompts ?? []).forEach((sample, i) => {
          it(`notPrompts[${i}] ${preview(sample)} is not a prompt`, () => {
            expect(findPrompt(driver, sample)).toBeUndefined();
            expect(findPrompt(driver, SAMPLE_OUTPUT + sample)).toBeUndefined();
          });
        });

        const withBlanks = promptSampleWithBlanks(driver);
        for (const kind of Object.keys(COMMON_NOT_PROMPTS) as CommonNotPromptKind[]) {
          if (kind === 'blanks' && withBlanks !== undefined) {
            // Not a skip: the exemption is itself checked (the sample is a prompt of this driver).
            it(`common notPrompts (blanks) do not apply: its own prompt ${preview(withBlanks)} has blanks`, () => {
              for (const buffer of promptContexts(withBlanks)) expect(endsInPrompt(driver, buffer), JSON.stringify(buffer)).toBe(true);
            });
            continue;
          }
          it(`common notPrompts (${kind}) are not prompts`, () => {
            expect(commonNotPromptFailures(driver, kind), `${driver.name}: its prompt pattern takes these ${kind} lines for a prompt`).toEqual([]);
          });
        }

        (s.usernamePrompts ?? []).forEach((sample, i) => {
          it(`usernamePrompts[${i}] ${preview(sample)} asks for the user`, () => {
            expect(anyMatch(driver.usernamePrompt, sample)).toBe(true);
          });
        });

        (s.passwordPrompts ?? []).forEach((sample, i) => {
          it(`passwordPrompts[${i}] ${preview(sample)} asks for the password, not the user`, () => {
            expect(anyMatch(driver.passwordPrompt, sample)).toBe(true);
            // The login loop tries username patterns before password patterns.
            expect(anyMatch(driver.usernamePrompt, sample)).toBe(false);
          });
        });

        (s.errors ?? []).forEach((sample, i) => {
          it(`errors[${i}] ${preview(sample)} raises`, () => {
            expect(findCommandError(driver.errorPrompt, SAMPLE_ECHO + sample)).toBeDefined();
          });
        });

        (s.nonErrors ?? []).forEach((sample, i) => {
          it(`nonErrors[${i}] ${preview(sample)} does not raise`, () => {
            expect(findCommandError(driver.errorPrompt, SAMPLE_ECHO + sample)).toBeUndefined();
          });
        });

        (s.loginErrors ?? []).forEach((sample, i) => {
          it(`loginErrors[${i}] ${preview(sample)} is a login failure`, () => {
            expect(anyMatch(driver.loginErrorPrompt, sample)).toBe(true);
          });
        });

        (s.pagers ?? []).forEach((sample, i) => {
          it(`pagers[${i}] ${preview(sample)} is answered`, () => {
            const rule = findPager(driver.pagers, sample);
            expect(rule, 'no pager rule matches').toBeDefined();
            expect(rule!.answer.length).toBeGreaterThan(0);
          });
        });

        (s.banners ?? []).forEach((sample, i) => {
          it(`banners[${i}] ${preview(sample)} is guessed as ${driver.name} however it is chunked`, () => {
            const got = guessEveryWay(all, sample, seedOf(`${driver.name}#${i}`), rounds);
            const want = driver.name;
            expect(got).toEqual({ whole: want, perChar: want, random: Array(rounds).fill(want) });
          });
        });
      });
    }
  });
}
