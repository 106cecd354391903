// Enterasys SecureStack / Matrix switches: Exscript's `enterasys` driver, prompt `name(su)->`.
import { defineDriver } from '@netx/core';
import { ENTERASYS_PAGERS } from './pagers.js';

export const enterasys = defineDriver({
  name: 'enterasys',
  usernamePrompt: /[\r\n]Username: (?=\n?$)/,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: /[\r\n][\-\w+.]+(?:\([^)]+\))?-?[>#] ?(?=\n?$)/,
  pagers: ENTERASYS_PAGERS,
  guess: {
    head: [{ match: /\benterasys\b/i, score: 80 }],
  },
  samples: {
    prompts: ['\r\nec-c3-c27s99(su)->', '\r\nSwitch(rw)->', '\r\nC5(su)-> ', '\r\nmatrix-n7(ro)->'],
    notPrompts: ['\r\nChassis Serial Number:      XXXXXXXXXXX', '\r\nEnterasys Networks, Inc.'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Error: Invalid command\r\n', 'Invalid input detected\r\n'],
    nonErrors: ['Chassis Firmware Revision:  06.03.04.0004\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAuthentication failed'],
    banners: [
      // corpus: enterasys (Exscript test data, MIT)
      'Unauthorised access prohibited\n\nEnterasys SecureStack C3\nCommand Line Interface\n\nEnterasys Networks, Inc.\n50 Minuteman Rd.\nAndover, MA 01810-1008 U.S.A.\n\nPhone: +1 978 684 1000\nE-mail: support@enterasys.com\nWWW: http://www.enterasys.com\n\n(c) Copyright Enterasys Networks, Inc. 2009\n\nChassis Serial Number:      XXXXXXXXXXX\nChassis Firmware Revision:  06.03.04.0004\n\n\nec-c3-c27s99(su)->\n',
      // self-written, in the SecureStack / Matrix shapes
      '\r\nEnterasys SecureStack B5\r\nCommand Line Interface\r\n\r\nUsername: ',
      'Enterasys Matrix N7 Platinum\r\n(c) Copyright Enterasys Networks, Inc. 2008\r\n\r\nUsername: admin\r\nPassword: \r\n\r\nMatrix(su)->',
    ],
    pagers: ['\r\n--More-- or (q)uit'],
  },
});
