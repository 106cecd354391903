// OS guessing against every profile: a Protocol that knows every netx driver and has
// none fixed must name the profile's platform from what the device says on its own.
import { describe, expect, it } from 'vitest';
import { Protocol } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport } from '../../transport-dummy/src/index.js';
import { getProfile, VirtualDevice, type LoginStyle } from '../src/index.js';
import { account, allDrivers } from './netx.js';

/** A Debian console server in front of the device: its SSH identification, the port's greeting and its motd. */
const CONSOLE_SERVER = {
  remoteVersion: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3',
  banner:
    'Debian GNU/Linux 12 cs1 ttyS0\n\nLinux cs1 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29) x86_64\n\n' +
    'The programs included with the Debian GNU/Linux system are free software;\n' +
    'the exact distribution terms for each program are described in the\nindividual files in /usr/share/doc/*/copyright.\n\n',
};

interface GuessOptions {
  loginStyle?: LoginStyle;
  hostname?: string;
  then?: string;
  behindConsoleServer?: boolean;
}

async function guessed(profile: string, opts: GuessOptions = {}) {
  // No host name given: each profile's own default (EOS's factory `localhost` is one of its signals).
  const base = getProfile(profile).options({ ...(opts.loginStyle ? { loginStyle: opts.loginStyle } : {}), ...(opts.hostname ? { hostname: opts.hostname } : {}) });
  const options = opts.behindConsoleServer ? { ...base, banner: CONSOLE_SERVER.banner + (base.banner ?? ''), remoteVersion: CONSOLE_SERVER.remoteVersion } : base;
  const transport = new DummyTransport({ device: new VirtualDevice(options) });
  const conn = new Protocol({ transport, clock: new ManualClock(), drivers: allDrivers, stderr: () => undefined });
  await conn.connect('device');
  await conn.login(account);
  const afterLogin = conn.guessOs();
  if (opts.then !== undefined) await conn.execute(opts.then);
  const final = conn.guessOs();
  await conn.close();
  return { afterLogin, final, written: transport.written };
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

  it('guesses fortios for a FortiGate behind its telnet login (`r1 login:`, then `r1 # `; it was rios)', async () => {
    expect((await guessed('fortios')).afterLogin).toBe('fortios');
  });

  it('guesses eos for an EOS switch with a site host name and no banner (`core-sw7 login:`, then `core-sw7>`; it was shell)', async () => {
    expect((await guessed('eos', { hostname: 'core-sw7' })).afterLogin).toBe('eos');
  });

  it('guesses eos once `show version` answers, for an EOS switch that asks nothing and prints only `core-sw7>`', async () => {
    const { final } = await guessed('eos', { hostname: 'core-sw7', loginStyle: 'none', then: 'show version' });
    expect(final).toBe('eos');
  });
});

describe('OS guessing behind a Linux console server (its Debian banner, motd and OpenSSH identification first)', () => {
  // Before, every one of these was shell or linux: the console server's "Linux" outscored the device.
  const behind: readonly (readonly [profile: string, driver: string])[] = [
    ['ios', 'ios'], // `User Access Verification` and `Username:`, which shell does not ask; `r1>` is no Linux prompt
    ['ios_xr', 'ios_xr'],
    ['nxos', 'nxos'],
    ['junos', 'junos'],
    ['vrp', 'vrp'],
    ['routeros', 'routeros'],
    ['linux', 'linux'], // a Linux device behind a Linux console server stays linux
    // Not yet: panos (its `Number of failed attempts` ties the banner's `Linux` at 70, and
    // ties go to the earliest) and fortios (`r1 login:` and `r1 # ` fit a Linux shell too).
  ];
  for (const [profile, driver] of behind) {
    it(`guesses ${driver} for the ${profile} profile`, async () => {
      expect((await guessed(profile, { behindConsoleServer: true })).afterLogin).toBe(driver);
    });
  }

  it('runs the IOS enable: login() authorizes with ios, not shell (which has no authorization step)', async () => {
    const { afterLogin, written } = await guessed('ios', { behindConsoleServer: true });
    expect(afterLogin).toBe('ios');
    expect(written).toMatch(/\renable\r/);
  });
});
