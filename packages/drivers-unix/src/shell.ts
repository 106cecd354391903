// Unix shells: Exscript's `shell` driver (generic prompt, errors and login errors).
import { defineDriver, GENERIC_PROMPT } from '@netx/core';
import { UNIX_PAGERS } from './pagers.js';

export const shell = defineDriver({
  name: 'shell',
  usernamePrompt: /(user|login): (?=\n?$)/i,
  passwordPrompt: /Password: ?(?=\n?$)/,
  prompt: GENERIC_PROMPT,
  pagers: UNIX_PAGERS,
  guess: {
    head: [
      { match: /\blinux\b/i, score: 70 },
      { match: /(user|login): $/i, score: 20 },
    ],
  },
  samples: {
    // Exscript's own generic prompt test vectors
    prompts: [
      '\r\n[sam123@home ~]$',
      '\r\nsam@knip:~/Code/exscript$',
      '\r\nsam@MyHost-X123>',
      '\r\nsam@MyHost-X123#',
      '\r\nadmin@s-x-a6.a.bc.de.fg:/# ',
      '\r\nadmin@s-x-a6.a.bc.de.fg:/% ',
      '\r\nfoobar:0>',
    ],
    notPrompts: ['\r\none two', '\r\n [MyHost-A1]', '\r\n[edit]\r', '\r\n[edit one two]', 'some text [sam123@home ~]$'],
    usernamePrompts: ['\r\nweb1 login: ', 'user: '],
    passwordPrompts: ['\r\nPassword: ', 'Password:'],
    errors: ['Error: no such file\r\n', 'bash: foo: not found\r\n', 'Invalid option\r\n'],
    nonErrors: ['total 0\r\n', 'drwxr-xr-x 2 root root 4096 Nov 25 09:00 .\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nPermission denied, please try again.'],
    banners: [
      // self-written: a Debian console login, a plain `host login:`, an Ubuntu SSH motd
      'Debian GNU/Linux 12 web1 tty1\r\n\r\nweb1 login: ',
      '\r\nbuild-01 login: ',
      'Linux web1 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64\r\nLast login: Wed Nov 25 08:00:00 2026 from 10.0.0.1\r\nuser@web1:~$ ',
    ],
    pagers: ['\r\n--More--(42%)', '\r\n(END)'],
  },
});
