// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { aruba, comware, hp_pro_curve, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'h3c-admin' });

describe('hpe end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: comware,
    device: {
      hostname: 'H3C',
      banner:
        "\n******************************************************************************\n* Copyright (c) 2004-2017 New H3C Technologies Co., Ltd. All rights reserved.*\n* Without the owner's prior written consent,                                 *\n* no decompiling or reverse-engineering shall be allowed.                    *\n******************************************************************************\n",
      login: { style: 'username+password', header: '\nLogin authentication\n\n\n', usernamePrompt: 'Username:', passwordPrompt: 'Password:', username: 'admin', password: 'h3c-admin' },
      prompt: (_mode, { hostname }) => `<${hostname}>`,
      pager: { prompt: '  ---- More ----', erase: '\x1b[16D                \x1b[16D' },
      commands: [...acceptInitCommands(comware, 'screen-length disable'), ['display interface brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'display interface brief', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: aruba,
    device: {
      hostname: 'Aruba650',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password:', username: 'admin', password: 'h3c-admin' },
      prompt: (mode, { hostname }) => (mode === 'user' ? `(${hostname}) >` : `(${hostname}) #`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(aruba, 'no paging'), ['show ap database', LONG_OUTPUT]],
    },
    account: new Account({ name: 'admin', password: 'h3c-admin', password2: 'enable' }),
    paged: { command: 'show ap database', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  // hp_pro_curve's only init command is an empty line (past "Press any key to
  // continue"): paging stays on after autoInit, so every page must still be answered.
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: hp_pro_curve,
    device: {
      hostname: 'ProCurve Switch 2810-24G',
      banner: 'ProCurve J9022A Switch 2810-48G\n\nSoftware revision N.11.25\n\nCopyright (C) 1991-2008 Hewlett-Packard Co.  All Rights Reserved.\n\n',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'manager', password: 'procurve' },
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '-- MORE --, next page: Space, next line: Enter, quit: Control-C', erase: '\r\x1b[K' },
      commands: [...acceptInitCommands(hp_pro_curve), ['show interfaces brief', LONG_OUTPUT]],
    },
    account: new Account({ name: 'manager', password: 'procurve' }),
    paged: { command: 'show interfaces brief', output: LONG_OUTPUT },
    initTurnsPagingOff: false,
  });
});
