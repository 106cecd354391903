// MikroTik RouterOS (v6/v7). No enable and no paging command: RouterOS pages on its
// own terminal size (answered by ROUTEROS_MORE) and colours the prompt unless the
// login name carries `+ct` (e.g. `admin+ct`), so ANSI is stripped before the search.
// Prompt after scrapli's mikrotik definition and Netmiko (`[admin@KLWNBC12RB01] >`).
import { defineDriver, stripAnsi } from '@netx/core';
import { ROUTEROS_PAGERS } from './pagers.js';

export const routeros = defineDriver({
  name: 'routeros',
  usernamePrompt: /(?:user ?name|login): *$/i,
  passwordPrompt: /password: *$/i,
  // `[admin@MikroTik] > `, `[admin@MikroTik] /ip address> `, `[admin@MikroTik] /ip/address> `,
  // safe mode `[admin@MikroTik] <SAFE> `
  prompt: /[\r\n]\[[^\[\]\r\n@]{1,48}@[^\[\]\r\n]{1,64}\] (?:\/[^\r\n<>]{0,64})?(?:>|<SAFE>) ?$/,
  errorPrompt: /^(?:bad command name|syntax error|expected end of command|expected command name|invalid value|ambiguous value|input does not match any value|no such item|failure:)/im,
  loginErrorPrompt: /[\r\n][^\r\n]*(?:login failed|incorrect|denied|invalid|failure)/i,
  pagers: ROUTEROS_PAGERS,
  initCommands: [],
  guess: {
    head: [
      { match: /\bMikroTik\b/i, score: 90 },
      { match: /\bRouterOS\b/, score: 90 },
      { match: /[\r\n]\[[\w.\-+]{1,48}@[^\[\]\r\n]{1,64}\] (?:\/[^\r\n<>]{0,64})?> /, score: 70 },
    ],
    response: [
      { match: /\bRouterOS\b/, score: 90 },
      { match: /[\r\n]\[[\w.\-+]{1,48}@[^\[\]\r\n]{1,64}\] (?:\/[^\r\n<>]{0,64})?> /, score: 70 },
    ],
  },
  cleanSearchText: stripAnsi,
  samples: {
    prompts: [
      '\r\n[admin@KLWNBC12RB01] >',
      '\r\n[admin@MikroTik] > ',
      // self-written: sub-menus (v6 and v7 syntax), safe mode, coloured prompt
      '\r\n[admin@MikroTik] /ip address> ',
      '\r\n[admin@MikroTik] /ip/address> ',
      '\r\n[admin@MikroTik] <SAFE> ',
      '\r\n[admin@core-rtr.lab] /interface bridge port> ',
      '\r\n\x1b[m\x1b[32m[admin@MikroTik] > \x1b[m',
    ],
    notPrompts: ['\r\n 0   ether1   1500  E4:8D:8C:00:00:01', '\r\n# nov/25/2026 07:00:00 by RouterOS 7.12', '\r\n[admin@MikroTik]'],
    usernamePrompts: ['\r\nLogin: ', 'MikroTik Login: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: [
      'bad command name shw (line 1 column 1)\r\n',
      'syntax error (line 1 column 14)\r\n',
      'expected end of command (line 1 column 9)\r\n',
      'input does not match any value of interface\r\n',
      'failure: already have such address\r\n',
    ],
    nonErrors: [' 0  R  ;;; defconf\r\n        name="ether1" mtu=1500\r\n', 'Flags: X - disabled, R - running\r\n'],
    loginErrors: ['\r\nLogin failed, incorrect username or password'],
    banners: [
      // the RouterOS logo banner (abbreviated), then the first prompt
      '\r\n\r\n  MMM      MMM       KKK                          TTTTTTTTTTT      KKK\r\n  MMMM    MMMM       KKK                          TTTTTTTTTTT      KKK\r\n\r\n  MikroTik RouterOS 6.48.6 (c) 1999-2021       http://www.mikrotik.com/\r\n\r\n[admin@MikroTik] > ',
      // self-written: v7 with a licence question first
      '\r\nDo you want to see the software license? [Y/n]: n\r\n\r\n  MikroTik RouterOS 7.12 (c) 1999-2023       https://www.mikrotik.com/\r\n',
      // self-written: a renamed device where only the prompt tells
      'Login: netops\r\nPassword: \r\n\r\n[netops@edge-rb4011] > ',
    ],
    pagers: ['\r\n-- [Q quit|D dump|down]', ' 0 D ether1      bound\n-- [Q quit|D dump|down]'],
  },
});
