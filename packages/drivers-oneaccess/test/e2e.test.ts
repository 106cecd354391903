// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { one_os, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

describe('oneaccess end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: one_os,
    device: {
      hostname: 'LBB-320',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      // OneOS shows its first prompt after an empty line (the guess signal).
      motd: '\n',
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(one_os, 'term len 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
