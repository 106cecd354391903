// FortiOS (FortiGate): Exscript's `fortios` driver. A FortiGate shows no banner, only
// its prompt, so the guess signals are anchored at the start of the text: they score
// only while the whole text is one line (Exscript's "single line" rule).
// Deviation: Exscript's `^` signals miss a session whose output starts with a line
// break (`\r\nfw1 # `, as SSH sessions and consoles often do); leading `[\r\n]*` is allowed.
// Deviation: behind a login dialogue (telnet, a console server) the prompt is not at
// the start; a `name # ` line before login completes scores too, above RiOS's `name >`
// / `name #` (a SteelHead lands in `>` mode after login).
import { defineDriver } from '@netx/core';
import { FORTIOS_PAGERS } from './pagers.js';

export const fortios = defineDriver({
  name: 'fortios',
  usernamePrompt: /[\r\n]Username: (?=\n?$)/,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: [
    // the first prompt, at the very start of the session
    /^[a-zA-Z0-9\-_ .]+ (?:\$|#) (?=\n?$)/,
    /[\r\n][a-zA-Z0-9\-_ .]+ (?:\([A-Za-z0-9_/.\-]+\) )?(?:\$|#) (?=\n?$)/,
  ],
  errorPrompt: [/^Command fail./, /^object check operator error/],
  pagers: FORTIOS_PAGERS,
  initCommands: ['config global', 'config system console', 'set output standard', 'end', 'end'],
  guess: {
    head: [
      { match: /^[\r\n]*[a-zA-Z0-9\-_ .]+ (?:\$|#) $/, score: 50 },
      { match: /^[\r\n]*[a-zA-Z0-9\-_.]+@[a-zA-Z0-9\-_.]+'s password:/, score: 50 },
      { match: /[\r\n][a-zA-Z0-9\-_.]{1,35} (?:\([\w.\/=\-]{1,35}\) )?[#$] $/, score: 35 },
    ],
  },
  samples: {
    prompts: ['Forti-Name # ', '\r\nForti-Name # ', '\r\nfw1 (vdom) # ', '\r\nfw1 (global) $ ', '\r\nfw-hq-01 (port1) # '],
    notPrompts: ['\r\nVersion: FortiGate-60E v6.0.4', '\r\nForti-Name #'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Command fail. Return code -61\r\n', 'object check operator error, -9, discard the setting\r\n'],
    nonErrors: ['invalid netmask.\r\n', 'entry not found in datasource\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // corpus: fortios.1, fortios.2 (Exscript test data, MIT)
      'Forti-Name # \n',
      'user@host\'s password: \nForti-Name #\n',
      // self-written: the bare first prompt of an SSH session with a site host name
      'fw-hq-01 # ',
      "admin@10.0.0.1's password: ",
      // self-written: the deviation, output that starts with line breaks
      '\r\nfw-hq-01 # ',
      "\r\n\r\nadmin@10.0.0.1's password: ",
      // self-written: a telnet or console login, then the prompt (the virtual-device fortios profile)
      '\r\nr1 login: admin\r\nPassword: \r\nr1 # ',
      '\r\nfw-hq-01 login: admin\r\nPassword: \r\n\r\nfw-hq-01 $ ',
    ],
    pagers: ['\r\n--More-- '],
  },
});
