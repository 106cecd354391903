// HP/HPE/H3C Comware (5 and 7). VRP-like views: `<H3C>` (user view) and `[H3C]`,
// `[H3C-GigabitEthernet1/0/1]` (system view). Claims only text naming H3C or Comware
// (or Comware's copyright notice), never the `<...>` prompt shape that `vrp` owns.
// Patterns after scrapli's hp_comware definition and Netmiko's hp_comware.py.
import { defineDriver } from '@netx/core';
import { COMWARE_PAGERS } from './pagers.js';

export const comware = defineDriver({
  name: 'comware',
  usernamePrompt: /(?:user ?name|login): *$/i,
  passwordPrompt: /password: *$/i,
  // `<H3C>`, `[H3C]`, `[H3C-vlan10]`, IRF/RBM `RBM_P<fw1>`, `RBM_S[fw1-policy-security]`
  // `(?!\/)`: an XML closing tag (the `xml` view's output) has the shape of a `<sysname>`.
  prompt: /[\r\n](?:RBM_[PS])?(?:<(?!\/)[\w.\-@/:]{1,64}>|\[[\w.\-@/:]{1,64}\]) ?$/,
  errorPrompt: [
    /^\s*% ?(?:Unrecognized command|Incomplete command|Ambiguous command|Too many parameters|Wrong parameter)/im,
    /% \S[^\r\n]* found at '\^' position/,
  ],
  pagers: COMWARE_PAGERS,
  initCommands: ['screen-length disable'],
  guess: {
    head: [
      { match: /\bH3C\b/, score: 85 },
      { match: /\bComware\b/i, score: 90 },
      { match: /Without the owner's prior written consent,[\s*]*no decompiling or reverse-engineering/, score: 75 },
    ],
    response: [
      { match: /\bH3C\b/, score: 85 },
      { match: /\bComware\b/i, score: 90 },
    ],
  },
  samples: {
    prompts: [
      '\r\n<H3C>',
      '\r\n[H3C]',
      '\r\n[H3C-GigabitEthernet1/0/1]',
      '\r\nRBM_P<BJTTCYY-FW01>',
      // self-written
      '\r\n[core-sw1-vlan-interface10]',
      '\r\n<HPE5130>',
      '\r\nRBM_S[fw1-ui-vty0-63]',
    ],
    notPrompts: ['\r\n[Slot 1]  state: Normal', '\r\n version 7.1.070, Release 3208P03', '\r\n<cr>  The end', '\r\n</data>', '\r\n</rpc-reply>]]>]]>'],
    usernamePrompts: ['\r\nLogin authentication\r\n\r\n\r\nUsername:', 'login: '],
    passwordPrompts: ['\r\nPassword:'],
    errors: [
      "                      ^\r\n % Unrecognized command found at '^' position.\r\n",
      "% Incomplete command found at '^' position.\r\n",
      "                ^\r\n % Too many parameters found at '^' position.\r\n",
      "% Wrong parameter found at '^' position.\r\n",
    ],
    nonErrors: [' Comware Software, Version 7.1.070, Release 3208P03\r\n', 'GE1/0/1   UP   1G(a)   F(a)   A    1\r\n'],
    loginErrors: ['\r\n% Login failed!', '\r\nAuthentication failed.', '\r\n% Username or password is invalid.'],
    banners: [
      // Comware 7 default banner (H3C)
      "\r\n******************************************************************************\r\n* Copyright (c) 2004-2017 New H3C Technologies Co., Ltd. All rights reserved.*\r\n* Without the owner's prior written consent,                                 *\r\n* no decompiling or reverse-engineering shall be allowed.                    *\r\n******************************************************************************\r\n\r\nLogin authentication\r\n\r\n\r\nUsername:",
      // HP-branded Comware 5 (the copyright line names Hewlett-Packard; the notice decides)
      "\r\n******************************************************************************\r\n* Copyright (c) 2010-2013 Hewlett-Packard Development Company, L.P.          *\r\n* Without the owner's prior written consent,                                 *\r\n* no decompiling or reverse-engineering shall be allowed.                    *\r\n******************************************************************************\r\n\r\nLogin authentication\r\n\r\n\r\nUsername:",
      // self-written: a banner that names the OS
      '\r\nHPE Comware Platform Software\r\nAuthorized users only.\r\n\r\nlogin: ',
    ],
    pagers: ['\r\n  ---- More ----', '\r\n  ---- More ----\x1b[16D'],
  },
});
