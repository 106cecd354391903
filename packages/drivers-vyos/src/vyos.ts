// VyOS (and Vyatta). Operational mode `vyos@vyos:~$ `, configuration mode
// `[edit]` + `vyos@vyos# `. The prompt is a Debian bash prompt, so this driver only
// claims a device that names itself ("Welcome to VyOS", "VyOS 1.4", "Vyatta").
// Init after Netmiko's vyos_ssh.py; errors after scrapli's vyos definition.
import { defineDriver, stripAnsi } from '@netx/core';
import { VYOS_PAGERS } from './pagers.js';

export const vyos = defineDriver({
  name: 'vyos',
  usernamePrompt: /(?:^|[\r\n])[^\r\n]*login: ?$/i,
  passwordPrompt: /password: ?$/i,
  // `vyos@vyos:~$ `, `vyos@vyos:/config$ `, `vyos@vyos# `, `vyos@edge-01:~# `
  prompt: /[\r\n][\w.\-]{1,63}@[\w.\-]{1,63}(?::[^\r\n$#]{0,128})?[$#] ?$/,
  errorPrompt: /^\s*(?:Invalid command:|Incomplete command:|Ambiguous command:|Invalid value|Set failed|Commit failed|Configuration path: .* is not valid)/m,
  loginErrorPrompt: /[\r\n][^\r\n]*(?:login incorrect|denied|invalid|incorrect|failed|failure)/i,
  pagers: VYOS_PAGERS,
  initCommands: ['set terminal width 512', 'set terminal length 0'],
  guess: {
    head: [
      { match: 'Welcome to VyOS', score: 95 },
      { match: /\bVyOS\b/, score: 90 },
      { match: /\bVyatta\b/i, score: 85 },
    ],
    response: [
      { match: /\bVyOS\b/, score: 90 },
      { match: /\bVyatta\b/i, score: 85 },
    ],
  },
  cleanSearchText: stripAnsi,
  samples: {
    prompts: [
      '\r\nvyos@vyos:~$ ',
      '\r\nvyos@vyos:~$',
      '\r\n[edit]\r\nvyos@vyos# ',
      // self-written
      '\r\nadmin@edge-01:/config$ ',
      '\r\n[edit interfaces ethernet eth0]\r\nvyos@vyos# ',
      '\r\n\x1b[?2004hvyos@vyos:~$ ',
    ],
    notPrompts: ['\r\n[edit]', '\r\nVersion:          VyOS 1.4.0', '\r\neth0             192.0.2.1/24                      u/u'],
    usernamePrompts: ['\r\nvyos login: '],
    passwordPrompts: ['Password: ', "vyos@192.0.2.1's password: "],
    errors: [
      '\r\n  Invalid command: [shw]\r\n',
      '\r\n  Incomplete command: show interfaces ethernet\r\n',
      '\r\n  Configuration path: [interfaces foo] is not valid\r\n  Set failed\r\n',
      'Ambiguous command: se [set, show]\r\n',
    ],
    nonErrors: ['Version:          VyOS 1.4.0\r\n', 'eth0             192.0.2.1/24      u/u\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nPermission denied, please try again.'],
    banners: [
      // self-written in the shape of VyOS logins
      '\r\nWelcome to VyOS!\r\n\r\n   Check out project news at https://blog.vyos.io\r\n\r\nvyos@vyos:~$ ',
      '\r\nvyos login: vyos\r\nPassword: \r\nLinux vyos 6.6.56-amd64-vyos #1 SMP PREEMPT_DYNAMIC x86_64\r\nWelcome to VyOS!\r\n',
      '\r\nWelcome to Vyatta\r\nvyatta login: ',
    ],
    pagers: ['\r\n--More--', '\r\n(END)'],
  },
});
