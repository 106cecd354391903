import { describe, expect, it } from 'vitest';
import { Account, cleanPromptText, defineDriver, DriverRegistry, generic, pagers, ProtocolError, type Driver } from '../src/index.js';
import { cli } from './helpers/fake-transport.js';
import { caught, connected, make, settle } from './helpers/setup.js';

const ios = defineDriver({ name: 'ios', guess: { protocol: [{ match: 'Cisco', score: 80 }] }, authorizeCommand: 'enable\r' });
const weird = defineDriver({
  name: 'weird',
  prompt: /[\r\n]weird\) $/,
  initCommands: ['terminal length 0', 'terminal width 0'],
  guess: { head: [{ match: 'WeirdOS', score: 90 }] },
});

describe('DriverRegistry', () => {
  it('always holds generic; register/get/all', () => {
    const r = new DriverRegistry([ios]);
    expect(r.get('generic')).toBe(generic);
    expect(r.get('ios')).toBe(ios);
    expect(r.has('weird')).toBe(false);
    r.register(weird);
    expect(r.all().map((d) => d.name)).toEqual(['generic', 'ios', 'weird']);
    expect(() => r.register({} as Driver)).toThrow(TypeError);
  });
});

describe('driver choice and OS guessing', () => {
  it("guessOs() is 'unknown' before data; the SSH server version scores", async () => {
    const { conn } = make({ remoteVersion: 'SSH-2.0-Cisco-1.25' }, { drivers: [ios, weird] });
    expect(conn.guessOs()).toBe('unknown');
    expect(conn.getDriver()).toBe(generic);
    await conn.connect('r1.test');
    expect(conn.guessOs()).toBe('ios');
    expect(conn.getDriver()).toBe(ios);
  });
  it('the SSH banner goes through the head checks (also when it arrives with protocol auth)', async () => {
    const { conn } = make({ banner: 'WeirdOS 1.0 - authorized users only', protocolAuth: true, authenticate: async (_a, _c, dev) => dev.out('\r\nweird) ') }, { drivers: [ios, weird] });
    await conn.connect('r1.test');
    expect(conn.guessOs()).toBe('weird');
    await conn.login(new Account({ name: 'a', password: 'b' }));
    expect(conn.isAppAuthenticated()).toBe(true);
  });
  it('switches driver mid-wait: the pending wait re-evaluates with the new driver patterns', async () => {
    const { conn, t } = await connected({}, { drivers: [weird] });
    const p = conn.expectPrompt();
    t.out('WeirdOS 2.1\r\nweird) ');
    const r = await p;
    expect(conn.getDriver()).toBe(weird);
    expect(r.response).toBe('WeirdOS 2.1\r');
  });
  it('a fixed driver is never replaced; setDriver(null) returns to the guess', async () => {
    const { conn } = await connected({ greeting: 'WeirdOS\r\n' }, { drivers: [weird], driver: 'generic' });
    expect(conn.guessOs()).toBe('weird');
    expect(conn.getDriver()).toBe(generic);
    conn.setDriver(null);
    expect(conn.getDriver()).toBe(weird);
    conn.setDriver(ios);
    expect(conn.getDriver()).toBe(ios);
    expect(() => conn.setDriver('missing')).toThrow(/known: generic, weird/);
    expect(() => conn.setDriver(42 as never)).toThrow(TypeError);
  });
  it('guessing stops looking at head signals once app-level login is done', async () => {
    const { conn, t } = await connected({ greeting: 'Password: ', onLine: (_l, dev) => dev.out('\r\nrouter>') }, { drivers: [weird] });
    await conn.login(new Account({ name: 'a', password: 'b' }));
    t.out('WeirdOS mentioned later\r\n');
    await settle();
    expect(conn.guessOs()).toBe('unknown');
  });
  it('autoInit() runs the driver set-up commands with execute', async () => {
    const { conn, t } = await connected({ onLine: cli('\r\nweird) ') }, { driver: weird });
    await conn.autoInit();
    expect(t.written).toBe('terminal length 0\rterminal width 0\r');
  });
  it('applies the driver cleanSearchText hook before prompt matching; response stays exact', async () => {
    const colored = defineDriver({ name: 'colored', cleanSearchText: cleanPromptText });
    const { conn, t } = await connected({}, { driver: colored });
    const p = conn.expectPrompt();
    t.out('output\r\n\x1b[1;32mrouter\x1b[0m# \x1b[');
    const r = await p;
    expect(r.response).toBe('output\r');
    expect(conn.getBuffer()).toBe('');
  });
  it("get*Prompt return the driver's patterns until the user sets one", () => {
    const { conn } = make({}, { driver: ios });
    expect(conn.getPrompt()).toEqual([...ios.prompt]);
    expect(conn.getErrorPrompt()).toEqual([...ios.errorPrompt]);
    expect(conn.getLoginErrorPrompt()).toEqual([...ios.loginErrorPrompt]);
    expect(conn.getUsernamePrompt()).toEqual([...ios.usernamePrompt]);
    expect(conn.getPasswordPrompt()).toEqual([...ios.passwordPrompt]);
    conn.setUsernamePrompt(['a', /b/]);
    expect(conn.getUsernamePrompt()).toEqual([/a/, /b/]);
    conn.setUsernamePrompt(undefined);
    expect(conn.getUsernamePrompt()).toEqual([...ios.usernamePrompt]);
  });
});

