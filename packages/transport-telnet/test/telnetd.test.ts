// The transport against a real busybox telnetd whose login program is the test
// device, a virtual IOS router (transport-ssh/test/device). These tests drive the login by hand
// (read the prompt, write the answer) to check the bytes the transport delivers;
// protocol-login.test.ts does the same logins through core's Protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from '@netx/core';
import { TelnetTransport } from '../src/index.js';
import { ttyDeviceProgram, type TestDeviceSpec } from '../../transport-ssh/test/device/tty-device.js';
import { createTestSession, latin1, type TestSession } from './helpers/session.js';
import { startTelnetd, type Telnetd } from './helpers/telnetd.js';

const PROMPT = /netx-rtr1[>#]$/;
const USER = 'admin';
const PASSWORD = 'secret';
const ENABLE = 'enable-secret';

interface Conn {
  t: TelnetTransport;
  s: TestSession;
  send(line: string): Promise<void>;
}

async function open(d: Telnetd, size = { columns: 80, rows: 24 }): Promise<Conn> {
  const t = new TelnetTransport();
  const s = createTestSession({ host: d.host, port: d.port, termType: 'vt100', ...size });
  await t.connect(s);
  return { t, s, send: (line) => t.write(latin1(`${line}\r`)) };
}

function device(spec: TestDeviceSpec) {
  let d: Telnetd;
  beforeAll(async () => {
    d = await startTelnetd(ttyDeviceProgram({ hostname: 'netx-rtr1', username: USER, password: PASSWORD, enablePassword: ENABLE, ...spec }));
  });
  afterAll(async () => {
    await d?.stop();
  });
  return () => d;
}

describe('busybox telnetd, a1: password only', () => {
  const d = device({ login: 'password' });
  it('logs in with the password and reaches the prompt', async () => {
    const c = await open(d());
    const before = await c.s.expect(/Password: $|Password: /);
    expect(before).toContain('User Access Verification');
    expect(before).not.toContain('Username:');
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    expect(c.s.text()).not.toContain(PASSWORD); // the device does not echo secrets
    await c.t.close();
  });

  it('a wrong password gets a new Password: prompt (no text, as an IOS line password)', async () => {
    const c = await open(d());
    await c.s.expect(/Password: /);
    await c.send('wrong');
    const failed = await c.s.expect(/Password: /);
    expect(failed).toBe('\r\n');
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.t.close();
  });
});

describe('busybox telnetd, a2: username only', () => {
  const d = device({ login: 'username' });
  it('logs in with the user name; the name is echoed, CR LF shaped', async () => {
    const c = await open(d());
    await c.s.expect(/Username: /);
    await c.send(USER);
    const echoed = await c.s.expect(/netx-rtr1>/);
    expect(echoed).toBe(`${USER}\r\n`);
    expect(c.s.text()).not.toContain('Password:');
    await c.t.close();
  });
});

describe('busybox telnetd, a3 + A1: username and password, enable asks a password', () => {
  const d = device({ login: 'username+password' });

  async function login(): Promise<Conn> {
    const c = await open(d());
    await c.s.expect(/Username: /);
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    return c;
  }

  it('logs in, authorizes with enable, runs show version, exits', async () => {
    const c = await login();
    await c.send('enable');
    await c.s.expect(/Password: /);
    await c.send(ENABLE);
    await c.s.expect(/netx-rtr1#/);
    await c.send('show version');
    const out = await c.s.expect(/netx-rtr1#/);
    expect(out.startsWith('show version\r\n')).toBe(true);
    expect(out).toContain('Version 15.7(3)M8');
    expect(out.endsWith('Configuration register is 0x2102\r\n')).toBe(true);
    expect(c.s.text()).not.toContain(ENABLE);
    await c.send('exit');
    // the device hanging up is a clean close, reported once
    expect(await c.s.closed).toBeUndefined();
    expect(c.s.closeCalls()).toBe(1);
    await expect(c.send('show version')).rejects.toBeInstanceOf(ConnectionError);
  });

  it('a wrong password at login re-prompts from Username:', async () => {
    const c = await open(d());
    await c.s.expect(/Username: /);
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send('nope');
    const failed = await c.s.expect(/Username: /);
    expect(failed).toContain('% Login invalid');
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.t.close();
  });

  it('a wrong enable password gets another Password: (IOS asks again without a word)', async () => {
    const c = await login();
    await c.send('enable');
    await c.s.expect(/Password: /);
    await c.send('bad-enable');
    const failed = await c.s.expect(/Password: /);
    expect(failed).toBe('\r\n');
    await c.send(ENABLE);
    await c.s.expect(/netx-rtr1#/);
    await c.t.close();
  });

  it('NAWS reaches the pty: initial size from the session, then resize()', async () => {
    const c = await open(d(), { columns: 100, rows: 30 });
    await c.s.expect(/Username: /);
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.send('show terminal');
    expect(await c.s.expect(PROMPT_GT)).toContain('Length: 30 lines, Width: 100 columns');
    c.t.resize(132, 48);
    await c.send('show terminal');
    expect(await c.s.expect(PROMPT_GT)).toContain('Length: 48 lines, Width: 132 columns');
    await c.t.close();
  });

  it('peer closing mid-command ends the session cleanly; close() afterwards is harmless', async () => {
    const c = await login();
    await c.send('show version');
    await c.s.expect(/Version/);
    await c.send('exit');
    expect(await c.s.closed).toBeUndefined();
    await c.t.close();
    expect(['closing', 'closed']).toContain(c.t.state);
    await expect(c.send('show version')).rejects.toBeInstanceOf(ConnectionError);
    expect(c.s.closeCalls()).toBe(1);
  });
});

const PROMPT_GT = /netx-rtr1>/;

describe('busybox telnetd, a3 + A3: enable asks username and password', () => {
  const d = device({ login: 'username+password', enableUsername: USER });
  it('authorizes with user name and enable password', async () => {
    const c = await open(d());
    await c.s.expect(/Username: /);
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.send('enable');
    await c.s.expect(/Username: /);
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(ENABLE);
    await c.s.expect(/netx-rtr1#/);
    expect(c.s.text()).toMatch(PROMPT);
    await c.t.close();
  });
});
