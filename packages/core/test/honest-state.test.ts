// One honest state (#13): a login step that is done returns at once (nothing sent,
// no timeout waited) unless the caller sent something since; the constructor and
// Account refuse nonsense; TimeoutErrors carry a bounded tail; messages read as
// sentences (no doubled full stops). Time moves only on the ManualClock.
import { describe, expect, it } from 'vitest';
import { Account, ConnectionError, defineDriver, Protocol, TimeoutError } from '../src/index.js';
import { FakeTransport } from './helpers/fake-transport.js';
import { loginDevice } from './helpers/login-device.js';
import { caught, connected, settle } from './helpers/setup.js';

const admin = new Account({ name: 'admin', password: 's3cret-pw', password2: 'en4ble-pw' });
const iosLike = defineDriver({ name: 'ioslike', authorizeCommand: 'enable' });
const enableDevice = () =>
  loginDevice({
    ask: ['username', 'password'],
    user: 'admin',
    password: 's3cret-pw',
    prompt: '\r\nrouter>',
    enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nrouter#' },
    commands: { 'show clock': '12:00' },
  });

/** Settles `p` without moving the clock: a step that waited for the device would still be pending. */
async function atOnce<T>(p: Promise<T>): Promise<T | 'still pending'> {
  await settle();
  return Promise.race([p, Promise.resolve('still pending' as const)]);
}

describe('login steps that are done return at once', () => {
  it('login() on a session that is logged in and authorized sends nothing and waits for nothing', async () => {
    const { conn, t } = await connected(enableDevice(), { driver: iosLike });
    await conn.login(admin);
    const sent = t.written;
    expect(await atOnce(conn.login(admin))).toBeUndefined();
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
    expect(await atOnce(conn.login(admin))).toBeUndefined();
    expect(t.written).toBe(`${sent}show clock\r`);
  });
  it('appAuthorize() and autoAppAuthorize() on an authorized session return at once', async () => {
    const { conn, t } = await connected(enableDevice(), { driver: iosLike });
    await conn.login(admin);
    const sent = t.written;
    expect(await atOnce(conn.appAuthorize())).toBeUndefined();
    expect(await atOnce(conn.autoAppAuthorize())).toBeUndefined();
    expect(await atOnce(conn.appAuthenticate())).toBeUndefined();
    expect(t.written).toBe(sent);
    expect(conn.isAppAuthorized()).toBe(true);
  });
  it('after send() the step runs again: the caller may have started a new dialogue', async () => {
    const { conn, t } = await connected(enableDevice());
    await conn.login(admin); // generic driver: authorized without a step
    expect(conn.isAppAuthorized()).toBe(true);
    await conn.send('enable\r');
    await conn.appAuthorize();
    expect(t.written.endsWith('enable\ren4ble-pw\r')).toBe(true);
    expect(await atOnce(conn.appAuthorize())).toBeUndefined();
  });
});

describe('the constructor and Account refuse nonsense', () => {
  const t = new FakeTransport();
  it.each([
    ['maxLoginAttempts 0', { maxLoginAttempts: 0 }, RangeError],
    ['maxLoginAttempts 1.5', { maxLoginAttempts: 1.5 }, RangeError],
    ['columns 0', { columns: 0 }, RangeError],
    ['debug 7', { debug: 7 }, RangeError],
    ['a negative bannerTimeout', { bannerTimeout: -5 }, RangeError],
    ['an empty termType', { termType: '' }, TypeError],
    ['verifyFingerprint "no"', { verifyFingerprint: 'no' }, TypeError],
    ['stdout that is no function', { stdout: 'out.log' }, TypeError],
    ['an empty logfile', { logfile: '' }, TypeError],
    ['a clock without timers', { clock: { now: () => 0 } }, TypeError],
    ['a signal that is no AbortSignal', { signal: { aborted: false } }, TypeError],
    ['drivers that are not iterable', { drivers: 42 }, TypeError],
  ])('%s', (_what, extra, kind) => {
    expect(() => new Protocol({ transport: t, ...(extra as object) })).toThrow(kind);
  });
  it('Account takes strings as passwords and a PrivateKey as key', () => {
    expect(() => new Account({ name: 'a', password: 1234 as never })).toThrow(/`password` must be a string \(got number\)/);
    expect(() => new Account({ name: 'a', password2: 99 as never })).toThrow(TypeError);
    expect(() => new Account({ name: 'a', key: 'id_rsa' as never })).toThrow(/PrivateKey/);
  });
});

describe('timeouts carry a bounded tail', () => {
  it('the inactivity TimeoutError carries the last 4 KiB, not the whole buffer', async () => {
    const { conn, t, clock } = await connected({}, { timeout: 1000 });
    const p = caught(conn.expect('never'));
    t.out(`${'x'.repeat(100_000)}THE END`);
    await settle();
    clock.advance(1000);
    const err = (await p) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.response).toHaveLength(4096);
    expect(err.response!.endsWith('xTHE END')).toBe(true);
  });
  it('the deadline TimeoutError carries its tail too, secrets masked', async () => {
    const d = loginDevice({ ask: ['password'], password: 'Pa55word!', prompt: '\r\nr>' });
    const { conn, t, clock } = await connected(d, { timeout: 1000, deadline: 3000 });
    await conn.login(new Account({ name: 'u', password: 'Pa55word!' }));
    const p = caught(conn.expect('never'));
    for (let i = 0; i < 4; i++) {
      clock.advance(900);
      t.out(`tick ${i} Pa55word! `);
      await settle();
    }
    const err = (await p) as TimeoutError;
    expect(err.message).toMatch(/overall deadline of 3000 ms/);
    // The fourth step passes the deadline before its text comes.
    expect(err.response).toBe('tick 0 ******** tick 1 ******** tick 2 ******** ');
  });
});

describe('messages read as sentences', () => {
  it('no doubled full stop when a transport message ends the sentence', async () => {
    const { conn, t } = await connected({ greeting: 'partial' });
    const p = caught(conn.expect('never'));
    t.hangUp(Object.assign(new Error('socket hang up.'), { code: 'EWHATEVER' }));
    const err = (await p) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.message).toMatch(/before a match: .*socket hang up\. Last received: "partial"\.$/);
    expect(err.message).not.toMatch(/\.\./);
  });
});
