// Table tests of the fortinet driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OsGuesser } from '@netx/core';
import { fortinet as driver } from '../src/fortinet.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));
const s = driver.samples;
const endsWith = (res: readonly RegExp[], text: string) => res.some((r) => r.test(driver.cleanSearchText(text)));
const guess = (text: string, chunk = text.length) => {
  const g = new OsGuesser([driver]);
  for (let i = 0; i < text.length; i += chunk) g.data(text.slice(i, i + chunk));
  return g.scores();
};

describe('fortinet driver', () => {
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
      expect(guess(b)[0]?.name).toBe('fortinet');
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
    it('leaves the bare `Forti-Name # ` prompt to the fortios driver', () => {
    expect(guess('Forti-Name # ')).toEqual([]);
    expect(guess("user@host's password: \r\nForti-Name #")).toEqual([]);
  });
  it('claims `get system status` output', () => {
    expect(guess('Version: FortiGate-VM64 v7.2.5,build1517,230606 (GA.F)\r\n')[0]?.score).toBe(95);
  });
  it('sets the console to standard output (and under config global with VDOMs)', async () => {
    const sent: string[] = [];
    const conn = {
      send: async () => {},
      expectPrompt: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      waitFor: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      expect: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      appAuthorize: async () => {},
      execute: async (command: string) => {
        sent.push(command);
        if (command === 'config system console' && !sent.includes('config global')) {
          const { InvalidCommandError } = await import('@netx/core');
          throw new InvalidCommandError('Command fail', 'Command fail. Return code -61');
        }
        return { index: 0, match: /x/.exec('x')!, response: '' };
      },
    };
    await driver.autoInit(conn);
    expect(sent).toEqual(['config system console', 'config global', 'config system console', 'set output standard', 'end', 'end']);
  });
});
