// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { mrv, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('mrv end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: mrv,
    device: {
      hostname: 'mcc',
      banner: '\nMRV Communications\n\n',
      login: { style: 'username+password', usernamePrompt: 'Authorized Login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname }) => `${hostname}$ `,
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(mrv, 'terminal length 0'), ['show ports', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show ports', output: LONG_OUTPUT },
  });
});
