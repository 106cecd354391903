// HP ProCurve / ArubaOS-Switch: Exscript's `hp_pro_curve` driver. The switch paints its
// screen with ANSI sequences; cleanSearchText does what Exscript's
// clean_response_for_re_match does: `ESC E` becomes a line break, CSI sequences go, and
// the text from the first other escape on is held back (an escape still arriving).
import { defineDriver } from '@netx/core';
import { PROCURVE_PAGERS } from './pagers.js';

function cleanProCurve(text: string): string {
  const cleaned = text.replace(/\x1bE/g, '\r\n').replace(/(?:\x1b\[|\x9b)[\x30-\x3f]*[\x40-\x7e]/g, '');
  const esc = cleaned.indexOf('\x1b');
  return esc === -1 ? cleaned : cleaned.slice(0, esc);
}

export const hp_pro_curve = defineDriver({
  name: 'hp_pro_curve',
  usernamePrompt: /[\r\n]Username: ?(?=\n?$)/,
  passwordPrompt: /[\r\n]Password: ?(?=\n?$)/,
  // Deviation: Exscript's `[\-\w+.:/]+[>#]` takes no blanks, but the default host names
  // have them (`ProCurve Switch 2810-24G`), and no `(config)` context. Up to three more
  // blank-separated words and one `(context)` are allowed; the end anchor keeps echo and
  // output lines out.
  prompt: /[\r\n][\-\w+.:/]+(?: [\-\w+.:/]+){0,3}(?:\([\-\w+.:/]+\))?[>#] ?(?=\n?$)/,
  errorPrompt: /(?:invalid|incomplete|ambiguous) input:/i,
  loginErrorPrompt: [/[\r\n]invalid password/i, /unable to verify password/i, /unable to login/i],
  pagers: PROCURVE_PAGERS,
  // An empty line (past "Press any key to continue"). Deviation: Exscript executes '\r\n',
  // which with execute()'s own '\r' is two line ends: the switch prints two prompts and the
  // next command reads the stale one. execute('') sends one.
  initCommands: [''],
  cleanSearchText: cleanProCurve,
  guess: {
    head: [
      { match: 'ProCurve', score: 95 },
      { match: 'Hewlett-Packard', score: 50 },
    ],
  },
  samples: {
    prompts: [
      '\r\nhp2810# ',
      '\r\nsw-access-3> ',
      '\r\n\x1b[24;1Hsw1# ',
      '\r\ncore-5406zl#',
      '\r\nsw1# \x1b[?25',
      // self-written, the factory-default host names (blanks in the name; the HP/Aruba
      // models' `HP-2920-24G`), and the config context, which ends in `)#`
      '\r\nProCurve Switch 2810-24G# ',
      '\r\nProCurve Switch 2810-24G> ',
      '\r\nProCurve Switch 2810-24G(config)# ',
      '\r\nHP-2920-24G# ',
      '\r\nHP-2920-24G(config)# ',
      '\r\nHP-2920-24G(eth-1/1)# ',
      // host name from a real log (ytti/oxidized#1607), prompt shape self-written
      '\r\nARUBA2530 8G PoEE# ',
    ],
    notPrompts: [
      '\r\n  Status and Counters - General System Information',
      '\r\n  Firmware revision  : K.15.03.0007',
      // self-written: an echo line after a blank-containing prompt, a config line naming it
      '\r\nProCurve Switch 2810-24G# show system',
      '\r\nhostname "ProCurve Switch 2810-24G"',
      // up to four words make a name; a longer output line ending in `#` is not a prompt
      '\r\nLink state of port 1 is up#',
      '\r\n  System Name        : HP-2920-24G',
    ],
    usernamePrompts: ['\r\nUsername: ', '\r\nUsername:'],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Invalid input: sh0w\r\n', 'Incomplete input: interface\r\n', 'Ambiguous input: s\r\n'],
    nonErrors: ['  Software revision  : K.15.03.0007\r\n', 'Invalid packets: 0\r\n'],
    loginErrors: ['\r\nInvalid password', 'Unable to verify password', 'Unable to login'],
    banners: [
      // corpus: hp_pro_curve.1, hp_pro_curve.2 (Exscript test data, MIT)
      '\u001b[2J\u001b[?7l\u001b[3;23r\u001b[?6l\u001b[1;1H\u001b[?25l\u001b[1;1HProCurve J8697A Switch 5406zl\r\r\nSoftware revision K.13.60\r\r\n\r\r\nCopyright (C) 1991-2009 Hewlett-Packard Co.  All Rights Reserved.\r\n\r\n                           RESTRICTED RIGHTS LEGEND\r\n\r\n Use, duplication, or disclosure by the Government is subject to restrictions\r\n as set forth in subdivision (b) (3) (ii) of the Rights in Technical Data and\r\n Computer Software clause at 52.227-7013.\r\n\r\n         HEWLETT-PACKARD COMPANY, 3000 Hanover St., Palo Alto, CA 94303\r\n\r\nWe\'d like to keep you up to date about:\r\n  * Software feature updates\r\n  * New product announcements\r\n  * Special events\r\n\r\nPlease register your products now at:  www.ProCurve.com\r\n\r\n\r\n\u001b[24;1HPress any key to continue\u001b[1;1H\u001b[?25h\u001b[24;27H\n',
      '\u001b[2J\u001b[?7l\u001b[3;23r\u001b[?6l\u001b[1;1H\u001b[?25l\u001b[1;1HProCurve J8697A Switch 5406zl\r\r\nSoftware revision K.15.03.0007\r\r\n\r\r\nCopyright (C) 1991-2011 Hewlett-Packard Development Company, L.P.\r\n\r\n                   RESTRICTED RIGHTS LEGEND\r\n Confidential computer software.  Valid license from HP required for possession,\r\n use or copying. Consistent with FAR 12.211 and 12.212, Commercial Computer\r\n Software, Computer Software Documentation, and Technical Data for Commercial\r\n Items are licensed to the U.S. Government under vendor\'s standard commercial\r\n license.\r\n                   HEWLETT-PACKARD DEVELOPMENT COMPANY, L.P. \r\n                   20555 State Highway 249, Houston, TX 77070\r\n\r\nWe\'d like to keep you up to date about:\r\n  * Software feature updates\r\n  * New product announcements\r\n  * Special events\r\nPlease register your products now at:  www.hp.com/networking/register\r\n\r\n',
      // self-written: a ProCurve 2810 over SSH
      'ProCurve J9022A Switch 2810-48G\r\n\r\nSoftware revision N.11.25\r\n\r\nCopyright (C) 1991-2008 Hewlett-Packard Co.  All Rights Reserved.\r\n\r\nPress any key to continue',
    ],
    pagers: ['\r\n-- MORE --, next page: Space, next line: Enter, quit: Control-C'],
  },
});