describe('pagers', () => {
  const paged = defineDriver({ name: 'paged', pagers: [pagers.MORE, pagers.JUNOS_MORE] });
  const page = (n: number) => Array.from({ length: 3 }, (_, i) => `line ${n}.${i}\r\n`).join('');

  function pagingDevice(erase: string, more = ' --More-- ', pages = 3) {
    let sent = 0;
    return {
      onLine: (line: string, dev: { out(t: string): void }) => {
        sent = 1;
        dev.out(`${line}\r\n${page(1)}${more}`);
      },
      onWrite: (text: string, dev: { out(t: string): void }) => {
        if (text !== ' ') return;
        sent++;
        dev.out(`${erase}${page(sent)}${sent < pages ? more : 'router#'}`);
      },
    };
  }
  const whole = `show run\r\n${page(1)}${page(2)}${page(3)}`.slice(0, -1);

  it.each([
    ['backspaces', '\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b', ' --More-- '],
    ['CR blanks CR', '\r          \r', ' --More-- '],
    ['erase line', '\r\x1b[K', '\x1b[7m--More--\x1b[27m'],
    ['junos', '\r                                        \r', '---(more 42%)---'],
  ])('answers the pager and strips it with %s: response is the whole output', async (_name, erase, more) => {
    const { conn, t } = await connected(pagingDevice(erase, more), { driver: paged });
    const r = await conn.execute('show run');
    expect(r.response).toBe(whole);
    expect(t.written).toBe('show run\r  ');
  });
  it('keeps indentation that follows the erase sequence', async () => {
    const { conn } = await connected(
      {
        onLine: (line, dev) => dev.out(`${line}\r\ninterface ge1\r\n --More-- `),
        onWrite: (text, dev) => void (text === ' ' && dev.out('\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b ip address 1\r\nrouter#')),
      },
      { driver: paged },
    );
    expect((await conn.execute('show run')).response).toBe('show run\r\ninterface ge1\r\n ip address 1\r');
  });
  it('does not answer a pager word inside output, nor during plain expect()', async () => {
    const { conn, t } = await connected({ onLine: cli('\r\nrouter#', { x: 'the --More-- word\r\n--More--x' }) }, { driver: paged });
    const r = await conn.execute('x');
    expect(r.response).toBe('x\r\nthe --More-- word\r\n--More--x\r');
    t.out('--More--');
    await settle();
    const p = caught(conn.expect('never', { timeout: 0, deadline: 0, signal: AbortSignal.abort() }));
    expect(t.written).toBe('x\r');
    await p;
  });
  it('is bounded by maxPages', async () => {
    const { conn } = await connected(pagingDevice('\r  \r', ' --More-- ', 100), { driver: paged, maxPages: 5 });
    const err = await caught(conn.execute('show run'));
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toMatch(/maxPages/);
  });
});
