// End to end: the core Protocol logs into a virtual Acme OS switch (a
// VirtualDevice from @netx/transport-dummy), guesses acme_os among all built-in
// drivers, answers the pager, runs autoInit and autoAppAuthorize (the scenario
// runner is @netx/driver-test-kit's driverE2eScenario), and raises the driver's errors.
import { describe, expect, it } from 'vitest';
import { Account, isNetxError, Protocol } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { allDrivers } from '@netx/drivers';
import { driverE2eScenario } from '@netx/driver-test-kit';
import { DummyTransport, VirtualDevice, type CommandContext, type VirtualDeviceOptions } from '@netx/transport-dummy';
import { acme_os } from '../src/index.js';

const INTERFACES = Array.from({ length: 50 }, (_, i) => `eth${i + 1}  up  10G  vlan ${100 + i}`).join('\n') + '\n';

/** A switch that behaves like Acme OS. */
const acmeSwitch: VirtualDeviceOptions = {
  hostname: 'sw1.lab',
  banner: '\nAcmeOS 4.2.1 - Acme Networks\nUnauthorised access is prohibited.\n\n',
  login: { style: 'username+password', usernamePrompt: 'acme login: ', passwordPrompt: 'Password: ', username: 'netops', password: 'pw', failureText: 'ERR-401: login incorrect' },
  prompt: (mode, { hostname }) => `${hostname}:${mode === 'admin' ? 'admin#' : 'exec>'} `,
  enable: { command: 'admin', password: 'admin-pw', toMode: 'admin', passwordPrompt: 'admin password: ', failureText: 'ERR-403: access denied' },
  pager: { pageLength: 20, prompt: '\x1b[7m-- More (space: next page, q: quit) --\x1b[0m', erase: '\r\x1b[K' },
  commands: [
    ['cli paging off', (ctx: CommandContext) => void (ctx.pager.enabled = false)],
    ['cli width 512', ''],
    ['show interfaces', INTERFACES],
  ],
  unknownCommand: (line) => `ERR-101: unknown command "${line.trim()}"\n`,
};

async function connect() {
  const device = new VirtualDevice(acmeSwitch);
  const conn = new Protocol({ transport: new DummyTransport({ device }), drivers: [...allDrivers, acme_os], clock: new ManualClock(), stderr: () => undefined });
  await conn.connect('sw1.lab');
  return { conn, device };
}

const account = new Account({ name: 'netops', password: 'pw', password2: 'admin-pw' });

describe('Acme OS end to end', () => {
  // login() authorizes already (the driver has an authorize command): the device is in
  // 'admin' mode from login on; autoInit switches paging off with `cli paging off`.
  driverE2eScenario({ it, expect }, {
    drivers: [...allDrivers, acme_os],
    driver: acme_os,
    device: acmeSwitch,
    account,
    paged: { command: 'show interfaces', output: INTERFACES },
    privilegedMode: 'admin',
  });

  it('raises InvalidCommandError on ERR-<nnn>: output', async () => {
    const { conn } = await connect();
    await conn.login(account);
    const err = await conn.execute('shw version').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isNetxError(err, 'NETX_INVALID_COMMAND')).toBe(true);
    await conn.close(true);
  });

  it('raises LoginFailure on a wrong password', async () => {
    const { conn } = await connect();
    const err = await conn.login(new Account({ name: 'netops', password: 'wrong' })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    await conn.close(true);
  });
});
