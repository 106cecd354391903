// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { junos, junos_erx, drivers } from '../src/index.js';

const user = new Account({ name: 'netops', password: 'juniper' });

describe('juniper end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: junos,
    device: {
      hostname: 'mx1',
      login: { style: 'username+password', header: '\nmx1 (ttyu0)\n\n', usernamePrompt: 'login: ', passwordPrompt: 'Password:', username: 'netops', password: 'juniper' },
      motd: '--- JUNOS 21.4R3.15 Kernel 64-bit  JNPR-12.1-20220922.6ce9f2e_buil\n',
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}> `,
      pager: { prompt: (shown, total) => `---(more ${Math.round((100 * shown) / total)}%)---`, erase: '\r                                        \r' },
      commands: [...acceptInitCommands(junos, 'set cli screen-length 0'), ['show interfaces terse', LONG_OUTPUT]],
      unknownCommand: "                      ^\nunknown command.\n",
    },
    account: user,
    paged: { command: 'show interfaces terse', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: junos_erx,
    device: {
      hostname: 'erx1',
      banner: '\nJuniper Networks E-series Broadband Services Router\n\n',
      login: { style: 'username+password', usernamePrompt: 'User: ', passwordPrompt: 'Password: ', username: 'netops', password: 'juniper' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: { command: 'enable 15', password: 'secret15' },
      pager: { prompt: ' --More-- ' },
      commands: [...acceptInitCommands(junos_erx, 'terminal length 0'), ['show ip interface brief', LONG_OUTPUT]],
    },
    account: new Account({ name: 'netops', password: 'juniper', password2: 'secret15' }),
    paged: { command: 'show ip interface brief', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
