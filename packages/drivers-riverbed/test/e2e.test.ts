// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { rios, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'password' });

describe('riverbed end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: rios,
    device: {
      hostname: 'amnesiac',
      banner: '\nRiverbed SteelHead\n\n',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'password' },
      prompt: (_mode, { hostname }) => `${hostname} > `,
      pager: { prompt: '--More--' },
      // `enable` is one of RiOS's init commands (its authorization is a no-op); accepted here.
      commands: [...acceptInitCommands(rios, 'term len 0'), ['show interfaces brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces brief', output: LONG_OUTPUT },
  });
});
