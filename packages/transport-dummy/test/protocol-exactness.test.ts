// Protocol (from @netx/core) end to end over DummyTransport: every "virtual device
// exactness" vector of Exscript's DummyTest / ProtocolTest, then login flows, MOTDs, pagers and
// command errors against the IOS and Junos profiles. Time moves only on a ManualClock.
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, isNetxError, pagers, Protocol, type Driver } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport, iosDevice, iosShowVersion, junosDevice, junosShowVersion, VirtualDevice, type DummyTransportOptions, type VirtualPeer } from '../src/index.js';

const user = 'user';
const password = 'password';
const account = new Account({ name: user, password });
const banner = 'Welcome to testhost!\n';
const bannerOnWire = 'Welcome to testhost!\r\n';
const prompt = 'testhost> ';

/** Exscript's ProtocolTest device: `testhost> `, ls/df/exit and a command whose output is an error. */
function exscriptDevice(login: 'username' | 'password' | 'username+password' | 'none' = 'username+password', extra: { echoPassword?: boolean } = {}) {
  return new VirtualDevice({
    hostname: 'testhost',
    banner,
    login: { style: login, ...extra },
    commands: {
      ls: '-rw-r--r--  1 sab  nmc    1628 Aug 18 10:02 file',
      df: 'foobar',
      'this-command-causes-an-error': '\ncommand not found',
    },
  });
}

/** Exscript's ios driver patterns (as in @netx/drivers-cisco), kept local so this package does not depend on the drivers. */
const iosLike: Driver = defineDriver({
  name: 'ios',
  usernamePrompt: /user ?name: ?$/i,
  passwordPrompt: /(?:[\r\n][Pp]assword: ?|last resort password:)$/,
  prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?$/,
  errorPrompt: [/%Error/, /invalid input/i, /(?:incomplete|ambiguous) command/i, /connection timed out/i, /[^\r\n]+ not found/i],
  pagers: [pagers.MORE],
  initCommands: ['term len 0', 'term width 0'],
  authorizeCommand: 'enable\r',
  guess: { protocol: [{ match: 'Cisco', score: 80 }], head: [{ match: 'User Access Verification', score: 60 }] },
});

/** Exscript's junos driver patterns (as in @netx/drivers-juniper). */
const junosLike: Driver = defineDriver({
  name: 'junos',
  usernamePrompt: /[\r\n](?:[\-\w+]+ )?login: $/,
  passwordPrompt: /[\r\n](Local )?[Pp]assword: ?$/,
  prompt: /(?:[\r\n]+(?:(?:\{master(?::\d+)?\}|\{backup(?::\d+)?\})|(?:\{primary:node\d+\}|\{secondary:node\d+\}))?(?:\[edit[^\]\r\n]*\])?)?[\r\n]+[\w\-.]+@[\-\w+.:]+[%>#] $/,
  errorPrompt: /^(unknown|invalid|error|syntax error)/i,
  pagers: [pagers.JUNOS_MORE],
  initCommands: ['set cli screen-length 0', 'set cli screen-width 0'],
  guess: { head: [{ match: /\bjunos\b/i, score: 80 }] },
});

function open(device: VirtualPeer, opts: { driver?: Driver | string; transport?: Omit<DummyTransportOptions, 'device'>; timeout?: number } = {}) {
  const clock = new ManualClock();
  const transport = new DummyTransport({ device, ...opts.transport });
  const conn = new Protocol({
    transport,
    clock,
    drivers: [iosLike, junosLike],
    ...(opts.driver ? { driver: opts.driver } : {}),
    ...(opts.timeout ? { timeout: opts.timeout } : {}),
    stderr: () => undefined,
  });
  return { conn, clock, transport };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
}

