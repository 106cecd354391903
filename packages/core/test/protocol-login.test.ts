import { describe, expect, it } from 'vitest';
import {
  Account,
  ConnectionError,
  defineDriver,
  LoginFailure,
  otp,
  StateError,
  TimeoutError,
  type ProtocolAuthContext,
} from '../src/index.js';
import { loginDevice, type LoginSpec } from './helpers/login-device.js';
import { caught, connected, make, settle } from './helpers/setup.js';
import type { FakeOptions } from './helpers/fake-transport.js';
import type { ProtocolOptions } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 's3cret-pw', password2: 'en4ble-pw' });

async function device(spec: LoginSpec, fake: FakeOptions = {}, options: Partial<ProtocolOptions> = {}) {
  const d = loginDevice(spec);
  const s = await connected({ ...d, ...fake }, options);
  return { ...s, log: d.log };
}

/** An IOS-like driver: `enable` to authorize. */
const iosLike = defineDriver({
  name: 'ioslike',
  prompt: /[\r\n][\w.-]+[>#] ?$/,
  authorizeCommand: 'enable\r',
  usernamePrompt: /Username: ?$/,
  guess: { head: [{ match: 'IOSLIKE', score: 90 }] },
});

describe('appAuthenticate (virtual device exactness)', () => {
  it('username-only device: after login() the buffer is empty and response is "user\\r"', async () => {
    const { conn, t } = await device({ ask: ['username'], userPrompt: 'User: ', user: 'user', echo: true, prompt: 'host> ' });
    await conn.login(new Account({ name: 'user', password: 'pw' }));
    expect(t.written).toBe('user\r');
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe('user\r');
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
  });
  it('password-only device: login sends the password and empties the buffer', async () => {
    const { conn, t } = await device({ ask: ['password'], passPrompt: 'Password: ', password: 's3cret-pw', prompt: 'host> ' });
    await conn.login(admin);
    expect(t.written).toBe('s3cret-pw\r');
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe('\r');
  });
  it('login({flush:false}) leaves the prompt at the end of the buffer', async () => {
    const { conn } = await device({ ask: ['username', 'password'], user: 'admin', password: 's3cret-pw', prompt: '\r\nrouter>' });
    await conn.login(admin, { flush: false });
    expect(conn.getBuffer().endsWith('\r\nrouter>')).toBe(true);
    await expect(conn.expectPrompt()).resolves.toBeDefined();
    expect(conn.getBuffer()).toBe('');
  });
  it('appAuthenticate({flush:true}) eats the prompt: a following appAuthorize() times out', async () => {
    const { conn, clock } = await device({ ask: ['password'], password: 's3cret-pw', prompt: '\r\nrouter>' }, {}, { timeout: 1000 });
    await conn.appAuthenticate(admin, { flush: true });
    expect(conn.isAppAuthenticated()).toBe(true);
    const p = caught(conn.appAuthorize());
    await settle();
    clock.advance(1000);
    expect(await p).toBeInstanceOf(TimeoutError);
    expect(conn.isAppAuthorized()).toBe(false);
  });
  it('returns at once, sending nothing, when the buffer already ends in a prompt', async () => {
    const { conn, t } = await connected({ greeting: 'Welcome\r\nrouter>' });
    await conn.appAuthenticate(admin, { flush: false });
    expect(t.written).toBe('');
    expect(conn.getBuffer()).toBe('Welcome\r\nrouter>');
    await conn.appAuthenticate(admin);
    expect(conn.getBuffer()).toBe('');
  });
  it('bailout stops right after the password is sent', async () => {
    const { conn, t } = await device({ ask: ['username', 'password'], user: 'admin', password: 's3cret-pw', prompt: '\r\nrouter>' });
    await conn.appAuthenticate(admin, { bailout: true });
    expect(t.written).toBe('admin\rs3cret-pw\r');
    expect(conn.isAppAuthenticated()).toBe(false);
    await settle();
    await expect(conn.expectPrompt()).resolves.toBeDefined();
  });
  it('a device asking for a password of an account without one fails clearly', async () => {
    const { conn } = await device({ ask: ['password'], password: 'x', prompt: '\r\nr>' });
    const err = await caught(conn.appAuthenticate(new Account({ name: 'nopw' })));
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toMatch(/has none/);
  });
});

describe('login failures are bounded and judged after credentials only', () => {
  it('a refused password ends in LoginFailure carrying the device message', async () => {
    const { conn, log } = await device({
      ask: ['username', 'password'], user: 'admin', password: 'other', failText: '\r\n% Authentication failed\r\n\r\n', prompt: '\r\nrouter>',
    });
    const err = await caught(conn.login(admin));
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toContain('% Authentication failed');
    expect((err as Error).message).not.toContain('s3cret-pw');
    expect(log.answers).toEqual(['admin', 's3cret-pw']);
  });
  it('a device that keeps asking ends in LoginFailure after maxLoginAttempts, not a loop', async () => {
    const { conn, log } = await device({ ask: ['username', 'password'], neverAccept: true, prompt: '\r\nr>' }, {}, { maxLoginAttempts: 3 });
    const err = await caught(conn.login(admin));
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toMatch(/4 times \(maxLoginAttempts 3\)/);
    expect(log.answers).toHaveLength(6);
  });
  it('maxLoginAttempts is configurable', async () => {
    const { conn, log } = await device({ ask: ['password'], neverAccept: true, prompt: '\r\nr>' }, {}, { maxLoginAttempts: 1 });
    await expect(conn.login(admin)).rejects.toBeInstanceOf(LoginFailure);
    expect(log.answers).toHaveLength(1);
  });
  it('hanging up after the credentials is a LoginFailure', async () => {
    const { conn } = await device({ ask: ['password'], password: 'other', failText: '\r\nAccess denied\r\n', closeOnFail: true, prompt: '\r\nr>' });
    const err = await caught(conn.login(admin));
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toContain('Access denied');
  });
  it('hanging up after credentials without a message is a LoginFailure with the ConnectionError as cause', async () => {
    const { conn } = await device({ ask: ['password'], password: 'other', closeOnFail: true, prompt: '\r\nr>' });
    const err = (await caught(conn.login(admin))) as LoginFailure;
    expect(err).toBeInstanceOf(LoginFailure);
    expect(err.cause).toBeInstanceOf(ConnectionError);
  });
  it('an error message followed by silence is a LoginFailure when the wait times out', async () => {
    const { conn, t, clock } = await connected({ greeting: 'Password: ', onLine: (_l, dev) => dev.out('\r\nLogin incorrect') }, { timeout: 500 });
    const p = caught(conn.login(admin));
    await settle();
    clock.advance(500);
    const err = await p;
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toContain('Login incorrect');
    expect(t.written).toBe('s3cret-pw\r');
  });
  it('a closed connection before any credentials stays a ConnectionError', async () => {
    const { conn, t } = await connected({ greeting: 'hello' });
    const p = caught(conn.login(admin));
    t.hangUp();
    expect(await p).toBeInstanceOf(ConnectionError);
  });
  it('a MOTD saying "3 failed login attempts" or "access is denied" does not fail the login', async () => {
    const { conn } = await device({
      banner: 'Unauthorized access is denied.\r\nThere were 3 failed login attempts.\r\n',
      ask: ['username', 'password'], user: 'admin', password: 's3cret-pw',
      motd: '\r\nLast failed login: Tue\r\nThere were 3 failed login attempts since the last successful login.\r\nAccess denied to nobody',
      prompt: '\r\n[admin@host ~]$ ',
    });
    await conn.login(admin);
    expect(conn.isAppAuthenticated()).toBe(true);
    expect(conn.response).toContain('3 failed login attempts since');
  });
  it('a MOTD line starting with "Error" does not throw', async () => {
    const { conn } = await device({ ask: ['password'], password: 's3cret-pw', motd: '\r\nError: disk almost full\r\n% Invalid input', prompt: '\r\nrouter>' });
    await expect(conn.login(admin)).resolves.toBeUndefined();
  });
  it('setLoginErrorPrompt overrides the driver patterns', async () => {
    const { conn } = await device({ ask: ['password'], password: 'x', failText: '\r\nGO AWAY\r\n', prompt: '\r\nr>' });
    conn.setLoginErrorPrompt('GO AWAY');
    expect(conn.getLoginErrorPrompt()).toEqual([/GO AWAY/]);
    await expect(conn.login(admin)).rejects.toThrow(/GO AWAY/);
  });
});

describe('prompt recognition during login', () => {
  const nxosLike = defineDriver({
    name: 'nxoslike',
    usernamePrompt: /Username: ?$/,
    passwordPrompt: /Password: ?$/,
    guess: { head: [{ match: 'Cisco Nexus Operating System', score: 90 }] },
  });
  it('accepts the generic `login:` after the guess switched to a driver that only knows `Username:`', async () => {
    const { conn, t } = await device(
      { banner: 'Cisco Nexus Operating System (NX-OS) Software\r\n', ask: ['username', 'password'], userPrompt: 'switch login: ', user: 'admin', password: 's3cret-pw', prompt: '\r\nswitch# ' },
      {},
      { drivers: [nxosLike] },
    );
    await conn.login(admin);
    expect(conn.guessOs()).toBe('nxoslike');
    expect(conn.getDriver().name).toBe('nxoslike');
    expect(t.written).toBe('admin\rs3cret-pw\r');
  });
  it('explicit user patterns replace the generic ones', async () => {
    const { conn, t, clock } = await device({ ask: ['username'], userPrompt: 'login: ', user: 'admin', prompt: '\r\nr>' }, {}, { timeout: 100 });
    conn.setUsernamePrompt(/Name please: $/);
    expect(conn.getUsernamePrompt()).toEqual([/Name please: $/]);
    const p = caught(conn.login(admin));
    await settle();
    clock.advance(100);
    expect(await p).toBeInstanceOf(TimeoutError);
    expect(t.written).toBe('');
  });
  it('setPasswordPrompt is used for the password question', async () => {
    const { conn, t } = await device({ ask: ['password'], passPrompt: 'Secret> ', password: 's3cret-pw', prompt: '\r\nr>' });
    conn.setPasswordPrompt(/Secret> $/);
    expect(conn.getPasswordPrompt()).toEqual([/Secret> $/]);
    await conn.login(admin);
    expect(t.written).toBe('s3cret-pw\r');
  });
});

describe('S/Key / OTP', () => {
  it('answers `otp-md4 99 ab12cd` and emits otpRequested(account, 99, "ab12cd")', async () => {
    const acct = new Account({ name: 'admin', password: 'secretpw' });
    const { conn, t } = await device({ ask: ['username', 'otp'], user: 'admin', password: 'secretpw', otp: [99, 'ab12cd'], prompt: '\r\nr>' });
    const events: [Account, number, string][] = [];
    conn.on('otpRequested', (a, seq, seed) => void events.push([a, seq, seed]));
    await conn.login(acct);
    expect(t.written).toBe('admin\rKICK KID LOT FALL TERM LIVE\r');
    expect(events).toEqual([[acct, 99, 'ab12cd']]);
    expect(conn.isAppAuthenticated()).toBe(true);
  });
  it('an otpRequested listener may answer the challenge itself', async () => {
    const { conn, t } = await device({ ask: ['otp'], password: 'elsewhere', otp: [5, 'seedx'], prompt: '\r\nr>' });
    conn.on('otpRequested', async (_a, seq, seed) => otp('elsewhere', seed, seq));
    await conn.login(new Account({ name: 'u', password: 'not-this' }));
    expect(t.written).toBe(`${otp('elsewhere', 'seedx', 5)}\r`);
  });
});

describe('authorization', () => {
  it('appAuthorize sends password2', async () => {
    const { conn, t } = await device({ ask: ['password'], password: 's3cret-pw', prompt: '\r\nr>', enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nr#' } });
    await conn.login(admin);
    await conn.send('enable\r');
    await conn.appAuthorize();
    expect(t.written).toBe('s3cret-pw\renable\ren4ble-pw\r');
    expect(conn.isAppAuthorized()).toBe(true);
  });
  it('login() with an auto-authorizing driver eats the prompt, sends enable and password2; flush empties the buffer', async () => {
    const { conn, t, log } = await device(
      { ask: ['username', 'password'], user: 'admin', password: 's3cret-pw', prompt: '\r\nrouter>', enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nrouter#' } },
      {},
      { driver: iosLike },
    );
    await conn.login(admin);
    expect(t.written).toBe('admin\rs3cret-pw\renable\ren4ble-pw\r');
    expect(log.state).toBe('privileged');
    expect(conn.getBuffer()).toBe('');
    expect(conn.isAppAuthorized()).toBe(true);
  });
  it('login({flush:false}) with an auto-authorizing driver leaves the privileged prompt', async () => {
    const { conn } = await device(
      { ask: ['password'], password: 's3cret-pw', prompt: '\r\nrouter>', enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nrouter#' } },
      {},
      { driver: 'ioslike', drivers: [iosLike] },
    );
    await conn.login(admin, { flush: false });
    expect(conn.getBuffer().endsWith('\r\nrouter#')).toBe(true);
  });
  it('autoAppAuthorize without AAA in the driver is a no-op that marks the connection authorized', async () => {
    const { conn, t } = await device({ ask: ['password'], password: 's3cret-pw', prompt: '\r\nr>' });
    await conn.appAuthenticate(admin);
    expect(conn.isAppAuthorized()).toBe(false);
    await conn.autoAppAuthorize();
    expect(conn.isAppAuthorized()).toBe(true);
    expect(t.written).toBe('s3cret-pw\r');
  });
  it('a refused enable password is a LoginFailure', async () => {
    const { conn } = await device(
      { ask: ['password'], password: 's3cret-pw', prompt: '\r\nrouter>', enable: { command: 'enable', password: 'other', prompt: '\r\nrouter#' } },
      {},
      { driver: iosLike },
    );
    const err = await caught(conn.login(admin));
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toContain('% Access denied');
    expect(conn.isAppAuthorized()).toBe(false);
  });
});

describe('protocol-level authentication (p) and account sources', () => {
  it('calls the transport with the account, then app-level login with appAccount', async () => {
    const seen: string[] = [];
    const appUser = new Account({ name: 'appuser', password: 'app-pw' });
    const d = loginDevice({ ask: ['username', 'password'], user: 'appuser', password: 'app-pw', prompt: '\r\nr>' });
    const { conn, t } = make({
      ...d,
      greeting: undefined,
      protocolAuth: true,
      authenticate: async (account, _ctx, dev) => {
        seen.push(account.name);
        dev.out('Username: ');
      },
    });
    await conn.connect('r1.test');
    expect(conn.isProtocolAuthenticated()).toBe(false);
    await conn.login(admin, { appAccount: appUser });
    expect(seen).toEqual(['admin']);
    expect(t.written).toBe('appuser\rapp-pw\r');
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
  });
  it('p + A: protocol login, no app-level questions, then the driver authorizes', async () => {
    const d = loginDevice({ ask: ['password'], password: 'unused', prompt: '\r\nrouter>', enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nrouter#' } });
    d.log.state = 'cli';
    const { conn, t } = make(
      { ...d, greeting: undefined, protocolAuth: true, authenticate: async (_a, _c, dev) => dev.out('Welcome\r\nrouter>') },
      { driver: iosLike },
    );
    await conn.connect('r1.test');
    await conn.login(admin);
    expect(t.written).toBe('enable\ren4ble-pw\r');
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
    expect(conn.getBuffer()).toBe('');
  });
  it('authenticate() skips the protocol step when it is done already', async () => {
    let calls = 0;
    const { conn } = make({ protocolAuth: true, authenticate: async (_a, _c, dev) => void (calls++, dev.out('\r\nr>')) });
    await conn.connect('r1.test');
    await conn.protocolAuthenticate(admin);
    await conn.authenticate(admin);
    expect(calls).toBe(1);
    expect(conn.isAppAuthenticated()).toBe(true);
  });
  it('protocolAuthenticate is a NOP where the transport has none (telnet, serial)', async () => {
    const { conn, t } = await connected({ greeting: 'Password: ' });
    await conn.protocolAuthenticate(admin);
    expect(conn.isProtocolAuthenticated()).toBe(true);
    expect(t.written).toBe('');
  });
  it('a refused protocol login propagates the transport error', async () => {
    const { conn } = make({ protocolAuth: true, authenticate: async () => { throw new LoginFailure('ssh: permission denied'); } });
    await conn.connect('r1.test');
    await expect(conn.login(admin)).rejects.toThrow('ssh: permission denied');
    expect(conn.isProtocolAuthenticated()).toBe(false);
  });
  it('ctx.requestOtp answers an S/Key challenge from the password and emits otpRequested', async () => {
    let answer = '';
    const { conn } = make({ protocolAuth: true, authenticate: async (_a, ctx: ProtocolAuthContext, dev) => {
      answer = await ctx.requestOtp('s/key 99 ab12cd\nResponse: ');
      dev.out('\r\nr>');
    } });
    const events: number[] = [];
    conn.on('otpRequested', (_a, seq) => void events.push(seq));
    await conn.connect('r1.test');
    await conn.login(new Account({ name: 'u', password: 'secretpw' }));
    expect(answer).toBe('KICK KID LOT FALL TERM LIVE');
    expect(events).toEqual([99]);
  });
  it('ctx.requestOtp asks the account factory for other one-time codes, or fails clearly', async () => {
    const purposes: string[] = [];
    let answer = '';
    const { conn } = make(
      { protocolAuth: true, authenticate: async (_a, ctx, dev) => { answer = await ctx.requestOtp('Verification code: '); dev.out('\r\nr>'); } },
      { accountFactory: { create: async ({ purpose, host }) => (purposes.push(`${purpose}@${host}`), new Account({ name: 'x', password: purpose === 'otp' ? '123456' : 'pw' })) } },
    );
    await conn.connect('r1.test');
    await conn.login();
    expect(answer).toBe('123456');
    expect(purposes).toEqual(['login@r1.test', 'otp@r1.test']);

    const other = make({ protocolAuth: true, authenticate: async (_a, ctx) => void (await ctx.requestOtp('Code: ')) });
    await other.conn.connect('r1.test');
    await expect(other.conn.login(admin)).rejects.toThrow(/one-time password/);
  });
  it('without an account: the last one used, else the account factory, else a clear error', async () => {
    const { conn, t } = await device({ ask: ['password'], password: 's3cret-pw', prompt: '\r\nr>', enable: { command: 'enable', password: 'en4ble-pw', prompt: '\r\nr#' } });
    await expect(conn.login()).rejects.toBeInstanceOf(StateError);
    await conn.login(admin);
    await conn.send('enable\r');
    await conn.appAuthorize();
    expect(t.written).toBe('s3cret-pw\renable\ren4ble-pw\r');
  });
  it('falls back to the account factory for purpose "login"', async () => {
    const { conn, t } = await device({ ask: ['password'], password: 'from-factory', prompt: '\r\nr>' }, {}, {
      accountFactory: { create: async () => new Account({ name: 'f', password: 'from-factory' }) },
    });
    await conn.login();
    expect(t.written).toBe('from-factory\r');
  });
});
