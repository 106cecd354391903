// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { sp_vxoa, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

describe('silverpeak end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: sp_vxoa,
    device: {
      hostname: 'silverpeak_vxoa',
      // Split across lines ('\n' becomes '\r\n'): the guess must not depend on the wrapping.
      banner: '\nBy using this product, you agree to be bound by the terms of Silver\nPeak Systems Inc. End User License Agreement.\n\n',
      login: { style: 'password', passwordPrompt: 'Password:', password: 'admin' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname} > ` : `${hostname} # `),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(sp_vxoa, 'terminal length 65536'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
