// ZyXEL (DSLAMs/switches): Exscript's `zyxel` driver. The prompt may end with `ESC 7`
// (save cursor); a `Password:` line also counts as a prompt (enable password).
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const zyxel = defineDriver({
  name: 'zyxel',
  // Deviation: Exscript's `( \x1b7)?` misses the corpus device's own `md12-test-1# `
  // (a blank without ESC 7); netx also takes a lone trailing blank.
  prompt: [/[\r\n][\-\w+.()]+(?:\([^)]+\))?[>#$](?: \x1b7| )?(?=\n?$)|(?:\(y\/n\)\[n\])/, /[\r\n]Password: ?/i],
  pagers: MORE_PAGERS,
  guess: {
    response: [{ match: /Copyright .* ZyXEL Communications Corp./i, score: 90 }],
  },
  samples: {
    prompts: ['\r\nmd12-test-1# ', '\r\nmd12-test-1#', '\r\nIES-5000> \x1b7', '\r\nGS1920(config)#'],
    notPrompts: ['\r\nCopyright (c) 1994 - 2013 ZyXEL Communications Corp.', '\r\n  port 1 is up'],
    usernamePrompts: ['User name: ', 'login: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Invalid command\r\n', 'ERROR: parameter out of range\r\n'],
    nonErrors: ['Copyright (c) 1994 - 2013 ZyXEL Communications Corp.\r\n'],
    loginErrors: ['\r\nLogin failed', '\r\nIncorrect password'],
    banners: [
      // corpus: zyxel (Exscript test data, MIT)
      'User name: admin\n\nPassword: **************\nCopyright (c) 1994 - 2013 ZyXEL Communications Corp.\nmd12-test-1# \n',
      // self-written, in the IES / GS switch shapes
      'User name: admin\r\n\r\nPassword: ****\r\nCopyright (c) 1994 - 2019 ZyXEL Communications Corp.\r\nIES-5106# ',
      'Copyright (c) 1994 - 2017 ZyXEL Communications Corp.\r\n',
    ],
    pagers: ['\r\n--More--'],
  },
});
