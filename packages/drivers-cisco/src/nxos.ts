// Cisco Nexus (NX-OS): Exscript's `nxos` driver. Its authorization is a no-op hook, as
// in Exscript (a Nexus login lands in privileged mode).
import { defineDriver } from '@netx/core';
import { CISCO_MORE } from './pagers.js';

export const nxos = defineDriver({
  name: 'nxos',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  prompt: /[\r\n\x00][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  errorPrompt: [
    /%Error/,
    /invalid input/i,
    /(?:incomplete|ambiguous) command/i,
    /connection timed out/i,
    /[^\r\n] not found/i,
    // Deviation: NX-OS says `% Invalid command at '^' marker.`, which Exscript's list misses
    // (scrapli's NX-OS failure strings).
    /^% Invalid (?:command|parameter|number) at/,
  ],
  pagers: CISCO_MORE,
  initCommands: ['term len 0'],
  autoAuthorize: async () => {},
  guess: {
    head: [{ match: 'Cisco Nexus Operating System (NX-OS) Software', score: 95 }],
  },
  samples: {
    prompts: ['\r\nhostname#', '\r\nswitch>', '\r\nswitch# ', '\r\nswitch(config-if)# ', '\r\nswitch(maint-mode)# ', '\r\nswitch-tcl# '],
    notPrompts: ['\r\nEthernet1/1 is up', '\r\n  Hardware: 1000/10000 Ethernet, address: 0000.0000.0000'],
    usernamePrompts: ['\r\nUsername: ', 'User Name:'],
    passwordPrompts: ['\r\nPassword: '],
    errors: ["                       ^\r\n% Invalid command at '^' marker.\r\n", '% Incomplete command at \'^\' marker.\r\n', '% Invalid input detected\r\n'],
    nonErrors: ['Cisco Nexus Operating System (NX-OS) Software\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // corpus: nxos.1 (Exscript test data, MIT)
      '(Banner goes here)\n\nUsername:\nPassword:\nCisco Nexus Operating System (NX-OS) Software\nTAC support: http://www.cisco.com/tac\nCopyright (c) 2002-2009, Cisco Systems, Inc. All rights reserved.\nThe copyrights to certain works contained in this software are\nowned by other third parties and used and distributed under\nlicense. Certain components of this software are licensed under\nthe GNU General Public License (GPL) version 2.0 or the GNU\nLesser General Public License (LGPL) Version 2.1. A copy of each\nsuch license is available at\nhttp://www.opensource.org/licenses/gpl-2.0.php and\nhttp://www.opensource.org/licenses/lgpl-2.1.php\nhostname#\n',
      // self-written: the NX-OS banner after an SSH password login, and over telnet
      'User Access Verification\r\nPassword: \r\n\r\nCisco Nexus Operating System (NX-OS) Software\r\nTAC support: http://www.cisco.com/tac\r\nCopyright (C) 2002-2019, Cisco and/or its affiliates.\r\nAll rights reserved.\r\nn9k-1# ',
      '\r\n\r\nUser Access Verification\r\nlogin: admin\r\nPassword:\r\n\r\nCisco Nexus Operating System (NX-OS) Software\r\nTAC support: http://www.cisco.com/tac\r\nswitch# ',
    ],
    pagers: ['\r\n--More--'],
  },
});
