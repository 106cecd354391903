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
import { vyos, drivers } from '../src/index.js';

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

const user = new Account({ name: 'vyos', password: 'vyos' });

describe('vyos end to end', () => {
  runScenario({
    driver: vyos,
    device: {
      hostname: 'vyos',
      login: { style: 'username+password', usernamePrompt: 'vyos login: ', passwordPrompt: 'Password: ', username: 'vyos', password: 'vyos' },
      motd: 'Welcome to VyOS!\n\n   Check out project news at https://blog.vyos.io\n\n',
      prompt: (_mode, { hostname, username }) => `\x1b[?2004h${username}@${hostname}:~$ `,
      pager: { prompt: '--More--' },
      commands: [...initCommands(vyos, 'set terminal length 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
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
