// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { dell_os10, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('dell end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: dell_os10,
    device: {
      hostname: 'OS10',
      banner: '\nDebian GNU/Linux 10 OS10 ttyS0\n\n',
      login: { style: 'username+password', usernamePrompt: 'OS10 login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      motd: 'Dell SmartFabric OS10 Enterprise\n\nCopyright (c) 1999-2023 by Dell Inc. All Rights Reserved.\n',
      initialMode: 'exec',
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '--more--' },
      commands: [...acceptInitCommands(dell_os10, 'terminal length 0'), ['show interface status', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interface status', output: LONG_OUTPUT },
  });
});
