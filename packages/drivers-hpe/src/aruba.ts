// Aruba mobility controllers (ArubaOS): Exscript's `aruba` driver, prompt `(name) >`.
import { defineDriver } from '@netx/core';
import { ARUBA_PAGERS } from './pagers.js';

export const aruba = defineDriver({
  name: 'aruba',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  prompt: /[\r\n]\(\w+\) [>#] ?(?=\n?$)/,
  errorPrompt: [/%Error/, /invalid input/i, /(?:incomplete|ambiguous) command/i, /connection timed out/i, /[^\r\n]+ not found/i],
  pagers: ARUBA_PAGERS,
  initCommands: ['no paging'],
  authorizeCommand: 'enable\r',
  guess: {
    head: [{ match: /aruba/i, score: 88 }],
  },
  samples: {
    prompts: ['\r\n(Aruba650) >', '\r\n(Aruba650) #', '\r\n(mc1) # ', '\r\n(aruba7210) >'],
    notPrompts: ['\r\n(Aruba650) > show version', '\r\nArubaOS (MODEL: Aruba650), Version 6.1.3.6'],
    usernamePrompts: ['\r\nUsername: ', 'User Name:'],
    passwordPrompts: ['\r\nPassword:'],
    errors: ["                 ^\r\n% Invalid input detected at '^' marker.\r\n", '% Incomplete command.\r\n', 'Error: user not found\r\n'],
    nonErrors: ['ArubaOS (MODEL: Aruba650), Version 6.1.3.6\r\n'],
    loginErrors: ['\r\nAuthentication failed', '\r\nAccess denied'],
    banners: [
      // corpus: aruba.1 (Exscript test data, MIT)
      'Last login: Tue Jan 21 14:30:17 2014 from 10.0.0.1\n\n\n(Aruba650) >\n',
      // self-written, in the ArubaOS 6/8 shapes
      '\r\n\r\n(Aruba7010) \r\nUser: ',
      'Last login: Wed Nov 25 08:10:17 2026 from 10.0.0.9\r\n\r\n(aruba-mc-1) >',
    ],
    pagers: ['\r\n--More--'],
  },
});
