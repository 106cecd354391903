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
import { vrp, vxworks, drivers } from '../src/index.js';

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

const user = new Account({ name: 'admin', password: 'Huawei@123' });

describe('huawei end to end', () => {
  runScenario({
    driver: vrp,
    device: {
      hostname: 'HUAWEI',
      banner: '\nHuawei Versatile Routing Platform Software\n',
      login: { style: 'username+password', header: '\nLogin authentication\n\n', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'Huawei@123' },
      motd: 'Info: The max number of VTY users is 10, and the number\n      of current VTY users on line is 1.\n      The current login time is 2026-11-25 08:00:00+00:00.\n',
      prompt: (_mode, { hostname }) => `<${hostname}>`,
      pager: { prompt: '  ---- More ----', erase: '\x1b[42D                                          \x1b[42D' },
      chunkSize: 7, // the erase sequence arrives in pieces
      commands: [...initCommands(vrp, 'screen-length 0 temporary'), ['display interface brief', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'display interface brief', output: LONG_OUTPUT },
  });

  runScenario({
    driver: vxworks,
    device: {
      hostname: 'MA5600T',
      banner: '\n  Huawei Integrated Access Software (MA5600).\n\n  Copyright(C) Huawei Technologies Co., Ltd. 2004-2011. All rights reserved.\n\n',
      login: { style: 'username+password', usernamePrompt: '>>User name:', passwordPrompt: '>>User password:', username: 'admin', password: 'Huawei@123' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: {},
      // No command switches the SmartAX pager off here: every page is answered.
      pager: { prompt: "---- More ( Press 'Q' to break ) ----", erase: '\x1b[37D                                     \x1b[37D' },
      commands: [['display board 0', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'display board 0', output: LONG_OUTPUT },
    privilegedMode: 'enable',
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
