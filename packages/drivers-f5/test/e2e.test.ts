// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { bigip, drivers } from '../src/index.js';

const admin = new Account({ name: 'admin', password: 'admin' });

describe('f5 end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: bigip,
    device: {
      hostname: 'bigip1',
      login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
      prompt: (_mode, { hostname, username }) => `${username}@(${hostname})(cfg-sync Standalone)(Active)(/Common)(tmos)# `,
      // tmsh pages through less, in reverse video.
      pager: { prompt: (shown, total) => `\x1b[7m---(less ${Math.round((100 * shown) / total)}%)---\x1b[m`, erase: '\r\x1b[K' },
      commands: [...acceptInitCommands(bigip, 'modify cli preference pager disabled'), ['list ltm virtual', LONG_OUTPUT]],
    },
    account: admin,
    paged: { command: 'list ltm virtual', output: LONG_OUTPUT },
  });
});
