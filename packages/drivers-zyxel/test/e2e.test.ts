// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { zyxel, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('zyxel end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: zyxel,
    device: {
      hostname: 'md12-test-1',
      login: { style: 'username+password', usernamePrompt: 'User name: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      motd: 'Copyright (c) 1994 - 2013 ZyXEL Communications Corp.\n',
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '-- more --' },
      commands: [['show interface', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interface', output: LONG_OUTPUT },
  });
});
