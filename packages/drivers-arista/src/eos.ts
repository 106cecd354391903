// Arista EOS: Exscript's `eos` driver. Exscript gives eos no OS-guess signals at all
// (its corpus test skips the eos transcripts); the signals below are deviations,
// documented in the README. After login (response signals): the name, the supervisor
// slot in the prompt, and EOS's own wording of a rejected command.
import { defineDriver } from '@netx/core';
import { EOS_PAGERS } from './pagers.js';

export const eos = defineDriver({
  name: 'eos',
  usernamePrompt: [/user ?name: ?(?=\n?$)/i, / login: ?(?=\n?$)/i],
  passwordPrompt: /[\r\n]Password: ?(?=\n?$)/i,
  // The name starts a line (or the buffer): unanchored, `my router>` ended in a prompt `router>`.
  prompt: /(?:^|[\r\n])[\-\w+.:/]+(?:\([^)]+\)){0,3}[>#] ?(?=\n?$)/,
  errorPrompt: [/% ?Error/, /% ?Invalid input/i, /% ?(?:Incomplete|Ambiguous) command/i, /connection timed out/i],
  loginErrorPrompt: /[\r\n][^\r\n]*(?:[Bb]ad secrets?|denied|invalid|too short|incorrect|connection timed out|failed|failure)/i,
  pagers: EOS_PAGERS,
  initCommands: ['terminal dont-ask', 'terminal length 0'],
  authorizeCommand: 'enable',
  guess: {
    head: [
      { match: /\bArista Networks\b|\bArista DCS-/, score: 90 },
      // Modular systems show the supervisor slot in the prompt: `switch(s1)#`, `switch(s1)(config)#`.
      { match: /[\r\n][\w.\-]+\(s[12]\)(?:\([^)\r\n]*\))?[>#] ?$/, score: 85 },
      // `localhost` is EOS's factory hostname: `localhost>` / `localhost#` right after login.
      { match: /[\r\n]localhost[>#] ?$/, score: 45 },
      // Linux's `<host> login: ` (IOS asks `Username:`), then the CLI prompt of the same host,
      // IOS-shaped with no blank after it (an ADTRAN DSLAM's `dslam1> ` has one).
      { match: /[\r\n]([\w.\-]{1,63}) login: [^\r\n]*(?:\r\n|[\r\n])(?:[^\r\n]*(?:\r\n|[\r\n])){0,8}?\1[>#](?![ \t])/, score: 40 },
    ],
    response: [
      // `show version`: `Arista DCS-7050TX-64`, `Arista vEOS`, `Arista cEOSLab`
      { match: /\bArista (?:Networks\b|DCS-|vEOS|cEOS)/, score: 90 },
      { match: /[\r\n][\w.\-]+\(s[12]\)(?:\([^)\r\n]*\))?[>#] ?$/, score: 85 },
      // `% Invalid input (at token 1: 'foo')`: IOS says `detected at '^' marker`.
      { match: /% Invalid input \(at token \d+: '/, score: 80 },
    ],
  },
  samples: {
    prompts: [
      '\r\nhostname(s1)#',
      '\r\nlocalhost>',
      '\r\nlocalhost#',
      '\r\nlocalhost(config)#',
      '\r\neos_switch(config-sg-tacacs+-my_group)#',
      '\r\nspine1(s1)(config-if-Et1)# ',
    ],
    notPrompts: ['\r\nEthernet1 is up, line protocol is up (connected)', '\r\nArista DCS-7050TX-64', '\r\nleaf 1(config)#', '\r\n  leaf1>', '\r\n</interfaces>'],
    usernamePrompts: ['\r\nUsername: ', 'hostname login: '],
    passwordPrompts: ['\r\nPassword: ', '\r\npassword:'],
    errors: ['% Invalid input\r\n', '% Incomplete command\r\n', '% Ambiguous command\r\n', '% Error: unable to open file\r\n', "% Invalid input (at token 1: 'foo')\r\n"],
    nonErrors: ['Arista DCS-7050TX-64\r\n', 'Hardware version: 11.01\r\n'],
    loginErrors: ['\r\n% Bad secret', '\r\n% Authentication failed', '\r\nPermission denied'],
    banners: [
      // corpus: eos.1 .. eos.5 (Exscript test data, MIT)
      '\n\n---\nThis is a login banner\n---\nhostname login: testuser\npassword:\nhostname(s1)#\n',
      '---\nThis is a login banner\n---\ntestuser@hostname\'s password:\nLast login: Wed Feb  8 17:26:35 2017 from 10.4.120.249\nhostname(s1)#\n',
      '---\nThis is a login banner\n---\nPassword:\nLast login: Mon Feb 13 09:24:24 2017 from 192.168.57.1\n---\nThis is a motd banner\n---\nlocalhost>',
      '---\nThis is a login banner\n---\nPassword:\nlocalhost#',
      '---\nThis is a login banner\n---\nPassword:\nLast login: Mon Feb 13 14:22:21 2017 from 192.168.57.1\nlocalhost>enable\nPassword:\nPassword:\nPassword:\n% Bad secret\n%\nlocalhost>enable\nPassword:\nlocalhost#',
      // self-written: the EOS banner some sites keep
      'Arista Networks EOS shell\r\n\r\nleaf1 login: ',
      // self-written: a telnet login to a switch with a site host name and no banner (the virtual-device eos profile)
      '\r\ncore-sw7 login: admin\r\nPassword: \r\ncore-sw7>',
      '\r\nleaf-12.dc1 login: admin\r\nPassword: \r\nLast login: Tue Nov 24 08:00:01 2026 from 192.0.2.10\r\nleaf-12.dc1#',
      // self-written: a session that starts at the prompt, then what the first commands answer
      "\r\ncore-sw7>show version\r\nArista vEOS\r\nSoftware image version: 4.14.7M\r\ncore-sw7>",
      "\r\ncore-sw7>sh foo\r\n% Invalid input (at token 1: 'foo')\r\ncore-sw7>",
    ],
    pagers: ['\r\n --More-- '],
  },
});
