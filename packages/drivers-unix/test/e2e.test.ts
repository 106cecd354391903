// End to end: a virtual device of each kind logs in over DummyTransport, the core
// Protocol guesses the OS from what the device prints, autoInit() runs the
// driver's init commands (one of them switches the device's pager off, where the
// driver has any), a paged output comes back whole before and after, and
// autoAppAuthorize() reaches the privileged mode (or does nothing where the OS
// has no AAA step). The scenario runner is @netx/driver-test-kit's driverE2eScenario.
import { describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT } from '@netx/driver-test-kit';
import { aix, linux, shell, drivers } from '../src/index.js';

const user = new Account({ name: 'dev', password: 'secret' });

describe('unix end to end', () => {
  driverE2eScenario({ it, expect }, {
    drivers,
    driver: linux,
    device: {
      hostname: 'build-01',
      login: { style: 'username+password', usernamePrompt: 'build-01 login: ', passwordPrompt: 'Password: ', username: 'dev', password: 'secret' },
      motd: 'Welcome to Ubuntu 22.04.3 LTS (GNU/Linux 5.15.0-88-generic x86_64)\n\n * Documentation:  https://help.ubuntu.com\n',
      // bash with colours, an xterm title and bracketed paste, as Ubuntu's default PS1 does.
      prompt: (_mode, { hostname, username }) => `\x1b[?2004h\x1b]0;${username}@${hostname}: ~\x07\x1b[01;32m${username}@${hostname}\x1b[00m:\x1b[01;34m~\x1b[00m$ `,
      pager: { prompt: (shown, total) => `--More--(${Math.round((100 * shown) / total)}%)`, erase: '\r\x1b[K' },
      commands: [...acceptInitCommands(linux, 'export PAGER=cat SYSTEMD_PAGER=cat GIT_PAGER=cat MANPAGER=cat'), ['ip -br link', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'ip -br link', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: shell,
    device: {
      hostname: 'web1',
      banner: '\nDebian GNU/Linux 12 web1 ttyS0\n\n',
      login: { style: 'username+password', usernamePrompt: 'web1 login: ', passwordPrompt: 'Password: ', username: 'dev', password: 'secret' },
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}:~$ `,
      pager: { prompt: '--More--', erase: '\r\x1b[K' },
      commands: [['ls -l /etc', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'ls -l /etc', output: LONG_OUTPUT },
  });

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: aix,
    device: {
      hostname: 'aix01',
      banner: '\nAIX Version 7\nCopyright IBM Corporation, 1982, 2020.\n',
      login: { style: 'username+password', header: '\n', usernamePrompt: 'Authorized Login: ', passwordPrompt: "dev's Password: ", username: 'dev', password: 'secret' },
      prompt: (_mode, { hostname, username }) => `${username}@${hostname}:/home/${username}> `,
      pager: { prompt: '--More--' },
      commands: [['lsdev -Cc adapter', LONG_OUTPUT]],
    },
    account: user,
    paged: { command: 'lsdev -Cc adapter', output: LONG_OUTPUT },
  });
});
