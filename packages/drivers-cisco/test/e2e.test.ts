// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). Time never moves: the clock is a ManualClock.
import { describe, expect, it } from 'vitest';
import { Account, Protocol, type Driver } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport, VirtualDevice, type CommandContext, type CommandResponse, type VirtualDeviceOptions } from '@netx/transport-dummy';
import { ace, aironet, asa, ios, ios_xe, ios_xr, nxos, drivers } from '../src/index.js';

/** Accepts every init command of `driver`; `pagingOff` switches the pager off. */
function initCommands(driver: Driver, pagingOff: string): Array<readonly [string, CommandResponse]> {
  if (!driver.initCommands.includes(pagingOff)) throw new Error(`${driver.name} has no init command ${pagingOff}`);
  return driver.initCommands.map((command) => [
    command,
    (ctx: CommandContext) => {
      if (command === pagingOff) ctx.pager.enabled = false;
      return '';
    },
  ]);
}


const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });
const iosPrompt = (mode: string, { hostname }: { hostname: string }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`);
const iosLogin = (header: string) => ({
  style: 'username+password' as const,
  header,
  usernamePrompt: 'Username: ',
  passwordPrompt: 'Password: ',
  username: 'admin',
  password: 'admin',
});

describe('cisco end to end', () => {
  runScenario({
    driver: ios,
    device: {
      hostname: 'r1',
      login: iosLogin('\nUser Access Verification\n\n'),
      prompt: iosPrompt,
      enable: { password: 'enable' },
      pager: { prompt: ' --More-- ' },
      commands: [...initCommands(ios, 'term len 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  runScenario({
    driver: ios_xe,
    device: {
      hostname: 'c9300',
      login: iosLogin('\nCisco IOS XE Software, Version 17.09.04a\n\nUser Access Verification\n\n'),
      prompt: iosPrompt,
      enable: { password: 'enable' },
      pager: { prompt: ' --More-- ' },
      commands: [...initCommands(ios_xe, 'terminal length 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  runScenario({
    driver: asa,
    device: {
      hostname: 'ciscoasa',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      motd: "Type help or '?' for a list of available commands.\n",
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}> ` : `${hostname}# `),
      enable: { password: 'enable' },
      pager: { prompt: '<--- More --->', erase: '\r              \r' },
      commands: [...initCommands(asa, 'terminal pager 0'), ['show interface', LONG_OUTPUT]],
      unknownCommand: "ERROR: % Invalid input detected at '^' marker.\n",
    },
    account: admin,
    paged: { command: 'show interface', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  runScenario({
    driver: nxos,
    device: {
      hostname: 'n9k',
      banner: 'Cisco Nexus Operating System (NX-OS) Software\nTAC support: http://www.cisco.com/tac\n',
      login: { style: 'username+password', usernamePrompt: 'login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      initialMode: 'enable',
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '--More--' },
      commands: [...initCommands(nxos, 'term len 0'), ['show interface', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interface', output: LONG_OUTPUT },
  });

  runScenario({
    driver: ios_xr,
    device: {
      hostname: 'xr1',
      login: iosLogin('\nIMPORTANT:  READ CAREFULLY\n\n'),
      prompt: (_mode, { hostname }) => `RP/0/RP0/CPU0:${hostname}#`,
      pager: { prompt: ' --More-- ' },
      commands: [...initCommands(ios_xr, 'terminal len 0'), ['show interfaces brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces brief', output: LONG_OUTPUT },
  });

  runScenario({
    driver: ace,
    device: {
      hostname: 'ace1',
      banner: '\nCisco Application Control Software (ACSW)\nTAC support: http://www.cisco.com/tac\n',
      login: iosLogin(''),
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}/Admin>` : `${hostname}/Admin#`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...initCommands(ace, 'term len 0'), ['show serverfarm', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show serverfarm', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  runScenario({
    driver: aironet,
    device: {
      hostname: 'wlc',
      banner: '\n(Cisco Controller)\n',
      login: { style: 'username+password', usernamePrompt: 'User: ', passwordPrompt: 'Password:', username: 'admin', password: 'admin' },
      prompt: () => '(Cisco Controller) >',
      pager: { prompt: '--More-- or (q)uit' },
      commands: [...initCommands(aironet, 'config paging disable'), ['show ap summary', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show ap summary', output: LONG_OUTPUT },
  });
});

// ---- scenario runner (the same in every drivers-* package's e2e test) ----
interface Scenario {
  /** The driver the Protocol must guess for this device. */
  driver: Driver;
  device: VirtualDeviceOptions;
  account: Account;
  /** A command whose output the device pages (until the init commands switch paging off, if the driver has any). */
  paged: { command: string; output: string };
  /** Device mode after login/autoAppAuthorize; undefined: the OS has no AAA step. */
  privilegedMode?: string;
  /** The driver runs its init commands while authorizing (adtran), so login already switched paging off. */
  initOnLogin?: boolean;
}

const LONG_OUTPUT = Array.from({ length: 60 }, (_, i) => `line ${String(i + 1).padStart(2, '0')}  GigabitEthernet0/${i}  up  up`).join('\n') + '\n';
const trimEnd = (text: string) => text.replace(/[\r\n]+$/, '');

function runScenario(s: Scenario): void {
  it(`${s.driver.name}: logs in, guesses the OS, pages, runs autoInit and autoAppAuthorize`, async () => {
    const device = new VirtualDevice(s.device);
    const transport = new DummyTransport({ device });
    const conn = new Protocol({ transport, drivers, clock: new ManualClock(), stderr: () => undefined });
    const answers = new Set(s.driver.pagers.map((p) => p.answer));
    const pagerAnswersSent = () => transport.writes.filter((w) => answers.has(w)).length;
    try {
      await conn.connect('device');
      await conn.login(s.account);
      expect(conn.guessOs()).toBe(s.driver.name);
      expect(conn.getDriver().name).toBe(s.driver.name);
      const session = device.sessions[0]!;
      expect(session.loggedIn).toBe(true);
      const initialMode = s.device.initialMode ?? 'user';
      expect(session.mode).toBe(s.privilegedMode ?? initialMode);

      // Paged output comes back whole (pager prompts answered and stripped), before and after autoInit;
      // a driver without init commands leaves the pager on and keeps answering it.
      const want = trimEnd(`${s.paged.command}\r\n${s.paged.output.replace(/\n/g, '\r\n')}`);
      const pagingOff = s.driver.initCommands.length > 0;
      expect(session.pager.enabled).toBe(!s.initOnLogin);
      expect(trimEnd((await conn.execute(s.paged.command)).response)).toBe(want);
      if (!s.initOnLogin) expect(pagerAnswersSent()).toBeGreaterThanOrEqual(2);
      const before = session.commands.length;
      await conn.autoInit();
      expect(session.commands.slice(before)).toEqual([...s.driver.initCommands]);
      expect(session.pager.enabled).toBe(!pagingOff);
      const answered = pagerAnswersSent();
      expect(trimEnd((await conn.execute(s.paged.command)).response)).toBe(want);
      if (pagingOff) expect(pagerAnswersSent()).toBe(answered);
      else expect(pagerAnswersSent()).toBeGreaterThanOrEqual(answered + 2);

      // autoAppAuthorize: reaches (or stays in) the privileged mode; a no-op without AAA.
      const sent = session.commands.length;
      await conn.autoAppAuthorize();
      expect(session.mode).toBe(s.privilegedMode ?? initialMode);
      if (s.privilegedMode === undefined) expect(session.commands.length).toBe(sent);
      expect(trimEnd((await conn.execute(s.paged.command)).response)).toBe(want);
    } finally {
      await conn.close(true);
    }
  });
}
