// End to end: the core Protocol logs into a virtual Acme OS switch (a
// VirtualDevice from @netx/transport-dummy), guesses acme_os among all built-in
// drivers, answers the pager, runs autoInit and autoAppAuthorize.
import { describe, expect, it } from 'vitest';
import { Account, isNetxError, Protocol } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { allDrivers } from '@netx/drivers';
import { DummyTransport, VirtualDevice, type CommandContext } from '@netx/transport-dummy';
import { acme_os } from '../src/index.js';

const INTERFACES = Array.from({ length: 50 }, (_, i) => `eth${i + 1}  up  10G  vlan ${100 + i}`).join('\n') + '\n';

/** A switch that behaves like Acme OS. */
function acmeSwitch(): VirtualDevice {
  return new VirtualDevice({
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
  });
}

async function connect() {
  const device = acmeSwitch();
  const conn = new Protocol({ transport: new DummyTransport({ device }), drivers: [...allDrivers, acme_os], clock: new ManualClock(), stderr: () => undefined });
  await conn.connect('sw1.lab');
  return { conn, device };
}

const account = new Account({ name: 'netops', password: 'pw', password2: 'admin-pw' });
const whole = `show interfaces\r\n${INTERFACES.replace(/\n/g, '\r\n')}`.replace(/[\r\n]+$/, '');

describe('Acme OS end to end', () => {
  it('guesses acme_os, pages, initialises and authorizes', async () => {
    const { conn, device } = await connect();
    await conn.login(account);
    expect(conn.guessOs()).toBe('acme_os');
    const session = device.sessions[0]!;
    // login() authorized already (the driver has an authorize command).
    expect(session.mode).toBe('admin');

    expect((await conn.execute('show interfaces')).response.replace(/[\r\n]+$/, '')).toBe(whole);
    await conn.autoInit();
    expect(session.commands.slice(-2)).toEqual(['cli paging off', 'cli width 512']);
    expect(session.pager.enabled).toBe(false);
    expect((await conn.execute('show interfaces')).response.replace(/[\r\n]+$/, '')).toBe(whole);

    await conn.autoAppAuthorize();
    expect(session.mode).toBe('admin');
    await conn.close(true);
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
