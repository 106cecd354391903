// F5 BIG-IP tmsh: Exscript's `bigip` driver, prompt `user@(host)(cfg-sync ...)(Active)(/Common)(tmos)#`.
// Authorization is a no-op hook, as in Exscript.
import { defineDriver } from '@netx/core';
import { TMSH_PAGERS } from './pagers.js';

export const bigip = defineDriver({
  name: 'bigip',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  prompt: /\S+@(\(.*?\)){1,4}\(tmos.*?\)#\s?/,
  errorPrompt: [/Syntax Error/i, /connection timed out/i],
  pagers: TMSH_PAGERS,
  initCommands: ['modify cli preference pager disabled'],
  autoAuthorize: async () => {},
  guess: {
    head: [{ match: '(tmos)', score: 90 }],
  },
  samples: {
    prompts: [
      '\r\nuser@(hostname)(cfg-sync In Sync)(Active)(/Common)(tmos)#',
      '\r\nadmin@(bigip1)(cfg-sync Standalone)(Active)(/Common)(tmos)# ',
      '\r\nroot@(lb01)(cfg-sync Changes Pending)(Active)(/Common)(tmos.ltm)# ',
    ],
    notPrompts: ['\r\nSys::Version', '\r\n  Product     BIG-IP'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Syntax Error: "shw" unknown property\r\n', '01020036:3: Syntax Error: the requested pool was not found\r\n'],
    nonErrors: ['  Product     BIG-IP\r\n  Version     15.1.8\r\n'],
    loginErrors: ['\r\nAccess denied', '\r\nLogin incorrect'],
    banners: [
      // corpus: bigip.1 (Exscript test data, MIT)
      '(Banner goes here)\nuser@(hostname)(cfg-sync In Sync)(Active)(/Common)(tmos)#',
      // self-written, in the BIG-IP SSH shapes
      'Last login: Wed Nov 25 08:00:00 2026 from 10.0.0.5\r\nadmin@(bigip-a)(cfg-sync In Sync)(Active)(/Common)(tmos)# ',
      'Password: \r\nroot@(lb2)(cfg-sync Disconnected)(Standby)(/Common)(tmos)# ',
    ],
    pagers: ['\r\n---(less 21%)---', '\r\n(END)'],
  },
});
