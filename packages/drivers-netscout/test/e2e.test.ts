// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { arbor_peakflow, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('netscout end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: arbor_peakflow,
    device: {
      hostname: 'pfsp-leader',
      banner: '\nArbor Networks Peakflow SP\n\n',
      login: { style: 'username+password', usernamePrompt: 'login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}:/# `,
      pager: { prompt: '--More--' },
      commands: [...(arbor_peakflow.initCommands.length ? acceptInitCommands(arbor_peakflow, arbor_peakflow.initCommands[0]!) : []), ['services sp device show', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'services sp device show', output: LONG_OUTPUT },
  });
});
