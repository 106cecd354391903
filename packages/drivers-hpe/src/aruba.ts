// Aruba mobility controllers (ArubaOS): Exscript's `aruba` driver, prompt `(name) >`.
import { CISCO_ERROR_PROMPTS, defineDriver } from '@netx/core';
import { ARUBA_PAGERS } from './pagers.js';

export const aruba = defineDriver({
  name: 'aruba',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  // Deviation: Exscript's `\(\w+\) [>#]` takes no `-` or `.` in the host name and none of
  // the markers ArubaOS adds before `#`: `^` (unsaved changes), `*` (a crash dump on
  // flash), `[nodename]` (ArubaOS 8 hierarchy), and a `(config...)` context.
  prompt: /[\r\n]\([\w\-.]+\) [*^]?(?:\[[\w\-./]+\] )?(?:\([\w\-./]+\) )?[>#] ?(?=\n?$)/,
  errorPrompt: CISCO_ERROR_PROMPTS,
  pagers: ARUBA_PAGERS,
  initCommands: ['no paging'],
  authorizeCommand: 'enable',
  guess: {
    head: [{ match: /aruba/i, score: 88 }],
  },
  samples: {
    prompts: [
      '\r\n(Aruba650) >',
      '\r\n(Aruba650) #',
      '\r\n(mc1) # ',
      '\r\n(aruba7210) >',
      // Netmiko's aruba_os driver
      '\r\n(ARUBA-MASTER) >',
      '\r\n(ARUBA-MASTER) #',
      // real prompts quoted in ytti/oxidized#2381, #3151, #1910
      '\r\n(ARUBA-MC-RAP) #',
      '\r\n(ARUBA-MC-01) *#',
      '\r\n(WPP-ArubaVMC) [mynode] #',
      '\r\n(AAAA-WLC42) *[mynode] #',
      // the forms listed in ansible/ansible#54261 (ArubaOS 8), host names self-written
      '\r\n(Aruba7010) ^#',
      '\r\n(mm-1.lab) ^[mynode] #',
      // self-written: config mode
      '\r\n(Aruba7010) (config) #',
      '\r\n(Aruba7010) [mynode] (config) #',
    ],
    notPrompts: [
      '\r\n(Aruba650) > show version',
      '\r\nArubaOS (MODEL: Aruba650), Version 6.1.3.6',
      // self-written: an echo line after a dashed host name
      '\r\n(ARUBA-MASTER) #show ap database',
    ],
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
