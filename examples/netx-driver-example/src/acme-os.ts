// Acme OS: a made-up but realistic switch OS, written as a netx driver plugin.
//   exec mode    `sw1.lab:exec> `        (after login)
//   admin mode   `sw1.lab:admin# `       (after `admin` + the admin password)
//   config mode  `sw1.lab:config/interface eth1# `
// Errors start with `ERR-<number>:`; the pre-login banner names "AcmeOS".
import { defineDriver } from '@netx/core';
import { ACME_MORE } from './pagers.js';

export const acme_os = defineDriver({
  name: 'acme_os',
  usernamePrompt: /(?:^|[\r\n])acme login: ?$/,
  passwordPrompt: /(?:^|[\r\n])(?:admin )?password: ?$/i,
  prompt: /[\r\n][\w.\-]{1,63}:(?:exec>|admin#|config(?:\/[\w .\/-]{1,64})?#) ?$/,
  errorPrompt: /^ERR-\d{3}:/m,
  loginErrorPrompt: /[\r\n](?:ERR-401: login incorrect|ERR-403: access denied)/,
  pagers: [ACME_MORE],
  initCommands: ['cli paging off', 'cli width 512'],
  authorizeCommand: 'admin\r',
  guess: {
    // Scores: 90+ = the OS names itself; 60-80 = a shape only this OS has; <= 40 = hints.
    head: [
      { match: /\bAcmeOS\b/, score: 95 },
      { match: /[\r\n]acme login: /, score: 70 },
    ],
    response: [{ match: /[\r\n][\w.\-]{1,63}:exec> /, score: 60 }],
  },
  samples: {
    prompts: ['\r\nsw1.lab:exec> ', '\r\nsw1.lab:admin# ', '\r\nsw1.lab:config# ', '\r\nsw1.lab:config/interface eth1# ', '\r\ncore-2:exec>'],
    notPrompts: ['\r\nsw1.lab:exec> show version', '\r\neth1  up  10G', '\r\nadmin# is the admin prompt'],
    usernamePrompts: ['\r\nacme login: ', 'acme login:'],
    passwordPrompts: ['\r\nPassword: ', '\r\nadmin password: '],
    errors: ['ERR-101: unknown command "shw"\r\n', '          ^\r\nERR-102: incomplete command\r\n'],
    nonErrors: ['AcmeOS 4.2.1 (build 77)\r\nuptime 3 days\r\n', 'last error: ERR-101 seen 2 times\r\n'],
    loginErrors: ['\r\nERR-401: login incorrect', '\r\nERR-403: access denied'],
    banners: [
      '\r\nAcmeOS 4.2.1 - Acme Networks\r\nUnauthorised access is prohibited.\r\n\r\nacme login: ',
      '\r\n*** lab switch, ask #netops before changing anything ***\r\n\r\nacme login: ',
      '\r\nWelcome to AcmeOS\r\n\r\nacme login: ',
    ],
    pagers: ['\r\n-- More (space: next page, q: quit) --', '\r\n\x1b[7m-- More (space: next page, q: quit) --\x1b[0m'],
  },
});
