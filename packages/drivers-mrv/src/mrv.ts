// MRV (OptiSwitch / LambdaDriver, Linux based): Exscript's `mrv` driver, prompt ending in `$`.
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const mrv = defineDriver({
  name: 'mrv',
  usernamePrompt: /[\r\n]Authorized Login: (?=\n?$)/,
  passwordPrompt: /[\r\n]Password: (?=\n?$)/,
  prompt: /[\r\n]+[^$\r\n]+\$ ?(?=\n?$)/,
  pagers: MORE_PAGERS,
  initCommands: ['terminal length 0', 'terminal width 512'],
  guess: {
    head: [
      { match: /[\r\n]Authorized Login: $/, score: 20 },
      { match: /\bMRV\b/, score: 75 },
    ],
  },
  samples: {
    prompts: ['\r\nmcc$ ', '\r\nEM316LNXNM$', '\r\nmcc-a:1$ '],
    notPrompts: ['\r\nCopyright (c) MRV Corp. 1993-2013', '\r\nYou are a VIEW user!'],
    usernamePrompts: ['\r\nAuthorized Login: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Error: unknown command\r\n', 'Invalid parameter\r\n'],
    nonErrors: ['EM316LNXNM (firmware 5c.1f) (00:20:1a:03:fa:aa).\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // corpus: mrv.1, mrv.2 (Exscript test data, MIT)
      '\nMRV Communications\n\nPassword:\nEM316LNXNM v4.8 mcc 07 (Jan 10 2013 - 15:51:45).\nU-Boot 1.0.3.4 (Aug 18 2010 - 18:00:27).\nLinux kernel v2.6.32.1-mrv (#1 Mon Dec 14 15:13:11 PST 2009).\nEM316LNXNM (firmware 5c.1f) (00:20:1a:03:fa:aa).\nCopyright (c) MRV Corp. 1993-2013\nYou are a VIEW user!\nmcc$ \n',
      'EM316LNXNM v4.8 mcc 07 (Jan 10 2013 - 15:51:45).\nU-Boot 1.0.3.4 (Aug 18 2010 - 18:00:27).\nLinux kernel v2.6.32.1-mrv (#1 Mon Dec 14 15:13:11 PST 2009).\nEM316LNXNM (firmware 5c.1f) (00:20:1a:03:fa:aa).\nCopyright (c) MRV Corp. 1993-2013\nYou are a VIEW user!\nmcc$ \n',
      // self-written, in the OptiSwitch shape
      '\r\nMRV OptiSwitch 904\r\n\r\nlogin: ',
    ],
    pagers: ['\r\n--More--'],
  },
});
