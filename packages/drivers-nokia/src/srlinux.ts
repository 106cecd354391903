// Nokia SR Linux. Its prompt is two lines: a context line `--{ running }--[  ]--`
// and `A:srl#`; the CLI colours them, so ANSI is stripped before the prompt search.
// The context line scores 96: the `A:srl#` line after it also fits Exscript's sros
// prompt signal (95), and the context line always comes first.
// Patterns after scrapli's `nokia_srlinux` definition and Netmiko's nokia_srl.py.
import { defineDriver, stripAnsi } from '@netx/core';
import { SRLINUX_PAGERS } from './pagers.js';

export const srlinux = defineDriver({
  name: 'srlinux',
  usernamePrompt: /(?:user ?name|login): *$/i,
  passwordPrompt: /password: *$/i,
  // `--{ running }--[  ]--`, `--{ + candidate shared default }--[ interface ethernet-1/1 ]--`
  // then `A:srl# ` (A-D: the active CPM). Starts at a line start, so colour codes
  // before the context line belong to the prompt, not to the command's output.
  prompt: /(?:^|[\r\n])--\{[^\r\n{}]*\}--\[[^\r\n]*\]--[ \t]*\r?\n[ABCD]:[^\s#]{1,63}# ?$/,
  errorPrompt: /^(?:Error|Parsing error|Execution failed)\b/m,
  pagers: SRLINUX_PAGERS,
  initCommands: ['environment cli-engine type basic', 'environment complete-on-space false'],
  guess: {
    head: [
      { match: 'SR Linux', score: 95 },
      { match: 'srlinux CLI', score: 95 },
      { match: /--\{[^\r\n{}]*\b(?:running|candidate|state)\b[^\r\n{}]*\}--\[/, score: 96 },
    ],
    response: [
      { match: 'srlinux CLI', score: 95 },
      { match: /--\{[^\r\n{}]*\b(?:running|candidate|state)\b[^\r\n{}]*\}--\[/, score: 96 },
    ],
  },
  cleanSearchText: stripAnsi,
  samples: {
    prompts: [
      '\r\n--{ running }--[  ]--\r\nA:srl#',
      '\r\n--{ running }--[  ]--\nA:srl# ',
      '\r\n--{ + candidate shared default }--[ interface ethernet-1/1 ]--\r\nA:leaf1# ',
      '\r\n--{ [FACTORY] +* candidate private private-admin }--[  ]--\r\nB:spine-01# ',
      // self-written: the coloured prompt of the advanced CLI engine
      '\r\n\x1b[1m--{ running }--[  ]--\x1b[0m\r\nA:srl# ',
    ],
    notPrompts: [
      '\r\nA:srl# ',
      '\r\n  admin-state enable',
      '\r\n--{ running }--[  ]--',
    ],
    usernamePrompts: ['\r\nsrl login: ', 'Username: '],
    passwordPrompts: ['Password: ', "admin@clab-srl's password: "],
    errors: [
      "Parsing error: Unknown token 'shw'. Options are ['back', 'bash', 'diff', 'echo', 'enter', 'exit', 'file', 'help', 'history', 'info', 'insert', 'list', 'ping', 'quit', 'save', 'show', 'tools', 'tree']\r\n",
      'Error: Path \'/interface[name=ethernet-1/99]\' is not valid\r\n',
      'Execution failed: commit failed\r\n',
    ],
    nonErrors: ['  description "no Error: here"\r\n', 'ethernet-1/1 is up, speed 25G, type None\r\n'],
    loginErrors: ['\r\nPermission denied, please try again.', '\r\nLogin incorrect'],
    banners: [
      // SR Linux pre-login banner (shape of the default /etc/banner), self-written
      '................................................................\r\n:                  Welcome to Nokia SR Linux!                  :\r\n:              Open Network OS for the NetOps era.             :\r\n................................................................\r\n\r\nadmin@clab-srl\'s password: ',
      // self-written: post-login greeting then the first prompt
      "Using configuration file(s): []\r\nWelcome to the srlinux CLI.\r\nType 'help' (and press <ENTER>) if you need any help using this.\r\n--{ running }--[  ]--\r\nA:srl# ",
      // self-written: console login where only the prompt tells
      'srl login: admin\r\nPassword: \r\n--{ running }--[  ]--\r\nA:srl# ',
    ],
  },
});
