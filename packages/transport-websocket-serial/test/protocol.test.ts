// Through @netx/core's Protocol: login and execute over the real websockify
// (raw framing) and the ttyd simulator, with the generic driver.
import { Account, ConnectionError, InvalidCommandError, LoginFailure, Protocol, TimeoutError } from '@netx/core';
import { flushMicrotasks, ManualClock } from '@netx/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ttydAuthToken, WebSocketSerialTransport, type WebSocketSerialOptions } from '../src/index.js';
import { startSerialDevice, type SerialDevice } from './helpers/serial-device.js';
import { startWebsockify, type Websockify } from './helpers/websockify.js';
import { startWsConsole, type WsConsole } from './helpers/ws-console.js';

const token = ttydAuthToken('console', 'c0nsole');
const account = new Account({ name: 'admin', password: 'secret', password2: 'enable-pw' });
let device: SerialDevice;
let websockify: Websockify;
let ttydSim: WsConsole;

beforeAll(async () => {
  device = await startSerialDevice();
  const target = { host: '127.0.0.1', port: device.port };
  websockify = await startWebsockify({ target });
  ttydSim = await startWsConsole({ framing: 'ttyd', target, authToken: token });
});
afterAll(async () => {
  await websockify?.stop();
  await ttydSim?.stop();
  await device?.stop();
});

const peers: Array<{ name: string; port: () => number; options: WebSocketSerialOptions }> = [
  { name: 'raw framing via real websockify', port: () => websockify.port, options: { wakeUp: true } },
  { name: 'ttyd framing via the ttyd simulator', port: () => ttydSim.port, options: { framing: 'ttyd', authToken: token, wakeUp: true } },
];

for (const peer of peers) {
  describe(`Protocol over ${peer.name}`, () => {
    const open = async (extra: { clock?: ManualClock; timeout?: number } = {}) => {
      const stderr: string[] = [];
      const conn = new Protocol({ transport: new WebSocketSerialTransport(peer.options), debug: 5, stderr: (l) => stderr.push(l), timeout: 10_000, ...extra });
      await conn.connect('127.0.0.1', peer.port());
      return { conn, stderr };
    };

    it('logs in, executes, authorizes (enable) and reports an invalid command', async () => {
      const { conn, stderr } = await open();
      await conn.login(account);
      expect(conn.isAppAuthenticated()).toBe(true);
      const { response } = await conn.execute('show version');
      expect(response).toContain('Version 15.7(3)M8');
      // The generic driver does not know 'enable'; it answers the password prompt enable raises.
      await conn.send('enable\r');
      await conn.appAuthorize(account);
      expect(conn.isAppAuthorized()).toBe(true);
      expect((await conn.execute('show version')).match[0]).toMatch(/r1#/);
      await expect(conn.execute('show nonsense')).rejects.toBeInstanceOf(InvalidCommandError);
      await conn.close();
      expect(stderr.join('\n')).not.toContain('enable-pw');
      expect(stderr.join('\n')).not.toContain('secret');
    });

    it('fails the login with LoginFailure on a wrong password', async () => {
      const { conn } = await open();
      await expect(conn.login(new Account({ name: 'admin', password: 'wrong' }))).rejects.toBeInstanceOf(LoginFailure);
      await conn.close(true);
    });

    it('times out a wait on the Clock when the device stays silent', async () => {
      const clock = new ManualClock();
      const { conn } = await open({ clock, timeout: 5000 });
      await conn.login(account);
      const pending = conn.waitFor('never printed').catch((e) => e);
      await flushMicrotasks();
      clock.advance(5000);
      const err = await pending;
      expect(err).toBeInstanceOf(TimeoutError);
      await conn.close(true);
    });

    it('ends a pending wait with ConnectionError when the device hangs up', async () => {
      const { conn } = await open();
      await conn.login(account);
      await conn.send('exit\r');
      const err = await conn.waitFor('never printed').catch((e) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      await conn.close();
    });
  });
}
