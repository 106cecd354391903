// Logins through @netx/core's Protocol over a real busybox telnetd: Telnet has no
// protocol-level auth, so every login here is the app-level state machine answering
// the test device's prompts (a virtual IOS router, transport-ssh/test/device).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ConnectionError, LoginFailure, Protocol } from '@netx/core';
import { TelnetTransport } from '../src/index.js';
import { ttyDeviceProgram, type TestDeviceSpec } from '../../transport-ssh/test/device/tty-device.js';
import { startTelnetd, type Telnetd } from './helpers/telnetd.js';

const account = new Account({ name: 'admin', password: 'secret', password2: 'enable-secret' });

function device(spec: TestDeviceSpec) {
  let d: Telnetd;
  beforeAll(async () => {
    d = await startTelnetd(ttyDeviceProgram({ hostname: 'netx-rtr1', username: 'admin', password: 'secret', enablePassword: 'enable-secret', ...spec }));
  });
  afterAll(async () => {
    await d?.stop();
  });
  return () => d;
}

async function connect(d: Telnetd): Promise<Protocol> {
  const conn = new Protocol({ transport: new TelnetTransport(), timeout: 10_000, connectTimeout: 10_000, stderr: () => undefined });
  await conn.connect(d.host, d.port);
  return conn;
}

describe('Protocol over telnet: app-level logins', () => {
  describe('a1 (password only)', () => {
    const d = device({ login: 'password' });
    it('login() answers Password: and reaches the prompt', async () => {
      const conn = await connect(d());
      expect(conn.getDriver().name).toBeDefined();
      await conn.login(account);
      expect(conn.isProtocolAuthenticated()).toBe(true);
      expect(conn.isAppAuthenticated()).toBe(true);
      const { response } = await conn.execute('show version');
      expect(response).toContain('Version 15.7(3)M8');
      await conn.close();
    });

    it('a wrong password is a LoginFailure that does not contain the password', async () => {
      const conn = await connect(d());
      const err = await conn.login(new Account({ name: 'admin', password: 'wrong-pw-123' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoginFailure);
      expect((err as Error).message).not.toContain('wrong-pw-123');
      await conn.close(true);
    });
  });

  describe('a3: the device hangs up mid-command', () => {
    const d = device({ login: 'username+password' });
    it('execute() ends with ConnectionError instead of waiting', async () => {
      const conn = await connect(d());
      await conn.login(account);
      const err = await conn.execute('exit').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      await conn.close();
    });
  });

  describe('a2 (username only)', () => {
    const d = device({ login: 'username' });
    it('login() answers Username: and reaches the prompt', async () => {
      const conn = await connect(d());
      await conn.login(new Account({ name: 'admin' }));
      expect(conn.isAppAuthenticated()).toBe(true);
      const { response } = await conn.execute('show version');
      expect(response).toContain('uptime is');
      await conn.close();
    });
  });

  describe('a3 (username + password) with A1 enable (password)', () => {
    const d = device({ login: 'username+password' });
    it('login(), then enable + appAuthorize() with password2', async () => {
      const conn = await connect(d());
      await conn.login(account);
      expect(conn.isAppAuthenticated()).toBe(true);
      await conn.send('enable\r');
      await conn.appAuthorize(account, { flush: false });
      expect(conn.isAppAuthorized()).toBe(true);
      // the device now shows the privileged prompt
      expect((await conn.expectPrompt()).match[0]).toMatch(/netx-rtr1#$/);
      const { response } = await conn.execute('show version');
      expect(response).toContain('Version 15.7(3)M8');
      await conn.close();
    });

    it('a wrong enable password is a LoginFailure', async () => {
      const conn = await connect(d());
      await conn.login(account);
      await conn.send('enable\r');
      const err = await conn.appAuthorize(new Account({ name: 'admin', password: 'secret', password2: 'bad-enable' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoginFailure);
      expect((err as Error).message).not.toContain('bad-enable');
      await conn.close(true);
    });
  });

  describe('a3 with A3 enable (username + password)', () => {
    const d = device({ login: 'username+password', enableUsername: 'admin' });
    it('appAuthorize() answers Username: and Password:', async () => {
      const conn = await connect(d());
      await conn.login(account);
      await conn.send('enable\r');
      await conn.appAuthorize(account, { flush: false });
      expect(conn.isAppAuthorized()).toBe(true);
      expect((await conn.expectPrompt()).match[0]).toMatch(/netx-rtr1#$/);
      const { response } = await conn.execute('show terminal');
      expect(response).toContain('Length: 24 lines, Width: 80 columns');
      await conn.close();
    });
  });
});
