// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { brocade, enterasys, enterasys_wc, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

describe('extreme end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: brocade,
    device: {
      hostname: 'mlx1',
      login: { style: 'username+password', header: '\nUser Access Verification\n\n', usernamePrompt: 'Please Enter Login Name: ', passwordPrompt: 'Please Enter Password: ', username: 'admin', password: 'admin' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `SSH@${hostname}>` : `SSH@${hostname}#`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--, next page: Space, next line: Return key, quit: Control-c' },
      commands: [...acceptInitCommands(brocade, 'terminal length 0'), ['show interfaces brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces brief', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: enterasys,
    device: {
      hostname: 'C5',
      banner: '\nEnterasys Networks, Inc. C5 Switch\n\n',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname }) => `${hostname}(su)->`,
      pager: { prompt: '--More-- or (q)uit' },
      commands: [['show port status', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show port status', output: LONG_OUTPUT },
  });

  // enterasys_wc has no init commands and no AAA step: the pager stays on throughout.
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: enterasys_wc,
    device: {
      hostname: 'EWC-1',
      banner: '+-------------------------------------------------------+\n|  Enterasys Wireless Convergence OS                    |\n|  Copyright Enterasys Networks Inc. 2013               |\n+-------------------------------------------------------+\n',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'abc123' },
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '--More--' },
      commands: [['show wlan', LONG_OUTPUT]],
    },
    account: new Account({ name: 'admin', password: 'abc123' }),
    paged: { command: 'show wlan', output: LONG_OUTPUT },
  });
});