async function eatBanner(conn: Protocol) {
  await conn.connect('testhost');
  expect(conn.getBuffer()).toBe('');
  expect(conn.response).toBeUndefined();
  await conn.expect(bannerOnWire.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&'));
  expect(conn.response).toBe('');
}

describe('virtual device exactness (Exscript DummyTest / ProtocolTest vectors)', () => {
  it('after connect the buffer is empty and response undefined', async () => {
    const { conn } = open(exscriptDevice());
    expect(conn.response).toBeUndefined();
    expect(conn.getHost()).toBeUndefined();
    await conn.connect('testhost');
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBeUndefined();
    expect(conn.getHost()).toBe('testhost');
    expect(conn.isDummy()).toBe(true);
    expect(conn.guessOs()).toBe('unknown');
    await conn.close();
  });

  it('login({flush:false}) leaves the prompt at the end of the buffer', async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.login(account, { flush: false });
    expect(conn.getBuffer().endsWith(prompt)).toBe(true);
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
    expect(conn.response && conn.response.length > 0).toBe(true);
  });

  it('a username-only device shows `User: `; after login() the buffer is empty and response is "user\\r"', async () => {
    const { conn } = open(exscriptDevice('username'));
    await eatBanner(conn);
    await conn.waitFor('User: $');
    expect(conn.getBuffer()).toBe('User: ');
    await conn.login(account);
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe(`${user}\r`);
  });

  it('a username-only device with flush=false keeps the prompt at the end', async () => {
    const { conn } = open(exscriptDevice('username'));
    await eatBanner(conn);
    await conn.login(account, { flush: false });
    expect(conn.getBuffer().endsWith(prompt)).toBe(true);
  });

  it('a password-only device shows `Password: `; after login() the buffer is empty and response is "password\\r" (echoing device)', async () => {
    const { conn } = open(exscriptDevice('password', { echoPassword: true }));
    await eatBanner(conn);
    await conn.waitFor('Password: $');
    expect(conn.getBuffer()).toBe('Password: ');
    await conn.login(account);
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe(`${password}\r`);
  });

  it('a password-only device that does not echo leaves response "\\r"', async () => {
    const { conn } = open(exscriptDevice('password'));
    await eatBanner(conn);
    await conn.login(account);
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe('\r');
  });

  it('a device without login shows the prompt right after the banner', async () => {
    const { conn } = open(exscriptDevice('none'));
    await eatBanner(conn);
    await conn.waitFor(`${prompt}$`);
    expect(conn.getBuffer()).toBe(prompt);
  });

  it('after appAuthenticate({flush:false}) appAuthorize() finds the prompt and changes nothing', async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.protocolAuthenticate(account);
    await conn.appAuthenticate(account, { flush: false });
    const response = conn.response;
    await conn.appAuthorize(account, { flush: false });
    expect(conn.response).toBe(response);
    await conn.appAuthorize(account, { flush: true });
    expect(conn.response).toBe(response);
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
  });

  it('after appAuthenticate({flush:true}) a following appAuthorize() times out (the prompt was eaten)', async () => {
    const { conn, clock } = open(exscriptDevice(), { timeout: 5000 });
    await conn.connect('testhost');
    await conn.protocolAuthenticate(account);
    await conn.appAuthenticate(account, { flush: true });
    const pending = caught(conn.appAuthorize(account));
    await clock.advanceAsync(5000);
    expect(isNetxError(await pending, 'NETX_TIMEOUT')).toBe(true);
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, false]);
  });

  it('execute() response starts with the echoed command; send() changes no response', async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.login(account);
    const r = await conn.execute('ls');
    expect(r.response).toBe('ls\r\n-rw-r--r--  1 sab  nmc    1628 Aug 18 10:02 file\r');
    expect(conn.response?.startsWith('ls')).toBe(true);
    await conn.send('df\r');
    expect(conn.response?.startsWith('ls')).toBe(true);
  });

  it("waitFor('[\\r\\n]') twice gives the same response; expect() moves on", async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.login(account);
    const old = conn.response;
    await conn.send('ls\r');
    expect(conn.response).toBe(old);
    await conn.waitFor('[\r\n]');
    expect(conn.response).not.toBe(old);
    const first = conn.response;
    await conn.waitFor('[\r\n]');
    expect(conn.response).toBe(first);
    expect(first).toBe('ls');
    await conn.expect('[\r\n]');
    expect(conn.response).toBe('ls');
    await conn.expect('[\r\n]');
    expect(conn.response).toBe('');
    await conn.expect('[\r\n]');
    expect(conn.response).toBe('-rw-r--r--  1 sab  nmc    1628 Aug 18 10:02 file');
  });

  it("setErrorPrompt('.') makes the next execute() throw InvalidCommandError", async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.login(account);
    await conn.execute('ls');
    conn.setErrorPrompt('.');
    const err = await caught(conn.execute('this-command-causes-an-error'));
    expect(isNetxError(err, 'NETX_INVALID_COMMAND')).toBe(true);
    expect((err as { response: string }).response).toContain('command not found');
  });

  it('cancelExpect() from a dataReceived handler makes a pending expect() throw ExpectCancelledError', async () => {
    const { conn } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.login(account);
    const old = conn.response;
    conn.on('dataReceived', () => conn.cancelExpect());
    await conn.send('ls\r');
    expect(conn.response).toBe(old);
    const err = await caught(conn.expect('notgoingtohappen'));
    expect(isNetxError(err, 'NETX_EXPECT_CANCELLED')).toBe(true);
  });

  it('connects with a port number too', async () => {
    const { conn, transport } = open(exscriptDevice('password'));
    await conn.connect('testhost', 1234);
    await conn.login(account);
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe('\r');
    expect(transport.written).toBe(`${password}\r`);
  });

  it('a custom prompt pattern (`> $`): expectPrompt() leaves the host name as response; execute() ends before it', async () => {
    const device = exscriptDevice('none');
    device.addCommand(/testcommand/, 'hello world');
    const { conn } = open(device);
    conn.setPrompt(/> $/);
    await eatBanner(conn);
    await conn.waitFor('> $');
    expect(conn.getBuffer()).toBe(prompt);
    await conn.expectPrompt();
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBe('testhost');
    await conn.execute('testcommand');
    expect(conn.response).toBe('testcommand\r\nhello world\r\ntesthost');
    expect(conn.getBuffer()).toBe('');
  });

  it('close(true) after connect ends the connection', async () => {
    const { conn, transport } = open(exscriptDevice());
    await conn.connect('testhost');
    await conn.close(true);
    expect(transport.state).toBe('closed');
  });
});

