// Juniper E-series (JUNOSe, ERX): Exscript's `junos_erx` driver. IOS-like CLI;
// authorization is `enable 15`.
import { defineDriver } from '@netx/core';
import { ERX_PAGERS } from './pagers.js';

export const junos_erx = defineDriver({
  name: 'junos_erx',
  usernamePrompt: /[\r\n]User: (?=\n?$)/,
  passwordPrompt: /[\r\n](Telnet password:|Password:) (?=\n?$)/,
  prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  pagers: ERX_PAGERS,
  initCommands: ['terminal length 0', 'terminal width 512'],
  authorizeCommand: 'enable 15',
  guess: {
    head: [{ match: /\bJuniper Networks\b/, score: 75 }],
  },
  samples: {
    prompts: ['\r\nAUGX48-erx>', '\r\nerx1#', '\r\nerx1(config)#', '\r\nerx1:vr-a(config-if)# '],
    notPrompts: ['\r\nFastEthernet0/0 is up, line protocol is up', '\r\nJuniper Edge Routing Switch ERX-1440'],
    usernamePrompts: ['\r\nUser: '],
    passwordPrompts: ['\r\nTelnet password: ', '\r\nPassword: '],
    errors: ["              ^\r\n% Invalid input at '^' marker.\r\n", 'Error: no such interface\r\n', '% Incomplete command\r\n'],
    nonErrors: ['Juniper Edge Routing Switch ERX-1440\r\n'],
    loginErrors: ['\r\n% Login invalid', '\r\nAccess denied'],
    banners: [
      // corpus: junos_erx (Exscript test data, MIT)
      '\nTelnet password: ********\nLogged in on vty 0 via telnet.\nCopyright (c) 1999-2007 Juniper Networks, Inc.  All rights reserved.\n\nAUGX48-erx>\n',
      // self-written, in the E-series telnet shape
      '\r\n\r\nTelnet password: \r\nLogged in on vty 1 via telnet.\r\nCopyright (c) 1999-2010 Juniper Networks, Inc.  All rights reserved.\r\n\r\nerx-pe2>',
      'Copyright (c) 1999-2009 Juniper Networks, Inc.  All rights reserved.\r\n\r\nUser: ',
    ],
    pagers: ['\r\n --More-- '],
  },
});
