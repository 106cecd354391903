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
import { aix, linux, shell, drivers } from '../src/index.js';

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

const user = new Account({ name: 'dev', password: 'secret' });

describe('unix end to end', () => {
  runScenario({
    driver: linux,
    device: {
      hostname: 'build-01',
      login: { style: 'username+password', usernamePrompt: 'build-01 login: ', passwordPrompt: 'Password: ', username: 'dev', password: 'secret' },
      motd: 'Welcome to Ubuntu 22.04.3 LTS (GNU/Linux 5.15.0-88-generic x86_64)\n\n * Documentation:  https://help.ubuntu.com\n',
      // bash with colours, an xterm title and bracketed paste, as Ubuntu's default PS1 does.
      prompt: (_mode, { hostname, username }) => `\x1b[?2004h\x1b]0;${username}@${hostname}: ~\x07\x1b[01;32m${username}@${hostname}\x1b[00m:\x1b[01;34m~\x1b[00m$ `,
      pager: { prompt: (shown, total) => `--More--(${Math.round((100 * shown) / total)}%)`, erase: '\r\x1b[K' },
      commands: [...initCommands(linux, 'export PAGER=cat SYSTEMD_PAGER=cat GIT_PAGER=cat MANPAGER=cat'), ['ip -br link', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'ip -br link', output: LONG_OUTPUT },
  });

  runScenario({
    driver: shell,
    device: {
      hostname: 'web1',
      banner: '\nDebian GNU/Linux 12 web1 ttyS0\n\n',
      login: { style: 'username+password', usernamePrompt: 'web1 login: ', passwordPrompt: 'Password: ', username: 'dev', password: 'secret' },
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}:~$ `,
      pager: { prompt: '--More--', erase: '\r\x1b[K' },
      commands: [['ls -l /etc', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'ls -l /etc', output: LONG_OUTPUT },
  });

  runScenario({
    driver: aix,
    device: {
      hostname: 'aix01',
      banner: '\nAIX Version 7\nCopyright IBM Corporation, 1982, 2020.\n',
      login: { style: 'username+password', header: '\n', usernamePrompt: 'Authorized Login: ', passwordPrompt: "dev's Password: ", username: 'dev', password: 'secret' },
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}:/home/${username}> `,
      pager: { prompt: '--More--' },
      commands: [['lsdev -Cc adapter', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'lsdev -Cc adapter', output: LONG_OUTPUT },
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
