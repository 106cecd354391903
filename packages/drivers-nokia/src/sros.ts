// Nokia (Alcatel-Lucent) SR OS classic CLI: Exscript's `sros` driver. Prompt
// `A:name#` / `*A:name>config>router# ` (A/B = active CPM, `*` = unsaved changes).
import { defineDriver } from '@netx/core';
import { SROS_PAGERS } from './pagers.js';

export const sros = defineDriver({
  name: 'sros',
  prompt: /[\r\n][*]?(?:A|B):[\-\w.>]+[#$] ?(?=\n?$)/,
  pagers: SROS_PAGERS,
  initCommands: ['environment no more', 'environment reduced-prompt 2', 'environment no saved-ind-prompt'],
  guess: {
    head: [{ match: /[\r\n][*]?(?:A|B):[\-\w.>]+[#$] ?$/, score: 95 }],
  },
  samples: {
    prompts: ['\r\nA:Host-name_R0# ', '\r\n*A:pe1>config>router# ', '\r\nB:sr1#', '\r\n*A:7750-1>config>service>vprn$ '],
    notPrompts: ['\r\nTiMOS-B-3.0.R3 both/hops ALCATEL-LUCENT SAR 7705', '\r\nA:Host-name_R0# show version'],
    usernamePrompts: ['\r\nLogin: ', 'login: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['Error: Bad command.\r\n', 'Error: Invalid parameter.\r\n'],
    nonErrors: ['TiMOS-C-16.0.R7 cpm/x86_64 Nokia 7750 SR\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAuthentication failed'],
    banners: [
      // corpus: sros (Exscript test data, MIT)
      'TiMOS-B-3.0.R3 both/hops ALCATEL-LUCENT SAR 7705 \nCopyright (c) 2000-2010 Alcatel-Lucent.\nAll rights reserved. All use subject to applicable license agreements.\nBuilt on Tue Jul 27 17:02:49 EDT 2010 by csabuild in /rel3.0/b1/R3/panos/main\n\n\nLogin: admin\nPassword: \n\nWARNING!THIS IS A PRIVATE NETWORK AND IS FOR EXCLUSIVE USE BY AUTHORIZED PERSONNEL. Use of this service constitutes\n consent to monitoring.  Unauthorized use may result in prosecution under the Computer Fraud and Abuse Act of 1986 \nor other applicable statutes and regulations.\n\nA:Host-name_R0# \n',
      // self-written, in the SR OS shapes
      'TiMOS-C-16.0.R7 cpm/x86_64 Nokia 7750 SR Copyright (c) 2000-2019 Nokia.\r\nAll rights reserved. All use subject to applicable license agreements.\r\n\r\nLogin: admin\r\nPassword:\r\n\r\nA:pe1# ',
      '\r\n\r\nLogin: admin\r\nPassword:\r\n\r\n*A:Dut-B>config# ',
    ],
    pagers: ['\r\nPress any key to continue (Q to quit)'],
  },
});
