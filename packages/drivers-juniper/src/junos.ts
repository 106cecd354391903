// Juniper Junos: Exscript's `junos` driver. The prompt may follow a `{master}` /
// `{primary:node0}` line and an `[edit ...]` line; it always ends in `> `, `# ` or `% `.
import { defineDriver } from '@netx/core';
import { JUNOS_PAGERS } from './pagers.js';

export const junos = defineDriver({
  name: 'junos',
  usernamePrompt: /[\r\n](?:[\-\w+]+ )?login: (?=\n?$)/,
  passwordPrompt: /[\r\n](Local )?[Pp]assword: ?(?=\n?$)/,
  prompt:
    /(?:[\r\n]+(?:(?:\{master(?::\d+)?\}|\{backup(?::\d+)?\})|(?:\{primary:node\d+\}|\{secondary:node\d+\}))?(?:\[edit[^\]\r\n]*\])?)?[\r\n]+[\w\-.]+@[\-\w+.:]+[%>#] (?=\n?$)/,
  // An ambiguous abbreviation: `'sh' is ambiguous.` under the caret, then `Possible completions:`.
  errorPrompt: [/^(unknown|invalid|error|syntax error)/i, /^'[^'\r\n]+' is ambiguous\./],
  pagers: JUNOS_PAGERS,
  initCommands: ['set cli screen-length 0', 'set cli screen-width 0', 'set cli terminal ansi'],
  guess: {
    head: [
      { match: /\bjunos\b/i, score: 80 },
      // Deviation: Exscript scores any `host login: ` 35 for junos, above shell's 20, so a
      // plain Linux login is guessed as junos. Only the FreeBSD getty form Junos uses
      // (`host (ttyp0)` line, then a bare `login: `) scores here.
      { match: /\(tty\w+\)[\r\n]+login: $/, score: 35 },
    ],
  },
  samples: {
    prompts: [
      '\r\nuser@testhost> ',
      '\r\n{master}\r\nuser@testhost> ',
      '\r\nroot@Dell-EX4200-24T:RE:0% ',
      '\r\n[edit]\r\nuser@host# ',
      '\r\n{primary:node0}[edit]\r\nusername@SRX-4600-FW1# ',
      '\r\npyclass@pynet-jnpr-srx1> ',
      '\r\n{master:0}\r\nsab@DD-EA3> ',
    ],
    notPrompts: ['\r\nPhysical interface: ge-0/0/0, Enabled, Physical link is Up', '\r\n[edit]', '\r\n[edit interfaces]\r\n', '\r\nuser@host>'],
    usernamePrompts: ['\r\nlogin: ', 'testhost (ttyp0)\r\n\r\nlogin: '],
    passwordPrompts: ['\r\nPassword:', '\r\nLocal password: ', '\r\npassword: '],
    errors: [
      '                    ^\r\nsyntax error, expecting <command>.\r\n',
      '         ^\r\nunknown command.\r\n',
      'error: configuration database locked by:\r\n',
      'invalid value\r\n',
      // self-written, as Junos answers `sh`
      "         ^\r\n'sh' is ambiguous.\r\nPossible completions:\r\n  show                 Show system information\r\n  ssh                  Start secure shell on another host\r\n",
    ],
    nonErrors: ['Hostname: testhost\r\nModel: mx960\r\nJunos: 18.2R3.4\r\n', '  error counters: 0\r\n', "  description \"'core' is ambiguous. uplink\";\r\n"],
    loginErrors: ['\r\nLogin incorrect', '\r\nerror: authentication failed'],
    banners: [
      // corpus: junos.1 .. junos.3 (Exscript test data, MIT)
      '\n(Banner goes here)\n\n\ntesthost (ttyp0)\n\nlogin: test\nPassword: \n\n--- JUNOS 8.4R4.2 built 2008-05-21 08:47:52 UTC\nuser@testhost> \n',
      '--- JUNOS 10.3R2.11 built 2010-11-19 00:24:12 UTC\nroot@Dell-EX4200-24T:RE:0% \n',
      '\n\n(Banner goes here)\n\n\ntesthost (ttyp0)\n\nlogin: test\nPassword: \n\n--- JUNOS 8.4R4.2 built 2008-05-21 08:47:52 UTC\n{master}\nuser@testhost> \n',
      // self-written: an SSH login to an MX
      'Last login: Tue Nov 24 08:00:01 2026 from 10.0.0.1\r\n--- JUNOS 21.4R3-S2.3 Kernel 64-bit  JNPR-12.1-20220818.2d5f8a7_buil\r\nlab@mx1> ',
    ],
    pagers: ['\r\n---(more)---', '\r\n---(more 42%)---'],
  },
});
