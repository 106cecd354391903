// Ericsson (Redback) SmartEdge: Exscript's `smart_edge_os` driver, prompt `[context]name#`.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const smart_edge_os = defineDriver({
  name: 'smart_edge_os',
  usernamePrompt: /[\r\n]login: /,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: /[\r\n]\x00?\[\w+\][\-\w+.]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  pagers: MORE_PAGERS,
  initCommands: ['terminal length 0', 'terminal width 65536'],
  authorizeCommand: 'enable',
  guess: {
    head: [
      { match: /[\r\n][^\r\n]+-se800[\r\n]/, score: 60 },
      { match: /[\r\n]login: /, score: 20 },
    ],
  },
  samples: {
    prompts: ['\r\n[local]MYHOSTNAME-se800#', '\r\n\x00[local]DTMR78-se800# ', '\r\n[local]se1200(config)#', '\r\n[vpn1]pe-3>'],
    notPrompts: ['\r\n#          My Banner                     #', '\r\n[local] context'],
    usernamePrompts: ['\r\nlogin: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['% Invalid input at \'^\' marker\r\n', 'Error: no such context\r\n'],
    nonErrors: ['Redback Networks SmartEdge OS Version SEOS-6.5.1.4\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\n% Authentication failed'],
    banners: [
      // corpus: smart_edge_os, smart_edge_os.1, smart_edge_os.2 (Exscript test data, MIT)
      '\nMYHOSTNAME-se800\n\n##########################################\n#          My Banner                     #\n##########################################\nlogin: foobar\ns/key 9992 en64917\nPassword: \nEnter S/Key secret password: \n\n[local]MYHOSTNAME-se800#\n',
      '\nMYHOSTNAME-se800\n\n##########################################\n#          My Banner                     #\n##########################################\nlogin: foobar\ns/key 9992 en64917\nPassword: \nEnter S/Key secret password: \n\n[local]MYHOSTNAME-se800#\n',
      '\r\nDTMR78-se800\r\n\r\u0000\r\n###########################################################\r\n#                                                         #\r\n# This system is private property of Deutsche Telekom AG. #\r\n#                                                         #\r\n#     Any unauthorized access is strictly prohibited      #\r\n#                                                         #\r\n#      and will be prosecuted to the full extent of       #\r\n#                                                         #\r\n#        applicable local and international law.          #\r\n#                                                         #\r\n###########################################################\r\nlogin: angrabb4\r\ns/key 4749 su1387788929\r\nPassword: \r\n\r\u0000[local]DTMR78-se800# \n',
    ],
    pagers: ['\r\n--More--'],
  },
});
