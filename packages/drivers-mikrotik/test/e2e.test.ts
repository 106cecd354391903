// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { routeros, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin+ct', password: 'admin' });

describe('mikrotik end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: routeros,
    device: {
      hostname: 'MikroTik',
      login: { style: 'username+password', usernamePrompt: 'Login: ', passwordPrompt: 'Password: ', username: 'admin+ct', password: 'admin' },
      motd: '\n\n  MikroTik RouterOS 7.12 (c) 1999-2023       https://www.mikrotik.com/\n\n',
      prompt: (_mode, { hostname }) => `[admin@${hostname}] > `,
      // RouterOS pages by terminal height and has no command to stop it: every page is answered.
      pager: { prompt: '-- [Q quit|D dump|down]', erase: '\r\x1b[K', keys: { ' ': 'page', D: 'page', q: 'quit', Q: 'quit' } },
      commands: [['/interface print', LONG_OUTPUT]],
      unknownCommand: 'bad command name foo (line 1 column 1)\n',
    },
    account: admin,
    paged: { command: '/interface print', output: LONG_OUTPUT },
  });
});
