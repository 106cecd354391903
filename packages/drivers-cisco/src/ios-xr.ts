// Cisco IOS XR: Exscript's `ios_xr` driver. Recognised by its prompt
// (`RP/0/RSP0/CPU0:host#`), which only shows after login (a response signal).
import { CISCO_ERROR_PROMPTS, defineDriver, GENERIC_ERROR_PROMPT } from '@netx/core';
import { CISCO_MORE } from './pagers.js';

export const ios_xr = defineDriver({
  name: 'ios_xr',
  usernamePrompt: /[\r\n]Username: (?=\n?$)/,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: /[\r\n\x00]RP\/\d+\/(?:RS?P)?\d+\/CPU\d+:[^#]+(?:\([^)]+\))?#(?=\n?$)/,
  // XR prints IOS's messages (`% Ambiguous command:`, which the generic list misses) and `Error:` lines.
  errorPrompt: [GENERIC_ERROR_PROMPT, ...CISCO_ERROR_PROMPTS],
  pagers: CISCO_MORE,
  initCommands: ['terminal exec prompt no-timestamp', 'terminal len 0', 'terminal width 0'],
  guess: {
    response: [{ match: /[\r\n\x00]RP\/\d+\/(?:RS?P)?\d+\/CPU\d+:[^#]+(?:\([^)]+\))?#$/, score: 95 }],
  },
  samples: {
    prompts: ['\r\nRP/0/RP0/CPU0:testhost#', '\r\nRP/0/RP0/CPU0:ios#', '\r\nRP/0/RSP0/CPU0:pe1(config)#', '\r\nRP/0/0/CPU0:xrv-1(config-if)#'],
    notPrompts: ['\r\nRP/0/RP0/CPU0 is the active route processor', '\r\nThu Nov 25 09:15:00.123 UTC'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: [
      "                  ^\r\n% Invalid input detected at '^' marker.\r\n",
      '% Incomplete command.\r\n',
      'Error: no such file\r\n',
      // self-written, as XR answers `sh i` (the virtual-device ios_xr profile prints the same)
      '% Ambiguous command:  "sh i"\r\n',
    ],
    nonErrors: ['Cisco IOS XR Software, Version 6.1.3\r\n'],
    loginErrors: ['\r\n% Authentication failed'],
    banners: [
      // corpus: ios_xr (Exscript test data, MIT)
      '\n(Banner goes here)\n\nat \'testhost.t\' port \'/dev/vty1\' from \'10.0.0.1\'\n\nUsername: sab\ns/key 9796 en29000000\nPassword: \nRP/0/RP0/CPU0:testhost#\n',
      // self-written: an XR login over SSH (password only) and one with a motd
      'Password: \r\n\r\n\r\nRP/0/RSP0/CPU0:pe1.lab#',
      '\r\nIMPORTANT: authorised use only\r\n\r\nUsername: admin\r\nPassword: \r\n\r\nRP/0/RP0/CPU0:xr-core-2#',
    ],
    pagers: ['\r\n --More-- '],
  },
});
