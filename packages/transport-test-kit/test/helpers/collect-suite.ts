// Runs kit groups outside the runner's own registration, so a test can assert
// that a contract test FAILS for a broken transport (the kit can fail).
import { expect } from 'vitest';
import type { KitApi } from '../../src/index.js';

type Fn = () => unknown;

export interface CollectedSuite {
  /** Titles of every registered test, skipped ones included. */
  titles: string[];
  skipped: string[];
  /** Runs the beforeAll hooks, the test whose title starts with `[id]`, then the afterAll hooks; returns its error. */
  run(id: string): Promise<unknown>;
}

export function collectSuite(register: (api: KitApi) => void): CollectedSuite {
  const tests = new Map<string, Fn>();
  const skipped: string[] = [];
  const before: Fn[] = [];
  const after: Fn[] = [];
  const it = Object.assign((name: string, fn: Fn) => void tests.set(name, fn), {
    skip: (name: string) => void skipped.push(name),
  });
  register({ describe: (_name, fn) => fn(), it, expect, beforeAll: (fn) => void before.push(fn), afterAll: (fn) => void after.push(fn) });
  return {
    titles: [...tests.keys(), ...skipped],
    skipped,
    async run(id) {
      const entry = [...tests].find(([title]) => title.startsWith(`[${id}]`));
      if (!entry) throw new Error(`no runnable test ${id}`);
      for (const fn of before) await fn();
      try {
        await entry[1]();
        return undefined;
      } catch (err) {
        return err;
      } finally {
        for (const fn of after) await fn();
      }
    },
  };
}
