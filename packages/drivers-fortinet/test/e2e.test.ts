// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import type { CommandTable } from '@netx/transport-dummy';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { fortinet, fortios, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'fortinet' });

/** FortiOS console settings: `config system console` enters a sub-mode; `set output standard` stops paging. */
const consoleCommands: CommandTable = [['config system console', (ctx) => void (ctx.mode = 'console')]];
const consoleMode: CommandTable = [
  ['set output standard', (ctx) => void (ctx.pager.enabled = false)],
  ['end', (ctx) => void (ctx.mode = 'user')],
];
const fortiPrompt = (mode: string, { hostname }: { hostname: string }) => (mode === 'user' ? `${hostname} # ` : `${hostname} (${mode}) # `);

describe('fortinet end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: fortinet,
    device: {
      hostname: 'FGT60E4Q16000000',
      login: { style: 'username+password', usernamePrompt: 'FGT60E4Q16000000 login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'fortinet' },
      prompt: fortiPrompt,
      pager: { prompt: '--More-- ', erase: '\r         \r' },
      commands: [...consoleCommands, ['get system interface', LONG_OUTPUT]],
      modeCommands: { console: consoleMode },
    },
    account: admin,
    paged: { command: 'get system interface', output: LONG_OUTPUT },
  });

  // fortios: no banner, SSH already checked the password (login style 'none'), and the
  // output starts with a line break before the first prompt: the start-anchored guess
  // signals must still score (README: deviations).
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: fortios,
    device: {
      hostname: 'fw-hq-01',
      banner: '\n',
      prompt: fortiPrompt,
      pager: { prompt: '--More-- ', erase: '\r         \r' },
      commands: [...acceptInitCommands(fortios, 'set output standard'), ['get system interface', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'get system interface', output: LONG_OUTPUT },
  });
});
