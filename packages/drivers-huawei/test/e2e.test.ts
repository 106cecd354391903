// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { vrp, vxworks, drivers } from '../src/index.js';

const user = new Account({ name: 'admin', password: 'Huawei@123' });

describe('huawei end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: vrp,
    device: {
      hostname: 'HUAWEI',
      banner: '\nHuawei Versatile Routing Platform Software\n',
      login: { style: 'username+password', header: '\nLogin authentication\n\n', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'Huawei@123' },
      motd: 'Info: The max number of VTY users is 10, and the number\n      of current VTY users on line is 1.\n      The current login time is 2026-11-25 08:00:00+00:00.\n',
      prompt: (_mode, { hostname }) => `<${hostname}>`,
      pager: { prompt: '  ---- More ----', erase: '\x1b[42D                                          \x1b[42D' },
      chunkSize: 7, // the erase sequence arrives in pieces
      commands: [...acceptInitCommands(vrp, 'screen-length 0 temporary'), ['display interface brief', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'display interface brief', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: vxworks,
    device: {
      hostname: 'MA5600T',
      banner: '\n  Huawei Integrated Access Software (MA5600).\n\n  Copyright(C) Huawei Technologies Co., Ltd. 2004-2011. All rights reserved.\n\n',
      login: { style: 'username+password', usernamePrompt: '>>User name:', passwordPrompt: '>>User password:', username: 'admin', password: 'Huawei@123' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
      enable: {},
      // No command switches the SmartAX pager off here: every page is answered.
      pager: { prompt: "---- More ( Press 'Q' to break ) ----", erase: '\x1b[37D                                     \x1b[37D' },
      commands: [['display board 0', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'display board 0', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });
});
