// Linux (and other Unix) shells: bash, dash, zsh; root `#` and user `$`. Colours,
// xterm titles and bracketed paste (`\x1b[?2004h`) are stripped before the prompt
// search. Claims a host from its SSH server version (Ubuntu/Debian builds), its
// login greeting, or a prompt of the `user@host:~$ ` shapes (low score, so
// network OSes that run bash-like prompts win with their own signals).
import { defineDriver, stripAnsi } from '@netx/core';
import { UNIX_PAGERS } from './pagers.js';

// The look-ahead (an `@` early on the line) is implied by the rest; it only saves the
// backtracking of the two bounded runs on every line without one (most output).
const USER_AT_HOST_PROMPT = /[\r\n](?=[^\r\n@]{0,128}@)[^\r\n]{0,64}?[\w.\-]{1,64}@[\w.\-]{1,64}:[~/][^\r\n]{0,256}?[$#] /;
const BRACKET_PROMPT = /[\r\n](?=[^\r\n@]{0,129}@)[^\r\n]{0,64}?\[[\w.\-]{1,64}@[\w.\-]{1,64} [^\]\r\n]{1,256}\][$#] /;

export const linux = defineDriver({
  name: 'linux',
  usernamePrompt: [/(?:^|[\r\n])[^\r\n]*login: ?$/i, /user ?name: ?$/i],
  // `Password: `, `user@host's password: `, `[sudo] password for user: `
  passwordPrompt: /(?:^|[\r\n])[^\r\n]*[Pp]assword(?: for [^\r\n:]{1,64})?: ?$/,
  prompt: [
    // `user@host:~$ `, `root@host:/# `, `(venv) user@host:~/src$ `
    /[\r\n](?=[^\r\n@]{0,128}@)[^\r\n]{0,64}?[\w.\-]{1,64}@[\w.\-]{1,64}:[~/][^\r\n]{0,256}?[$#] ?$/,
    // `[user@host dir]$ ` (RHEL, Fedora)
    /[\r\n](?=[^\r\n@]{0,129}@)[^\r\n]{0,64}?\[[\w.\-]{1,64}@[\w.\-]{1,64} [^\]\r\n]{1,256}\][$#] ?$/,
    // zsh `host% `, `user@host ~ % `, `user@host ~ # `
    /[\r\n][\w.\-]{1,64}(?:@[\w.\-]{1,64} [^\r\n]{1,256})?[%#] $/,
    /[\r\n][\w.\-]{1,64}@[\w.\-]{1,64} [^\r\n]{1,256} [%#$] $/,
    // `$ `, `# `, `bash-5.1$ `, `sh-4.4# `
    /[\r\n](?:[\w.\-]{1,32})?[$#] $/,
  ],
  // `Object "x" is unknown, try "ip help".`: iproute2's answer to an unknown object.
  errorPrompt: /(?:command not found|^[^\r\n]*: not found\r?$|No such file or directory|Permission denied|syntax error near unexpected token|: invalid option|: unrecognized option|^Object "[^"\r\n]*" is unknown)/m,
  loginErrorPrompt: /[\r\n][^\r\n]*(?:login incorrect|permission denied|authentication failure|sorry, try again|access denied)/i,
  pagers: UNIX_PAGERS,
  // Width for tools that ask the tty; every common pager off.
  initCommands: ['stty cols 512', 'export PAGER=cat SYSTEMD_PAGER=cat GIT_PAGER=cat MANPAGER=cat'],
  guess: {
    protocol: [
      { match: /OpenSSH[^\r\n]*Ubuntu/, score: 60 },
      { match: /OpenSSH[^\r\n]*Debian/, score: 40 },
    ],
    head: [
      { match: 'Welcome to Ubuntu', score: 75 },
      { match: 'The programs included with the Debian GNU/Linux system are free software', score: 72 },
      { match: /Red Hat Enterprise Linux|CentOS (?:Linux|Stream)|Fedora Linux|Rocky Linux|AlmaLinux/, score: 75 },
      { match: USER_AT_HOST_PROMPT, score: 30 },
      { match: BRACKET_PROMPT, score: 30 },
    ],
    response: [
      { match: USER_AT_HOST_PROMPT, score: 30 },
      { match: BRACKET_PROMPT, score: 30 },
    ],
  },
  cleanSearchText: stripAnsi,
  samples: {
    prompts: [
      '\r\nuser@host:~$ ',
      '\r\n[user@host dir]$ ',
      '\r\nroot@host:/# ',
      '\r\nhost% ',
      '\r\nubnt@edgerouter:~$',
      // self-written: colours, title, bracketed paste, venv, zsh on macOS, sh
      '\r\n\x1b[?2004h\x1b]0;user@host: ~\x07\x1b[01;32muser@host\x1b[00m:\x1b[01;34m~\x1b[00m$ ',
      '\r\n(venv) dev@build-01:~/src/netx$ ',
      '\r\n[root@rhel9 ~]# ',
      '\r\nuser@mac ~ % ',
      '\r\nsh-5.1$ ',
      '\r\n$ ',
      '\r\n# ',
    ],
    notPrompts: [
      '\r\nFilesystem      Size  Used Avail Use% Mounted on',
      '\r\n/dev/sda1        20G  5.0G   14G  27% /',
      '\r\n# comment line in a config file',
      '\r\ntotal 0',
      '\r\nuser@host:~$ ls',
    ],
    usernamePrompts: ['\r\nhost login: ', 'Ubuntu 22.04.3 LTS build-01 ttyS0\r\n\r\nbuild-01 login: '],
    passwordPrompts: ['\r\nPassword: ', "user@192.0.2.1's password: ", '[sudo] password for user: '],
    errors: [
      'bash: shw: command not found\r\n',
      'sh: 1: shw: not found\r\n',
      'ls: cannot access \'/nope\': No such file or directory\r\n',
      'cat: /etc/shadow: Permission denied\r\n',
      "bash: syntax error near unexpected token `)'\r\n",
      'Object "adress" is unknown, try "ip help".\r\n',
    ],
    nonErrors: ['total 0\r\ndrwxr-xr-x 2 user user 4096 Nov 25 07:00 src\r\n', 'Linux host 6.8.0-45-generic #45-Ubuntu SMP x86_64 GNU/Linux\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nPermission denied, please try again.', '\r\nsu: Authentication failure', '\r\nSorry, try again.'],
    banners: [
      // self-written in the shape of Ubuntu / Debian / RHEL logins
      '\r\nWelcome to Ubuntu 22.04.3 LTS (GNU/Linux 5.15.0-88-generic x86_64)\r\n\r\n * Documentation:  https://help.ubuntu.com\r\n\r\nLast login: Wed Nov 25 07:00:00 2026 from 192.0.2.10\r\nuser@build-01:~$ ',
      '\r\nLinux deb12 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 x86_64\r\n\r\nThe programs included with the Debian GNU/Linux system are free software;\r\nthe exact distribution terms for each program are described in the\r\nindividual files in /usr/share/doc/*/copyright.\r\n\r\nadmin@deb12:~$ ',
      '\r\nRed Hat Enterprise Linux 9.3 (Plow)\r\nKernel 5.14.0-362.8.1.el9_3.x86_64 on an x86_64\r\n\r\nrhel9 login: ',
    ],
    pagers: ['\r\n--More--', '\r\n--More--(42%)', '\r\n(END)'],
  },
});
