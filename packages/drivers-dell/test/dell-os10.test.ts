// Table tests of the dell_os10 driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OsGuesser } from '@netx/core';
import { dell_os10 as driver } from '../src/dell-os10.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));
const s = driver.samples;
const endsWith = (res: readonly RegExp[], text: string) => res.some((r) => r.test(driver.cleanSearchText(text)));
const guess = (text: string, chunk = text.length) => {
  const g = new OsGuesser([driver]);
  for (let i = 0; i < text.length; i += chunk) g.data(text.slice(i, i + chunk));
  return g.scores();
};

describe('dell_os10 driver', () => {
  it.each(s.prompts ?? [])('takes %j for a prompt', (t) => expect(endsWith(driver.prompt, t)).toBe(true));
  it.each(s.notPrompts ?? [])('does not take %j for a prompt', (t) => expect(endsWith(driver.prompt, t)).toBe(false));
  it.each(s.usernamePrompts ?? [])('sees a username prompt in %j', (t) => expect(endsWith(driver.usernamePrompt, t)).toBe(true));
  it.each(s.passwordPrompts ?? [])('sees a password prompt (not a username prompt) in %j', (t) => {
    expect(endsWith(driver.passwordPrompt, t)).toBe(true);
    expect(endsWith(driver.usernamePrompt, t)).toBe(false);
  });
  it.each(s.errors ?? [])('reports %j as an error', (t) => expect(driver.errorPrompt.some((r) => r.test(t))).toBe(true));
  it.each(s.nonErrors ?? [])('does not report %j as an error', (t) => expect(driver.errorPrompt.some((r) => r.test(t))).toBe(false));
  it.each(s.loginErrors ?? [])('reports %j as a login failure', (t) => expect(driver.loginErrorPrompt.some((r) => r.test(t))).toBe(true));
  it.each(s.pagers ?? [])('answers the pager %j', (t) => expect(driver.pagers.find((p) => p.pattern.test(t))?.answer).toBeTypeOf('string'));

  it('has at least three banners, and claims each whatever the chunking', () => {
    expect((s.banners ?? []).length).toBeGreaterThanOrEqual(3);
    for (const b of s.banners ?? []) {
      expect(guess(b)[0]?.name).toBe('dell_os10');
      expect(guess(b, 1)).toEqual(guess(b));
    }
  });

  it('claims no Exscript corpus banner above 30', () => {
    for (const f of readdirSync(CORPUS).filter((n) => n !== 'README.md')) {
      const text = readFileSync(CORPUS + f, 'latin1');
      const best = guess(text, 1)[0]?.score ?? 0;
      expect(best, f).toBeLessThanOrEqual(30);
    }
  });
  });
