// The transport against a real busybox telnetd whose login program is a small
// device CLI (test/fixtures/fake-device.sh). These tests drive the login by hand
// (read the prompt, write the answer) to check the bytes the transport delivers;
// protocol-login.test.ts does the same logins through core's Protocol.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from '@netx/core';
import { TelnetTransport } from '../src/index.js';
import { createTestSession, latin1, type TestSession } from './helpers/session.js';
import { startTelnetd, type Telnetd } from './helpers/telnetd.js';

const DEVICE = fileURLToPath(new URL('./fixtures/fake-device.sh', import.meta.url));
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

function device(env: Record<string, string>) {
  let d: Telnetd;
  beforeAll(async () => {
    d = await startTelnetd({ loginProgram: DEVICE, env: { NETX_DEVICE_USER: USER, NETX_DEVICE_PASSWORD: PASSWORD, NETX_DEVICE_ENABLE_PASSWORD: ENABLE, ...env } });
  });
  afterAll(async () => {
    await d?.stop();
  });
  return () => d;
}

describe('busybox telnetd, a1: password only', () => {
  const d = device({ NETX_DEVICE_LOGIN: 'a1' });
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

  it('a wrong password gets "% Authentication failed" and a new Password: prompt', async () => {
    const c = await open(d());
    await c.s.expect(/Password: /);
    await c.send('wrong');
    const failed = await c.s.expect(/Password: /);
    expect(failed).toContain('% Authentication failed');
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.t.close();
  });
});

describe('busybox telnetd, a2: username only', () => {
  const d = device({ NETX_DEVICE_LOGIN: 'a2' });
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
  const d = device({ NETX_DEVICE_LOGIN: 'a3', NETX_DEVICE_ENABLE: 'A1' });

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
    expect(out).toContain('Version 15.1(4)M4');
    expect(out.endsWith('uptime is 1 week, 2 days\r\n')).toBe(true);
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
    expect(failed).toContain('% Authentication failed');
    await c.send(USER);
    await c.s.expect(/Password: /);
    await c.send(PASSWORD);
    await c.s.expect(/netx-rtr1>/);
    await c.t.close();
  });

  it('a wrong enable password gets "% Authentication failed" and another Password:', async () => {
    const c = await login();
    await c.send('enable');
    await c.s.expect(/Password: /);
    await c.send('bad-enable');
    const failed = await c.s.expect(/Password: /);
    expect(failed).toContain('% Authentication failed');
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
    expect(await c.s.expect(PROMPT_GT)).toContain('Size: 30 100');
    c.t.resize(132, 48);
    await c.send('show terminal');
    expect(await c.s.expect(PROMPT_GT)).toContain('Size: 48 132');
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
  const d = device({ NETX_DEVICE_LOGIN: 'a3', NETX_DEVICE_ENABLE: 'A3' });
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
