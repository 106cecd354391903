// IBM AIX: Exscript's `aix` driver (generic prompt and errors).
import { defineDriver, GENERIC_PROMPT } from '@netx/core';
import { UNIX_PAGERS } from './pagers.js';

export const aix = defineDriver({
  name: 'aix',
  usernamePrompt: /[\r\n]Authorized Login: (?=\n?$)/,
  passwordPrompt: /[\r\n]\w+'s Password: (?=\n?$)/,
  prompt: GENERIC_PROMPT,
  pagers: UNIX_PAGERS,
  guess: {
    head: [
      { match: /[\r\n]Authorized Login: $/, score: 70 },
      { match: /\bAIX\b/, score: 75 },
    ],
  },
  samples: {
    prompts: ['\r\ntest@testhost:/home/test> ', '\r\nroot@aix01:/> ', '\r\n[root@aix01 /]#'],
    notPrompts: ['\r\n*  AIX 4.3.3', '\r\nLast login: Mon Dec 14 08:38:37 CET 2009 on /dev/pts/109 from testhost.local'],
    usernamePrompts: ['\r\nAuthorized Login: '],
    passwordPrompts: ["\r\ntest's Password: "],
    errors: ['ksh: foo:  not found.\r\n', 'Error: 0403-006 Execute permission denied.\r\n'],
    nonErrors: ['AIX aix01 3 4 000A1B2C4C00\r\n'],
    loginErrors: ['\r\nYou entered an invalid login name or password.'],
    banners: [
      // corpus: aix (Exscript test data, MIT)
      'telnet (testhost)\n\n\n\n\n\n\nWARNING ! ! !  YOU ARE MONITORED\nAccess to this system is restricted to authorized uses only.\nAny attempt to access this system without proper authority may result in prosecution.\n\n\nSecurity System V 5.0\n\nAuthorized Login: test\ntest\'s Password: \n*******************************************************************************\n* testhost                                                                    *\n*                                                                             *\n*  AIX 4.3.3                                                                  *\n*                                                                             *\n*******************************************************************************\nLast unsuccessful login: Mon Mar 30 14:12:54 CEST 2009 on /dev/pts/102 from testhost.local\nLast login: Mon Dec 14 08:38:37 CET 2009 on /dev/pts/109 from testhost.local\n\ntest@testhost:/home/test> \n',
      // self-written, in the AIX 7 shapes
      'AIX Version 7\r\nCopyright IBM Corporation, 1982, 2020.\r\nlogin: ',
      '\r\n\r\nSecurity notice: authorised users only\r\n\r\nAuthorized Login: ',
    ],
    pagers: ['\r\n(END)'],
  },
});
