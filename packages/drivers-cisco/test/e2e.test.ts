// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { ace, aironet, asa, ios, ios_xe, ios_xr, nxos, drivers } from '../src/index.js';
import { asaDevice } from './helpers/asa-device.js';


const admin = new Account({ name: 'admin', password: 'admin', password2: 'enable' });
const iosPrompt = (mode: string, { hostname }: { hostname: string }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`);
const iosLogin = (header: string) => ({
  style: 'username+password' as const,
  header,
  usernamePrompt: 'Username: ',
  passwordPrompt: 'Password: ',
  username: 'admin',
  password: 'admin',
});

describe('cisco end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: ios,
    device: {
      hostname: 'r1',
      login: iosLogin('\nUser Access Verification\n\n'),
      prompt: iosPrompt,
      enable: { password: 'enable' },
      pager: { prompt: ' --More-- ' },
      commands: [...acceptInitCommands(ios, 'term len 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: ios_xe,
    device: {
      hostname: 'c9300',
      login: iosLogin('\nCisco IOS XE Software, Version 17.09.04a\n\nUser Access Verification\n\n'),
      prompt: iosPrompt,
      enable: { password: 'enable' },
      pager: { prompt: ' --More-- ' },
      commands: [...acceptInitCommands(ios_xe, 'terminal length 0'), ['show interfaces', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: asa,
    device: asaDevice([...acceptInitCommands(asa, 'terminal pager 0'), ['show interface', LONG_OUTPUT]]),
    account: admin,
    paged: { command: 'show interface', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: nxos,
    device: {
      hostname: 'n9k',
      banner: 'Cisco Nexus Operating System (NX-OS) Software\nTAC support: http://www.cisco.com/tac\n',
      login: { style: 'username+password', usernamePrompt: 'login: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      initialMode: 'enable',
      prompt: (_mode, { hostname }) => `${hostname}# `,
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(nxos, 'term len 0'), ['show interface', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interface', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: ios_xr,
    device: {
      hostname: 'xr1',
      login: iosLogin('\nIMPORTANT:  READ CAREFULLY\n\n'),
      prompt: (_mode, { hostname }) => `RP/0/RP0/CPU0:${hostname}#`,
      pager: { prompt: ' --More-- ' },
      commands: [...acceptInitCommands(ios_xr, 'terminal len 0'), ['show interfaces brief', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show interfaces brief', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: ace,
    device: {
      hostname: 'ace1',
      banner: '\nCisco Application Control Software (ACSW)\nTAC support: http://www.cisco.com/tac\n',
      login: iosLogin(''),
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}/Admin>` : `${hostname}/Admin#`),
      enable: { password: 'enable' },
      pager: { prompt: '--More--' },
      commands: [...acceptInitCommands(ace, 'term len 0'), ['show serverfarm', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show serverfarm', output: LONG_OUTPUT },
    privilegedMode: 'enable',
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: aironet,
    device: {
      hostname: 'wlc',
      banner: '\n(Cisco Controller)\n',
      login: { style: 'username+password', usernamePrompt: 'User: ', passwordPrompt: 'Password:', username: 'admin', password: 'admin' },
      prompt: () => '(Cisco Controller) >',
      pager: { prompt: '--More-- or (q)uit' },
      commands: [...acceptInitCommands(aironet, 'config paging disable'), ['show ap summary', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'show ap summary', output: LONG_OUTPUT },
  });
});
