// ZTE (ZXAN OLTs, ZXR10): Exscript's `zte` driver. A `Password:` line also counts as a
// prompt (the enable password of privileged mode); authorization is `enable` with CRLF.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const zte = defineDriver({
  name: 'zte',
  usernamePrompt: [/user ?name:/i, /login/i],
  passwordPrompt: /(?:User )?Password:/i,
  prompt: [/[\r\n][\-\w+.()]+(?:\([^)]+\))?[>#$] ?(?=\n?$)|(?:\(y\/n\)\[n\])/, /[\r\n]Password: ?/i],
  errorPrompt: [/%Error/, /(?:Unrecognized|Incomplete) command/i, /Invalid input/i],
  pagers: MORE_PAGERS,
  authorizeCommand: 'enable\r\n',
  guess: {
    head: [{ match: /ZTE/i, score: 90 }],
  },
  samples: {
    prompts: ['\r\n18FT-XFR-T-EG#', '\r\nZXAN#', '\r\nZXAN(config)#', '\r\nOLT-1(config-if)# ', '\r\nzx-olt>'],
    notPrompts: ['\r\nWelcome to ZXAN product 5200 of ZTE Corporation', '\r\n************************************************'],
    usernamePrompts: ['\r\nUsername:', 'login: '],
    passwordPrompts: ['\r\nPassword:', 'User Password:'],
    errors: ['%Error 20203: Incomplete command.\r\n', '% Unrecognized command found at \'^\' position.\r\n', '% Invalid input detected\r\n'],
    nonErrors: ['ZXAN product 5200\r\n'],
    loginErrors: ['\r\n%Error 10100: Authentication failed', '\r\nAccess denied'],
    banners: [
      // corpus: zte (Exscript test data, MIT)
      '************************************************\nWelcome to ZXAN product 5200 of ZTE Corporation\n************************************************\n\nUsername:myusername\nPassword:\n18FT-XFR-T-EG#',
      // self-written, in the ZXAN / ZXR10 shapes
      '\r\n************************************************\r\nWelcome to ZXAN product C300 of ZTE Corporation\r\n************************************************\r\n\r\nUsername:',
      'ZXR10 Router Operating System Software, ZTE Corporation\r\nUsername:admin\r\nPassword:\r\nZXR10>',
    ],
    pagers: ['\r\n--More--'],
  },
});
