// Cisco wireless LAN controllers (AireOS, "Cisco Controller"): Exscript's `aironet` driver.
// Its password and error patterns are the generic ones (Exscript never sets them).
import { defineDriver } from '@netx/core';
import { WLC_PAGERS } from './pagers.js';

export const aironet = defineDriver({
  name: 'aironet',
  usernamePrompt: /User:\s(?=\n?$)/i,
  prompt: /[\r\n](?:\([^)]+\))\s>(?=\n?$)/,
  pagers: WLC_PAGERS,
  initCommands: ['config paging disable'],
  guess: {
    head: [
      { match: '(Cisco Controller)', score: 90 },
      { match: '(WiSM-slot', score: 90 },
      { match: ') >', score: 87 },
    ],
  },
  samples: {
    prompts: ['\r\n(Cisco Controller) >', '\r\n(WiSM-slot2-1) >', '\r\n(wlc-5508) >'],
    notPrompts: ['\r\nAP Name.......................................... ap-01', '\r\n(Cisco Controller) > show sysinfo'],
    usernamePrompts: ['\r\nUser: ', '(Cisco Controller)\r\nUser: '],
    passwordPrompts: ['\r\nPassword:', 'Password: '],
    errors: ['Error: Invalid value\r\n', 'Incomplete command\r\n', 'Unknown command\r\n'],
    nonErrors: ['Product Version.................................. 8.5.140.0\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nUser authentication failed'],
    banners: [
      // corpus: aironet.1, aironet.2 (Exscript test data, MIT)
      '(Cisco Controller)\nUser: admin\nPassword:*********\n(Cisco Controller) >\n',
      '(WiSM-slot2-1)\nUser: imuseless\nPassword:***********\n(WiSM-slot2-1) >\n',
      // self-written: a WiSM2 blade and a WLC 5508 after login
      '\r\n(WiSM-slot4-1)\r\nUser: ',
      'Last login: never\r\n(Cisco Controller)\r\nUser: admin\r\nPassword:********\r\n(Cisco Controller) >',
    ],
    pagers: ['\r\n--More-- or (q)uit', '\r\n--More--'],
  },
});
