// OS guessing against every profile: a Protocol that knows every netx driver and has
// none fixed must name the profile's platform from what the device says on its own.
import { describe, expect, it } from 'vitest';
import { Protocol } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport } from '../../transport-dummy/src/index.js';
import { getProfile, VirtualDevice, type LoginStyle } from '../src/index.js';
import { account, allDrivers } from './netx.js';

async function guessed(profile: string, opts: { loginStyle?: LoginStyle; then?: string } = {}) {
  // No host name given: each profile's own default (EOS's factory `localhost` is one of its signals).
  const device = new VirtualDevice(getProfile(profile).options(opts.loginStyle ? { loginStyle: opts.loginStyle } : {}));
  const conn = new Protocol({ transport: new DummyTransport({ device }), clock: new ManualClock(), drivers: allDrivers, stderr: () => undefined });
  await conn.connect('device');
  await conn.login(account);
  const afterLogin = conn.guessOs();
  if (opts.then !== undefined) await conn.execute(opts.then);
  const final = conn.guessOs();
  await conn.close();
  return { afterLogin, final };
}

describe('OS guessing with every driver and none fixed', () => {
  // Each profile's own signals: the banner or motd it prints, its prompt, its SSH identification.
  const byLogin: readonly (readonly [profile: string, driver: string])[] = [
    ['ios', 'ios'], // `User Access Verification`, and `SSH-2.0-Cisco-1.25`
    ['nxos', 'nxos'], // the NX-OS copyright banner
    ['ios_xr', 'ios_xr'], // the `RP/0/RP0/CPU0:` prompt
    ['junos', 'junos'], // `--- JUNOS ...` motd
    ['eos', 'eos'], // the factory host name in `localhost login:` / `localhost>`
    ['vrp', 'vrp'], // `The current login time is`
    ['routeros', 'routeros'], // the MikroTik banner
    ['panos', 'panos'], // `Number of failed attempts since last successful login`
    ['linux', 'linux'], // `Welcome to Ubuntu`
  ];
  for (const [profile, driver] of byLogin) {
    it(`guesses ${driver} for the ${profile} profile once logged in`, async () => {
      expect((await guessed(profile)).afterLogin).toBe(driver);
    });
  }

  it('guesses ios for ios_xe at login (the same CLI, nothing says XE), then ios_xe once `show version` says IOS XE', async () => {
    const { afterLogin, final } = await guessed('ios_xe', { then: 'show version' });
    expect(afterLogin).toBe('ios');
    expect(final).toBe('ios_xe');
  });

  it('keeps ios for the ios profile after `show version` (an IOS 15 text)', async () => {
    expect((await guessed('ios', { then: 'show version' })).final).toBe('ios');
  });

  it('guesses fortios for a FortiGate session that starts at its prompt (SSH: the device asks nothing itself)', async () => {
    expect((await guessed('fortios', { loginStyle: 'none' })).afterLogin).toBe('fortios');
  });
});