describe('guessing from the transport', () => {
  it('SSH-2.0-Cisco-1.25 as remote version scores ios at connect', async () => {
    const { conn } = open(iosDevice({ remoteVersion: 'SSH-2.0-Cisco-1.25' }));
    expect(conn.guessOs()).toBe('unknown');
    await conn.connect('r1');
    expect(conn.getRemoteVersion()).toBe('SSH-2.0-Cisco-1.25');
    expect(conn.guessOs()).toBe('ios');
  });

  it('the IOS banner (User Access Verification) alone guesses ios', async () => {
    const { conn } = open(iosDevice());
    await conn.connect('r1');
    await conn.waitFor(/Username: $/);
    expect(conn.guessOs()).toBe('ios');
  });
});

describe('login flows', () => {
  const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

  it('username + password, then enable with password2 (driver autoAuthorize)', async () => {
    const device = iosDevice();
    const { conn, transport } = open(device);
    await conn.connect('r1');
    await conn.login(admin);
    expect(conn.getDriver().name).toBe('ios');
    expect([conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true]);
    expect(device.sessions[0]?.mode).toBe('enable');
    expect(transport.written).toBe('admin\radmin\renable\renable\r');
    expect(conn.getBuffer()).toBe('');
  });

  it('password only (line password), then enable', async () => {
    const device = iosDevice({ loginStyle: 'password', password: 'line-pw', enablePassword: 'en-pw' });
    const { conn } = open(device);
    await conn.connect('r1');
    await conn.login(new Account({ name: 'nobody', password: 'line-pw', password2: 'en-pw' }));
    expect(device.sessions[0]?.mode).toBe('enable');
    const r = await conn.execute('show clock');
    expect(r.response).toBe('show clock\r\n*10:15:42.123 UTC Wed Nov 25 2026\r');
  });

  it('enable with AAA (username + password2)', async () => {
    const device = iosDevice({ enableUsername: 'admin', enablePassword: 'aaa-enable' });
    const { conn, transport } = open(device);
    await conn.connect('r1');
    await conn.login(new Account({ name: 'admin', password: 'admin', password2: 'aaa-enable' }));
    expect(device.sessions[0]?.mode).toBe('enable');
    expect(transport.written).toBe('admin\radmin\renable\radmin\raaa-enable\r');
  });

  it('autoAppAuthorize after authenticate reaches r1#; a wrong password2 is a LoginFailure', async () => {
    const device = iosDevice();
    const { conn } = open(device, { driver: iosLike });
    await conn.connect('r1');
    await conn.authenticate(admin);
    expect(conn.isAppAuthorized()).toBe(false);
    await conn.autoAppAuthorize(admin);
    expect(device.sessions[0]?.mode).toBe('enable');

    const device2 = iosDevice();
    const second = open(device2, { driver: iosLike });
    await second.conn.connect('r1');
    await second.conn.authenticate(admin);
    const err = await caught(second.conn.autoAppAuthorize(new Account({ name: 'admin', password: 'admin', password2: 'wrong' })));
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    expect(device2.sessions[0]?.mode).toBe('user');
  });

  it('appAccount differing from the (protocol-level) account', async () => {
    const device = iosDevice({ username: 'app-user', password: 'app-pw', enablePassword: 'app-enable' });
    const { conn, transport } = open(device, { transport: { protocolLogin: { name: 'ssh-user', password: 'ssh-pw' } } });
    await conn.connect('r1');
    await conn.login(new Account({ name: 'ssh-user', password: 'ssh-pw' }), {
      appAccount: new Account({ name: 'app-user', password: 'app-pw', password2: 'app-enable' }),
    });
    expect(transport.isProtocolAuthenticated()).toBe(true);
    expect([conn.isProtocolAuthenticated(), conn.isAppAuthenticated(), conn.isAppAuthorized()]).toEqual([true, true, true]);
    expect(device.sessions[0]?.username).toBe('app-user');
    expect(device.sessions[0]?.mode).toBe('enable');
  });

  it('a wrong protocol-level password is a LoginFailure and sends no data', async () => {
    const { conn, transport } = open(iosDevice(), { transport: { protocolLogin: { name: 'ssh-user', password: 'ssh-pw' } } });
    await conn.connect('r1');
    const err = await caught(conn.login(new Account({ name: 'ssh-user', password: 'nope' })));
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    expect(transport.writes).toEqual([]);
  });

  it('a wrong password -> LoginFailure (the device says % Login invalid and asks again)', async () => {
    const { conn, transport } = open(iosDevice());
    await conn.connect('r1');
    const err = await caught(conn.login(new Account({ name: 'admin', password: 'wrong' })));
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    expect((err as Error).message).not.toContain('wrong');
    expect(transport.written).toBe('admin\rwrong\r');
  });

  it('a device that keeps asking -> LoginFailure after a bounded number of attempts', async () => {
    const device = new VirtualDevice({
      hostname: 'h',
      login: { style: 'username+password', usernamePrompt: 'Username: ', username: 'a', password: 'b', failureText: '', maxAttempts: Infinity },
    });
    const { conn, transport } = open(device);
    await conn.connect('h');
    const err = await caught(conn.login(new Account({ name: 'a', password: 'not-b' })));
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    expect(transport.writes.length).toBeGreaterThan(2);
    expect(transport.writes.length).toBeLessThanOrEqual(8);
  });

  it('a MOTD with "failed login attempts", "access is denied" and a line starting with Error does not fail the login', async () => {
    const words = 'There were 3 failed login attempts since the last successful login.\nUnauthorized access is denied.\nError reporting is enabled on this router.\n';
    for (const driver of [undefined, iosLike]) {
      const device = iosDevice({ banner: `\n${words}`, motd: `\n${words}` });
      const { conn } = open(device, driver ? { driver } : {});
      await conn.connect('r1');
      await conn.login(new Account({ name: 'admin', password: 'admin', password2: 'enable' }));
      expect(conn.isAppAuthorized()).toBe(true);
      expect(device.sessions[0]?.mode).toBe('enable');
      const r = await conn.execute('show clock');
      expect(r.response).toContain('2026');
    }
  });

  it('a Junos login with the junos driver', async () => {
    const device = junosDevice();
    const { conn } = open(device);
    await conn.connect('r1');
    await conn.login(new Account({ name: 'user', password: 'juniper' }));
    expect(conn.guessOs()).toBe('junos');
    expect(device.sessions[0]?.loggedIn).toBe(true);
    const r = await conn.execute('show interfaces terse');
    expect(r.response.startsWith('show interfaces terse\r\nInterface')).toBe(true);
  });
});

