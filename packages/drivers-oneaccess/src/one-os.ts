// OneAccess OneOS routers: Exscript's `one_os` driver. `stty columns 255` only exists on
// OneOS 5; like Exscript, autoInit ignores its failure.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const one_os = defineDriver({
  name: 'one_os',
  usernamePrompt: /[\r\n]Username: ?(?=\n?$)/,
  passwordPrompt: /[\r\n]Password: ?(?=\n?$)/,
  prompt: /[\r\n][\-\w+.]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  pagers: MORE_PAGERS,
  initCommands: ['term len 0', 'stty columns 255'],
  authorizeCommand: 'enable',
  async autoInit(conn) {
    await conn.execute('term len 0');
    try {
      await conn.execute('stty columns 255');
    } catch {
      // OneOS before 5 has no stty (Exscript: `except Exception: pass`).
    }
  },
  guess: {
    // The first prompt after an empty line.
    head: [{ match: /\r?\n\r?\n[\-\w+.]+[>#]$/, score: 40 }],
  },
  samples: {
    prompts: ['\r\ntesthost>', '\r\nhostname#', '\r\nhostname(config)#', '\r\nLBB-320# '],
    notPrompts: ['\r\nSoftware version    : ONEOS1-ADVIP-V5.1R1E8_TH', '\r\nhostname#show ver'],
    usernamePrompts: ['\r\nUsername:', '\r\nUsername: '],
    passwordPrompts: ['\r\nPassword:', '\r\nPassword: '],
    errors: ['% Invalid input\r\n', 'Error: unknown command\r\n', '% Incomplete command\r\n'],
    nonErrors: ['Software created on : 09/11/10 20:01:29\r\n'],
    loginErrors: ['\r\n% Authentication failed', '\r\nAccess denied'],
    banners: [
      // corpus: one_os.1, one_os.2 (Exscript test data, MIT)
      '\n(Banner goes here)\n\nUsername:test\nPassword:\n\ntesthost>\n',
      '\n\n(banner goes here)\n\n\nUsername:foo\ns/key 159 ex347827\n\nPassword:\n\nhostname#term len 0\nhostname#enable\n\nhostname#\nhostname#\nhostname#\nhostname#show ver\nSoftware version    : ONEOS1-ADVIP-V5.1R1E8_TH\nSoftware created on : 09/11/10 20:01:29\nhostname#\n',
      // self-written: a OneOS 6 login
      'OneOS6-LBB 6.4.2\r\n\r\nUsername: admin\r\nPassword:\r\n\r\nLBB-150>',
    ],
    pagers: ['\r\n--More--'],
  },
});
