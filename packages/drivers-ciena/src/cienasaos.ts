// Ciena SAOS (carrier Ethernet): Exscript's `cienasaos` driver.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const cienasaos = defineDriver({
  name: 'cienasaos',
  usernamePrompt: /[^:]* login: ?(?=\n?$)/i,
  passwordPrompt: /Password: ?(?=\n?$)/,
  prompt: /[\r\n][\-\w+.:/]+[>#] ?(?=\n?$)/,
  errorPrompt: [/SHELL PARSER FAILURE/, /invalid input/i, /(?:incomplete|ambiguous) command/i, /connection timed out/i, /[^\r\n] not found/i],
  pagers: MORE_PAGERS,
  initCommands: ['system shell session set more off'],
  guess: {
    head: [{ match: 'SAOS is True Carrier Ethernet TM software', score: 90 }],
  },
  samples: {
    prompts: ['\r\ntesthost>', '\r\nsaos-3930> ', '\r\n5142-lab#', '\r\nCN5410> '],
    notPrompts: ['\r\nSAOS is True Carrier Ethernet TM software.', '\r\n| Port | Admin | Oper |'],
    usernamePrompts: ['testhost login: ', 'CN3916 login:'],
    passwordPrompts: ['\r\nPassword:', 'Password: '],
    errors: ['SHELL PARSER FAILURE: \'shw\' - no match\r\n', 'Invalid input\r\n', 'Incomplete command\r\n'],
    nonErrors: ['Welcome to the shell.\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // corpus: cienasaos.1 (Exscript test data, MIT)
      '\n(Banner goes here)\nSAOS is True Carrier Ethernet TM software.\n\ntesthost login: testuser\nPassword:\n\n\nSAOS is True Carrier Ethernet TM software.\nWelcome to the shell.\ntesthost>\n\n',
      // self-written, in the SAOS shapes
      '\r\nSAOS is True Carrier Ethernet TM software.\r\n\r\nsaos-3930 login: ',
      'Password:\r\n\r\nSAOS is True Carrier Ethernet TM software.\r\nWelcome to the shell.\r\nCN3916>',
    ],
    pagers: ['\r\n--More--'],
  },
});
