// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { panos, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('paloalto end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: panos,
    device: {
      hostname: 'PA-VM',
      login: { style: 'username+password', usernamePrompt: 'PA-VM login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      motd: 'Last login: Wed Nov 25 07:01:12 2026 from 192.0.2.10\n\nNumber of failed attempts since last successful login: 0\n\n\n',
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}> `,
      pager: { prompt: '--more--' },
      commands: [...acceptInitCommands(panos, 'set cli pager off'), ['show interface all', LONG_OUTPUT]],
      unknownCommand: 'Unknown command: foo\n',
    },
    account: admin,
    paged: { command: 'show interface all', output: LONG_OUTPUT },
  });
});