describe('pagers and command errors', () => {
  const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });
  const normal = (text: string) => text.replace(/\n/g, '\r\n');

  it('IOS: the --More-- pages of show version come back as one clean response, equal to the unpaged one', async () => {
    const { conn, transport } = open(iosDevice());
    await conn.connect('r1');
    await conn.login(admin);
    const paged = await conn.execute('show version');
    const expected = `show version\r\n${normal(iosShowVersion('r1')).slice(0, -1)}`;
    expect(paged.response).toBe(expected);
    expect(transport.written).toContain('show version\r ');
    await conn.autoInit();
    const whole = await conn.execute('show version');
    expect(whole.response).toBe(expected);
  });

  it('IOS delivered one byte per chunk: the same login and one clean paged response', async () => {
    // Not show version: its `Device#   PID   SN` line is a valid IOS prompt whenever the output
    // pauses right after it, which one-byte chunks make certain.
    const log = Array.from({ length: 60 }, (_, i) => `*Nov 25 10:${String(i).padStart(2, '0')}:00.000: %LINK-3-UPDOWN: Interface Gi0/${i % 3}, changed state to up`).join('\n') + '\n';
    const { conn } = open(iosDevice({ chunkSize: 1, commands: { 'show logging': log } }));
    await conn.connect('r1');
    await conn.login(admin);
    const r = await conn.execute('show logging');
    expect(r.response).toBe(`show logging\r\n${normal(log).slice(0, -1)}`);
  });

  it('a slow device: responseDelay below the timeout is waited for, above it is a TimeoutError (ManualClock)', async () => {
    const { conn, clock } = open(iosDevice({ loginStyle: 'none', enablePassword: null, responseDelay: 20_000 }), { timeout: 30_000 });
    await conn.connect('r1');
    await conn.expect(/r1>$/);
    const ok = conn.execute('show clock');
    await clock.advanceAsync(20_000);
    expect((await ok).response).toContain('2026');

    const slow = open(iosDevice({ loginStyle: 'none', responseDelay: 45_000 }), { timeout: 30_000 });
    await slow.conn.connect('r1');
    await slow.conn.expect(/r1>$/);
    const late = caught(slow.conn.execute('show clock'));
    await slow.clock.advanceAsync(30_000);
    expect(isNetxError(await late, 'NETX_TIMEOUT')).toBe(true);
  });

  it('Junos: the ---(more N%)--- pages come back clean', async () => {
    const { conn } = open(junosDevice());
    await conn.connect('r1');
    await conn.login(new Account({ name: 'user', password: 'juniper' }));
    const r = await conn.execute('show version');
    // The Junos prompt pattern takes every line end before `user@r1> `.
    expect(r.response).toBe(`show version\r\n${normal(junosShowVersion('r1')).slice(0, -2)}`);
  });

  it('a command the device rejects -> InvalidCommandError carrying the device text (generic driver)', async () => {
    const { conn } = open(iosDevice(), { driver: 'generic' });
    await conn.connect('r1');
    await conn.login(admin);
    const err = await caught(conn.execute('frobnicate'));
    expect(isNetxError(err, 'NETX_INVALID_COMMAND')).toBe(true);
    expect((err as { response: string }).response).toContain("% Invalid input detected at '^' marker.");
    const again = await conn.execute('show clock');
    expect(again.response).toContain('2026');
  });

  it("a command the device rejects -> InvalidCommandError with the ios driver's error patterns", async () => {
    const { conn } = open(iosDevice(), { driver: iosLike });
    await conn.connect('r1');
    await conn.login(admin);
    const err = await caught(conn.execute('frobnicate'));
    expect(isNetxError(err, 'NETX_INVALID_COMMAND')).toBe(true);
  });

  it('Junos: error: unknown command -> InvalidCommandError', async () => {
    const { conn } = open(junosDevice());
    await conn.connect('r1');
    await conn.login(new Account({ name: 'user', password: 'juniper' }));
    const err = await caught(conn.execute('frobnicate'));
    expect(isNetxError(err, 'NETX_INVALID_COMMAND')).toBe(true);
  });

  it('configure terminal moves the prompt to r1(config)# and the driver still finds it', async () => {
    const device = iosDevice();
    const { conn } = open(device);
    await conn.connect('r1');
    await conn.login(admin);
    await conn.execute('configure terminal');
    await conn.execute('hostname core1');
    const r = await conn.execute('end');
    expect(r.response).toBe('end\r');
    expect(device.sessions[0]?.hostname).toBe('core1');
    await conn.execute('exit', { timeout: 1 }).catch(() => undefined);
  });
});
