// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { eos, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

describe('arista end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: eos,
    device: {
      hostname: 'leaf1',
      banner: '\nArista Networks EOS shell\n\n',
      login: { style: 'username+password', usernamePrompt: 'leaf1 login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: { password: 'enable' },
      pager: { prompt: ' --More-- ' },
      commands: [...acceptInitCommands(eos, 'terminal length 0'), ['show interfaces status', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces status', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
