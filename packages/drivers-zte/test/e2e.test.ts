// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { zte, drivers } from '../src/index.js';

const admin = new Account({ name: 'zte', password: 'zte', password2: 'enable' });

describe('zte end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: zte,
    device: {
      hostname: 'ZXAN',
      banner: '\nZTE ZXA10 C300 Optical Access Convergence Equipment\n\n',
      login: { style: 'username+password', usernamePrompt: 'Username:', passwordPrompt: 'Password:', username: 'zte', password: 'zte' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: { password: 'enable' },
      pager: { prompt: ' --More--' },
      commands: [['show card', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show card', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
