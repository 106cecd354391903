// A fresh or console-attached IOS asks before the login: the setup dialog (declined)
// and "Press RETURN to get started!" (RETURN). ios answers both during login().
import { describe, expect, it } from 'vitest';
import { Account, Protocol } from '@netx/core';
import { DummyTransport, RawDevice } from '@netx/transport-dummy';
import { drivers, ios } from '../src/index.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('ios before the first prompt', () => {
  it('declines the setup dialog, presses RETURN, then logs in', async () => {
    const device = new RawDevice();
    const conn = new Protocol({ transport: new DummyTransport({ device }), drivers, driver: ios, timeout: 5_000 });
    const script = (async () => {
      const c = await device.nextConnection();
      await c.write('\r\n         --- System Configuration Dialog ---\r\n\r\nWould you like to enter the initial configuration dialog? [yes/no]: ');
      expect(text(await c.read(3))).toBe('no\r');
      await c.write('\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n');
      expect(text(await c.read(1))).toBe('\r');
      await c.write('\r\n\r\nUser Access Verification\r\n\r\nUsername: ');
      expect(text(await c.read(6))).toBe('admin\r');
      await c.write('\r\nPassword: ');
      expect(text(await c.read(3))).toBe('pw\r');
      await c.write('\r\nr1>');
      return c;
    })();
    await conn.connect('r1');
    await conn.authenticate(new Account({ name: 'admin', password: 'pw' }));
    const c = await script;
    expect(conn.isAppAuthenticated()).toBe(true);
    await conn.close();
    await c.closed;
  });
});
