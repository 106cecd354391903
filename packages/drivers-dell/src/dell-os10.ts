// Dell EMC / Dell SmartFabric OS10. No enable: a sysadmin lands at `OS10#`, a
// netoperator at `OS10>`; config modes `OS10(config)#`, `OS10(conf-if-eth1/1/1)#`.
// Never claims on "Dell" alone (a Junos corpus device is named `Dell-EX4200`).
// Paging/errors after Netmiko's dell_os10_ssh.py and scrapli's dell_emc definition.
import { defineDriver } from '@netx/core';
import { OS10_PAGERS } from './pagers.js';

export const dell_os10 = defineDriver({
  name: 'dell_os10',
  usernamePrompt: /(?:^|[\r\n])[^\r\n]*(?:login(?: as)?|user ?name): ?$/i,
  passwordPrompt: /password: ?$/i,
  prompt: /[\r\n][\w.\-]{1,63}(?:\([\w.\-/:]{1,48}\))?[#>] ?$/,
  errorPrompt: [
    /^% ?(?:Error|Invalid input|Incomplete command|Ambiguous command)/im,
    /^(?:Command not found|Incomplete command)/m,
  ],
  pagers: OS10_PAGERS,
  initCommands: ['terminal length 0'],
  guess: {
    head: [
      { match: /Dell (?:EMC |SmartFabric )?(?:Networking )?OS10/, score: 95 },
      { match: /\bOS10 Enterprise\b/, score: 95 },
      { match: /(?:^|[\r\n])OS10 login: /, score: 85 },
    ],
    response: [
      { match: /Dell (?:EMC |SmartFabric )?(?:Networking )?OS10/, score: 95 },
      { match: /\bOS10 Enterprise\b/, score: 95 },
      { match: /[\r\n]OS10(?:\([\w.\-/:]{1,48}\))?# /, score: 80 },
    ],
  },
  samples: {
    prompts: [
      '\r\nOS10#',
      '\r\nOS10# ',
      // self-written
      '\r\nOS10(config)# ',
      '\r\nOS10(conf-if-eth1/1/1)# ',
      '\r\nleaf-01> ',
    ],
    notPrompts: ['\r\nOS Version: 10.5.4.0', '\r\nethernet1/1/1   up      25G   A  1     -'],
    usernamePrompts: ['\r\nOS10 login: ', 'login as: '],
    passwordPrompts: ['Password: ', "admin@192.0.2.1's password: "],
    errors: [
      "% Error: Invalid input detected at \"^\" marker.\r\n",
      "        ^\r\n% Invalid input detected at '^' marker.\r\n",
      '% Error: Incomplete command.\r\n',
      'Command not found\r\n',
    ],
    nonErrors: ['OS Version: 10.5.4.0\r\nBuild Version: 10.5.4.0.98\r\n', 'ethernet1/1/1   up      25G\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nPermission denied, please try again.'],
    banners: [
      // self-written in the shape of OS10 logins
      '\r\nDebian GNU/Linux 10 OS10 ttyS0\r\n\r\nOS10 login: ',
      '\r\nDell SmartFabric OS10 Enterprise\r\n\r\nCopyright (c) 1999-2023 by Dell Inc. All Rights Reserved.\r\n\r\nleaf-01# ',
      '\r\nDell EMC Networking OS10-Enterprise\r\nAuthorized users only\r\nlogin as: ',
    ],
    pagers: ['\r\n--more--', '\r\n--More--'],
  },
});
