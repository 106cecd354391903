// Silver Peak VX/NX (VXOA): Exscript's `sp_vxoa` driver.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const sp_vxoa = defineDriver({
  name: 'sp_vxoa',
  usernamePrompt: /[\r\n]login ?:as :/,
  passwordPrompt: /[\r\n][Pp]assword: ?(?=\n?$)/,
  // Deviation: Exscript's `.*?[>#]` takes any line ending in `>` or `#` (banner frames, XML
  // output). The prompt is `name >`, `name #` or `name (mode) #`.
  prompt: /[\r\n][\w.\-]+(?: \([^)\r\n]+\))? ?[>#] ?(?=\n?$)/,
  errorPrompt: /^(unknown|invalid|error|syntax error)/i,
  pagers: MORE_PAGERS,
  initCommands: ['terminal length 65536'],
  authorizeCommand: 'enable',
  guess: {
    // Deviation: Exscript's `Silver[\r\n\s]Peak...` takes one character between the
    // words, so the phrase wrapped with CRLF (`Silver\r\nPeak`, as SSH/Telnet send it) missed.
    head: [{ match: /Silver\s+Peak\s+Systems\s+Inc\./, score: 90 }],
    response: [{ match: /Last login:\s/, score: 20 }],
  },
  samples: {
    prompts: ['\r\nsilverpeak_vxoa >', '\r\nsilverpeak_vxoa #', '\r\nsp-dc1 (config) # '],
    notPrompts: [
      '\r\nPeak Systems Inc. End User License Agreement.',
      '\r\nLast login: Wed May  8 09:11:32 2019 from 192.168.1.3',
      '\r\nsilverpeak vxoa #',
      '\r\n################################',
      '\r\nTunnel to-hub is up >',
    ],
    usernamePrompts: ['\r\nlogin :as :', '\r\nlogin:as :'],
    passwordPrompts: ['\r\nPassword:', '\r\npassword: '],
    errors: ['Unknown command "shw"\r\n', 'Invalid argument\r\n', 'syntax error\r\n'],
    nonErrors: ['Appliance: silverpeak_vxoa\r\n'],
    loginErrors: ['\r\nAuthentication failed', '\r\nAccess denied'],
    banners: [
      // corpus: sp_vxoa (Exscript test data, MIT)
      'By using this product, you agree to be bound by the terms of Silver\nPeak Systems Inc. End User License Agreement.\n\nPassword:\nLast login: Wed May  8 09:11:32 2019 from 192.168.1.3\nsilverpeak_vxoa >\n',
      // self-written, in the VXOA shapes
      'By using this product, you agree to be bound by the terms of Silver Peak Systems Inc. End User License Agreement.\r\n\r\nlogin as: ',
      'Silver Peak Systems Inc.\r\nPassword:\r\nsp-edge-2 >',
      // self-written: the deviation, the corpus banner wrapped with CRLF
      'By using this product, you agree to be bound by the terms of Silver\r\nPeak Systems Inc. End User License Agreement.\r\n\r\nPassword:',
    ],
    pagers: ['\r\n--More--'],
  },
});
