// A guess below CERTAIN_SCORE may be wrong: prompt waits then also accept the
// generic prompt, so a wrong low-score guess cannot make login or execute() hang.
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, GENERIC_PROMPT } from '../src/index.js';
import { cli } from './helpers/fake-transport.js';
import { connected } from './helpers/setup.js';

// Claims any Debian OpenSSH server, as a Linux driver does, and knows only `$ ` prompts.
const unixish = defineDriver({
  name: 'unixish',
  prompt: /[\r\n][\w.\-]{1,32}\$ $/,
  guess: { protocol: [{ match: /OpenSSH[^\r\n]*Debian/, score: 40 }] },
});
const sureUnix = defineDriver({
  name: 'sure-unix',
  prompt: /[\r\n][\w.\-]{1,32}\$ $/,
  guess: { protocol: [{ match: /OpenSSH[^\r\n]*Debian/, score: 90 }] },
});
const remoteVersion = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3';
const account = new Account({ name: 'admin', password: 'pw' });

describe('prompt waits under an uncertain guess', () => {
  it('log in and run commands on a CLI the guessed driver does not know (`r1>`)', async () => {
    const { conn } = await connected({ remoteVersion, greeting: '\r\nr1>', onLine: cli('\r\nr1>', { 'show clock': '12:00' }) }, { drivers: [unixish], timeout: 1000 });
    expect(conn.guessOs()).toBe('unixish');
    await conn.login(account);
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
    expect(conn.getPrompt()).toContain(GENERIC_PROMPT);
  });

  it('a certain guess waits for its own prompts only', async () => {
    const { conn } = await connected({ remoteVersion }, { drivers: [sureUnix] });
    expect(conn.guessOs()).toBe('sure-unix');
    expect(conn.getPrompt()).toEqual(sureUnix.prompt);
  });

  it('a driver the caller chose waits for its own prompts only', async () => {
    const { conn } = await connected({ remoteVersion }, { drivers: [unixish], driver: 'unixish' });
    expect(conn.getPrompt()).toEqual(unixish.prompt);
  });

  it('setPrompt() overrides the fallback too', async () => {
    const { conn } = await connected({ remoteVersion }, { drivers: [unixish] });
    conn.setPrompt(/r1>$/);
    expect(conn.getPrompt()).toEqual([/r1>$/]);
  });
});
