// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { vyos, drivers } from '../src/index.js';

const user = new Account({ name: 'vyos', password: 'vyos' });

describe('vyos end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: vyos,
    device: {
      hostname: 'vyos',
      login: { style: 'username+password', usernamePrompt: 'vyos login: ', passwordPrompt: 'Password: ', username: 'vyos', password: 'vyos' },
      motd: 'Welcome to VyOS!\n\n   Check out project news at https://blog.vyos.io\n\n',
      prompt: (_mode, { hostname, username }) => `\x1b[?2004h${username}@${hostname}:~$ `,
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(vyos, 'set terminal length 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
  });
});
