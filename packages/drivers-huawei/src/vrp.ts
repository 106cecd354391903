// Huawei VRP (routers and switches): Exscript's `vrp` driver. Prompts `<name>` (user
// view) and `[name]` (system view).
import { defineDriver } from '@netx/core';
import { VRP_PAGERS } from './pagers.js';

export const vrp = defineDriver({
  name: 'vrp',
  // VRP5 prints `Username:` with no blank after it (VRP8 `Username: `).
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /[\r\n]Password: ?(?=\n?$)/,
  // `(?!\/)`: an XML closing tag (`</data>`, NETCONF output) has the shape of a `<view>`.
  prompt: /[\r\n][<[](?!\/)\S+[>\]] ?(?=\n?$)/i,
  pagers: VRP_PAGERS,
  initCommands: ['screen-length 0 temporary'],
  guess: {
    head: [
      { match: /\bhuawei\b/i, score: 80 },
      { match: /The current login time is.*/i, score: 70 },
      { match: /[\r\n][<[]\S+[>\]] ?$/i, score: 60 },
    ],
  },
  samples: {
    prompts: ['\r\n<hostname>', '\r\n<HUAWEI>', '\r\n[HUAWEI]', '\r\n[~HUAWEI-GigabitEthernet0/0/1]', '\r\n[*HUAWEI] ', '\r\n<fw-1> '],
    notPrompts: ['\r\nGigabitEthernet0/0/1 current state : UP', '\r\nHuawei Versatile Routing Platform Software', '\r\n</data>', '\r\n  </interface>'],
    usernamePrompts: ['\r\nUsername: ', 'User name: ', '\r\nLogin authentication\r\n\r\nUsername:'],
    passwordPrompts: ['\r\nPassword: ', '\r\nUsername:admin\r\nPassword:'],
    errors: ["                ^\r\nError: Unrecognized command found at '^' position.\r\n", 'Error: Wrong parameter found at \'^\' position.\r\n', 'Error:Incomplete command found at \'^\' position.\r\n'],
    nonErrors: ['Info: The max number of VTY users is 10\r\n', 'Input errors: 0\r\n'],
    loginErrors: ['\r\nError: Failed to authenticate.', '\r\nError: Authentication failed'],
    banners: [
      // corpus: vrp.1 (Exscript test data, MIT)
      '(banner goes here)\n\nUser Authentication\nPassword:\n\nInfo: The max number of VTY users is 10, and the number\n      of current VTY users on line is 1.\n      The current login time is 1990-01-13 09:56:24+01:00.\n<hostname>',
      // self-written, in the shapes of VRP5 and VRP8 logins
      '\r\nLogin authentication\r\n\r\nUsername:admin\r\nPassword:\r\nInfo: The max number of VTY users is 5, the number of current VTY users online is 1, and total number of terminal users online is 1.\r\n      The current login time is 2026-11-25 09:00:00.\r\n<AR2220>',
      'Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 8.180 (NE40E V800R011C00SPC200)\r\nCopyright (C) 2012-2019 Huawei Technologies Co., Ltd.\r\n\r\nUsername:',
    ],
    pagers: ['\r\n  ---- More ----', '\r\n---- More ----'],
  },
});
