// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { ericsson_ban, smart_edge_os, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('ericsson end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: ericsson_ban,
    device: {
      hostname: 'blm1500',
      banner: '\nBLM1500 - Broadband Loop Multiplexer\n\n',
      login: { style: 'username+password', usernamePrompt: 'user: ', passwordPrompt: 'pass: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname }) => `${hostname}# `,
      // No command switches paging off: every page is answered.
      pager: { prompt: '--More--' },
      commands: [['show ports', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show ports', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: smart_edge_os,
    device: {
      hostname: 'DTMR78-se800',
      banner: '\nDTMR78-se800\n\n##########################################\n#          My Banner                     #\n##########################################\n',
      login: { style: 'username+password', usernamePrompt: 'login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'redback' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `[local]${hostname}>` : `[local]${hostname}#`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(smart_edge_os, 'terminal length 0'), ['show port', LONG_OUTPUT]],
    },
    account: new Account({ name: 'admin', password: 'redback', password2: 'enable' }),
    paged: { command: 'show port', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
