// Riverbed SteelHead (RiOS): Exscript's `rios` driver, prompt `name > ` / `name (config) # `.
// Authorization is a no-op hook (RiOS enters `enable` as an init command), as in Exscript.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const rios = defineDriver({
  name: 'rios',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  // Deviation: Exscript ends with `[>#]\s+$`, so the corpus' own `hostname >` (nothing
  // after the `>`) is no prompt until a blank arrives; `\s*$` takes it.
  prompt: /[\r\n][\-\w+.:/]+\s?(?:\([^)]+\))?\s+[>#]\s*$/,
  errorPrompt: [/%Error/, /% Unrecognized/i, /% Inactive/i],
  pagers: MORE_PAGERS,
  initCommands: ['term len 0', 'enable'],
  autoAuthorize: async () => {},
  guess: {
    // Deviation: Exscript gives rios no signals (its corpus test skips rios). netx scores
    // the vendor's name, and the blank before `>`/`#` that sets RiOS prompts apart.
    head: [
      { match: /\bRiverbed\b|\bSteelHead\b/i, score: 90 },
      { match: /[\r\n][\w.\-]+ (?:\(config[^)\r\n]*\) )?[>#]/, score: 30 },
    ],
  },
  samples: {
    prompts: [
      '\r\namnesiac > ',
      '\r\namnesiac # ',
      '\r\namnesiac (config) # ',
      '\r\nsh-dc-01 > \r\n',
      // corpus: rios.1 ends in `hostname >` with nothing after the `>`
      '\nhostname >',
      // self-written: the same without the trailing blank
      '\r\namnesiac #',
      '\r\namnesiac (config) #',
    ],
    notPrompts: [
      '\r\nProduct name:      rbt_sh',
      // self-written: echo lines after the corpus prompt
      '\r\nhostname > show version',
      '\r\nhostname >show version',
    ],
    usernamePrompts: ['\r\nUsername: ', 'User name:'],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['% Unrecognized command "shw".\r\n', '% Inactive command\r\n', '%Error: x\r\n'],
    nonErrors: ['Product release:   9.9.1\r\n'],
    loginErrors: ['\r\n% Authentication failed', '\r\nAccess denied'],
    banners: [
      // corpus: rios.1 (Exscript test data, MIT)
      '(Banner goes here)\nhostname >',
      // self-written, in the SteelHead shapes
      'Riverbed SteelHead\r\nlogin as: admin\r\nPassword: \r\nLast login: Wed Nov 25 08:00:00 2026 from 10.0.0.3\r\namnesiac > ',
      '\r\n\r\nsh-branch-12 > ',
    ],
    pagers: ['\r\n--More--'],
  },
});
