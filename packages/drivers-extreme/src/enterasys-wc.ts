// Enterasys (Extreme) wireless controllers, "Wireless Convergence OS": Exscript's `enterasys_wc`.
import { defineDriver } from '@netx/core';
import { ENTERASYS_PAGERS } from './pagers.js';

export const enterasys_wc = defineDriver({
  name: 'enterasys_wc',
  usernamePrompt: /[\r\n]Username: (?=\n?$)/,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: [/[\r\n][a-zA-Z0-9\-_ .]+# (?=\n?$)/, /[\r\n][a-zA-Z0-9\-_ .]+(?::[A-Za-z0-9_.\-]+)*# (?=\n?$)/],
  pagers: ENTERASYS_PAGERS,
  guess: {
    head: [{ match: /Enterasys Wireless Convergence OS/, score: 85 }],
  },
  samples: {
    prompts: ['\r\nHWC-Name# ', '\r\nHWC-Name:radio# ', '\r\nEWC 1# '],
    notPrompts: ['\r\n|  Enterasys Wireless Convergence OS                    |', '\r\nHWC-Name#'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Error: invalid command\r\n', 'Unrecognized command\r\n'],
    nonErrors: ['Copyright Enterasys Networks Inc. 2013\r\n'],
    loginErrors: ['\r\nLogin failed'],
    banners: [
      // corpus: enterasys_wc (Exscript test data, MIT)
      '+-------------------------------------------------------+\n|                                                       |\n|  Enterasys Wireless Convergence OS                    |\n|  Copyright Enterasys Networks Inc. 2013               |\n|                                                       |\n+-------------------------------------------------------+\nHWC-Name#\n',
      // self-written, in the same shape
      '+----------------------------------------------+\r\n|  Enterasys Wireless Convergence OS           |\r\n+----------------------------------------------+\r\nUsername: ',
      '\r\nEnterasys Wireless Convergence OS v8.31\r\nUsername: admin\r\nPassword: \r\nEWC-1# ',
    ],
    pagers: ['\r\n--More--'],
  },
});
