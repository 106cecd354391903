// Ericsson Broadband Access Nodes (BLM DSLAMs): Exscript's `ericsson_ban` driver.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const ericsson_ban = defineDriver({
  name: 'ericsson_ban',
  usernamePrompt: /user:/i,
  passwordPrompt: /pass:/i,
  prompt: /[\r\n][\-\w+.]+(?:\([^)]+\))?[%#] ?(?=\n?$)|(?:\(y\/n\)\[n\])/,
  errorPrompt: /\(error\)/,
  loginErrorPrompt: /Login failed/,
  pagers: MORE_PAGERS,
  guess: {
    head: [{ match: /BLM\d+ - Broadband Loop Multiplexer/i, score: 90 }],
    response: [{ match: /Last login/i, score: 20 }],
  },
  samples: {
    prompts: ['\r\nGJDIR-G02E-T-EG# ', '\r\nblm1500%', '\r\nblm1500(config)#', '\r\nSave configuration? (y/n)[n]'],
    notPrompts: ['\r\nFailed login attempts   | 0', '\r\nCopyright 2001-2012 Ericsson Inc.'],
    usernamePrompts: ['\r\nuser: ', 'User:'],
    passwordPrompts: ['\r\npass:', 'Pass: '],
    errors: ['(error) unknown command\r\n', 'set port 1/1 (error) invalid value\r\n'],
    nonErrors: ['Error counters cleared\r\n'],
    loginErrors: ['\r\nLogin failed'],
    banners: [
      // corpus: ericsson_ban (Exscript test data, MIT)
      'BLM1500 - Broadband Loop Multiplexer\nCopyright 2001-2012 Ericsson Inc.\nFabric & Control Processor (ttyp0)\n\n\n\nGJDIR-G02E-T-EG (BLZDS011112) booted Thu Jun 26 08:49:43 EEST 2014, up for 9149:44:25\n\n\nuser: myuser\npass:\n\nNotice: This is a private computer system.\nUnauthorized access or use may lead to prosecution.\n--------------------------------------------------------------------------------\nLast login              | Sun Jan 15 13:26:50 EEST 2015 (0 days 00:07:24 ago)\nLast login From         | CLI-10.10.10.24\nFailed login attempts   | 0\nFailures due to lockout | 0\nLast failed attempt     | Sun Jun 15 12:23:04 EEST 2015 (0 days 00:07:33 ago)\nLast failure from       | CLI-10.10.10.24\nPassword expires        | NEVER\n--------------------------------------------------------------------------------\n',
      // self-written, in the same shape
      'BLM1200 - Broadband Loop Multiplexer\r\nCopyright 2001-2010 Ericsson Inc.\r\n\r\nuser: ',
      '\r\n\r\nBLM1500 - Broadband Loop Multiplexer\r\nFabric & Control Processor (ttyp1)\r\n\r\nuser: admin\r\npass:\r\n\r\nBLM-7# ',
    ],
    pagers: ['\r\n--More--'],
  },
});
