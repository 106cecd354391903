// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { sros, srlinux, isam, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('nokia end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: sros,
    device: {
      hostname: 'r1',
      banner: '\nTiMOS-C-20.10.R1 cpm/x86_64 Nokia 7750 SR Copyright (c) 2000-2020 Nokia.\n',
      login: { style: 'username+password', usernamePrompt: 'Login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname }) => `A:${hostname}# `,
      pager: { prompt: 'Press any key to continue (Q to quit)', erase: '\r                                      \r' },
      commands: [...acceptInitCommands(sros, 'environment no more'), ['show port', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show port', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: srlinux,
    device: {
      hostname: 'srl',
      banner: '................................................................\n:                  Welcome to Nokia SR Linux!                  :\n................................................................\n',
      login: { style: 'username+password', usernamePrompt: 'srl login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      motd: "Using configuration file(s): []\nWelcome to the srlinux CLI.\nType 'help' (and press <ENTER>) if you need any help using this.\n",
      // The advanced CLI engine colours the context line.
      prompt: (_mode, { hostname }) => `\x1b[1m--{ running }--[  ]--\x1b[0m\r\nA:${hostname}# `,
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(srlinux, 'environment cli-engine type basic'), ['show interface brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interface brief', output: LONG_OUTPUT },
  });

  // isam has no init commands and no AAA step: the pager stays on throughout.
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: isam,
    device: {
      hostname: 'ISAM-7302',
      login: { style: 'username+password', usernamePrompt: 'login: ', passwordPrompt: 'password: ', username: 'isadmin', password: 'ANS#150' },
      motd: '\n       Welcome to ISAM\nlast login : 25/11/26 09:01:44\n',
      prompt: (_mode, { hostname }) => `${hostname}>#`,
      pager: { prompt: '--More--' },
      commands: [['show equipment slot', LONG_OUTPUT]],
    },
    account: new Account({ name: 'isadmin', password: 'ANS#150' }),
    paged: { command: 'show equipment slot', output: LONG_OUTPUT },
  });
});
