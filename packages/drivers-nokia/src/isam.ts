// Nokia (Alcatel-Lucent) ISAM access nodes: Exscript's `isam` driver. Its errors are the
// generic ones (Exscript's own list is never installed).
import { defineDriver } from '@netx/core';
import { ISAM_PAGERS } from './pagers.js';

export const isam = defineDriver({
  name: 'isam',
  usernamePrompt: /login: ?/i,
  passwordPrompt: /[\r\n]password: ?/i,
  // Deviation: Exscript's pattern has no end anchor, so a prompt-like start of any line
  // (the echo `NAME>#show ...`, output) ended the wait mid-output. Anchored at the end;
  // `>?[>#]` takes the whole `>#` (unanchored, the `>` alone was enough); a `(...)`
  // context stays on its line. The name class holds no blank (Exscript's did): `alarm table
  // full >#` or an indented output line is not a prompt.
  prompt: /[\r\n][\-+\w.]+(?:\([^)\r\n]+\))?>?[>#] ?(?=\n?$)/,
  pagers: ISAM_PAGERS,
  guess: {
    head: [{ match: /last login : \d{1,2}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}/, score: 90 }],
    response: [{ match: /[\r\n][\- +\d+\w+.]+(?:\([^)]+\))?[>#] ?/, score: 20 }],
  },
  samples: {
    prompts: ['\r\nDISTRICT-CITY>#', '\r\nISAM-7302>#', '\r\nleg-isam-01># '],
    notPrompts: [
      '\r\nadmin equipment slot 1/1/1',
      '\r\n========================================',
      // self-written, with the corpus host name: Exscript's unanchored pattern takes each
      // of these for a prompt (the echo line, output lines with `>` or `#` in them)
      '\r\nDISTRICT-CITY>#show equipment slot',
      '\r\nDISTRICT-CITY>#show equipment slot\r\nslot        actual-type  enabled\r\n--------------------------------\r\nnt-a        nant-e       yes',
      '\r\nISAM-7302>#info configure system\r\nconfigure system\r\n  id DISTRICT-CITY\r\nexit all',
      '\r\nalarm count > threshold 5\r\nlink 1 up',
      '\r\ntotal 2 entries # end of table\r\n',
      '\r\nDISTRICT CITY>#',
      '\r\n   ISAM-7302>#',
    ],
    usernamePrompts: ['login: ', '\r\nlogin:'],
    passwordPrompts: ['\r\npassword:', '\r\nPassword: '],
    errors: ['invalid token\r\n', 'Error : instance does not exist\r\n'],
    nonErrors: ['#### Welcome to DISTRICT-CITY-EG ####\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAuthentication failed'],
    banners: [
      // corpus: isam (Exscript test data, MIT)
      'login: foo\npassword:\n#### Welcome to DISTRICT-CITY-EG ####\nlast login : 13/05/15 13:49:40\nDISTRICT-CITY>#',
      // self-written, in the same shape
      'login: isadmin\r\npassword:\r\n\r\n       Welcome to ISAM\r\nlast login : 25/11/26 09:01:44\r\nISAM-7302-A>#',
      '\r\nlogin: admin\r\npassword: \r\nlast login : 1/2/26 8:05:00\r\n',
    ],
    pagers: ['\r\n--More--'],
  },
});
