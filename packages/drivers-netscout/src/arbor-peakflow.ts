// Arbor (NETSCOUT) Peakflow SP / TMS: Exscript's `arbor_peakflow` driver. Four prompt
// forms: the ArbOS `user@host:/path# ` prompt, the "Exit anyway?" confirmation, the
// pre-8.0 `DIAG>` shell and the 8.3 shell (no end anchor, as in Exscript).
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const arbor_peakflow = defineDriver({
  name: 'arbor_peakflow',
  usernamePrompt: /(user|login): (?=\n?$)/i,
  passwordPrompt: /Password: (?=\n?$)/,
  prompt: [/[\r\n][\-\w+._]+@[\-\w+._~]+:(?:\/\w*)+[#%] (?=\n?$)/, /Exit anyway\? \[.\] (?=\n?$)/, /[\r\n]DIAG>/, /[\-\w+._~()]+:.*#/],
  pagers: MORE_PAGERS,
  guess: {
    head: [{ match: /\b(arbo[rs]|peakflow)\b/i, score: 97 }],
  },
  samples: {
    prompts: ['\r\nsam@s-c-a.f.gr.foo.com:/% ', '\r\nadmin@ULM-SPC-A40:/#', '\r\nadmin@S2-SPC-A09:/services/sp# ', '\r\nExit anyway? [n] ', '\r\nDIAG>'],
    notPrompts: ['\r\nCopyright (c) 2000-2017 Arbor Networks, Inc.  All Rights Reserved.', '\r\n##########################################################'],
    usernamePrompts: ['login: ', 'user: '],
    passwordPrompts: ['Password: '],
    errors: ['Error: Unknown command\r\n', 'Invalid argument\r\n'],
    nonErrors: ['Peakflow SP v8.3\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nPermission denied'],
    banners: [
      // corpus: arbor_peakflow.1 .. .6 (Exscript test data, MIT)
      'Last login: CLI on Wed Sep  8 07:24:48 2010 from 1.2.3.4\n\nPeakflow SP v5.1.1\nCopyright (c) 2000-2010 Arbor Networks, Inc.  All Rights Reserved.\n\nHello, this is our banner.\n\n##########################################################\n\nPLEASE DO NOT COMMIT ANY CHANGES BETWEEN FOLLOWING TIMES:\n\n                   11:55 am to 12:15 pm\n                                       6:55 pm to  7:15 pm\n\n##########################################################\nsam@s-c-a.f.gr.foo.com:/% \n',
      'Last login: Mon Jul  1 15:13:27 2013 from 153.17.105.57\r\r\n\r\nArbOS v5.2\r\nCopyright (c) 2000-2013 Arbor Networks, Inc.  All Rights Reserved.\r\n\r\n#########################################################\r\nInternet Services by Deutsche Telekom AG\r\n\r\nNo unauthorized access to our systems!\r\n\r\nplease report operational problems to:\r\n\r\n    noc-bb@telekom.de\r\n\r\n##########################################################\r\njuergen.schmeisser@S-SPC-A17:/# ERROR: Buffer: \'\' \n',
      'Last login: Mon Nov 13 10:17:52 2017 from 153.17.33.86\n\nPeakflow SP v8.0.1\nCopyright (c) 2000-2016 Arbor Networks, Inc.  All Rights Reserved.\n\n#########################################################\nInternet Services by Deutsche Telekom AG\n\nNo unauthorized access to our systems!\n\nplease report operational problems to:\n\n    noc-bb@telekom.de\n\n##########################################################\nadmin@ULM-SPC-A40:/#\n\n',
      'Last login: Mon Jan 15 06:56:18 2018 from 153.17.33.86\n\nArbor TMS v8.3.0\nCopyright (c) 2000-2017 Arbor Networks, Inc.  All Rights Reserved.\n\n#########################################################\nInternet Services by Deutsche Telekom AG\n\nNo unauthorized access to our systems!\n\nplease report operational problems to:\n\n    noc-bb@telekom.de\n\n##########################################################\nadmin@S2-SPC-A09:/#\n\n',
      'Last login: Fri Jan 12 08:09:57 2018 from 153.17.33.86\n\nPeakflow TMS v8.0.1\nCopyright (c) 2000-2017 Arbor Networks, Inc.  All Rights Reserved.\n\n#########################################################\nInternet Services by Deutsche Telekom AG\n\nNo unauthorized access to our systems!\n\nplease report operational problems to:\n\n    noc@telekom.de\n\n##########################################################\nadmin@M-SPC-A11:/#\n',
      'Last login: Mon Jan 15 08:08:16 2018 from 153.17.33.86\n\nPeakflow SP v8.3\nCopyright (c) 2000-2017 Arbor Networks, Inc.  All Rights Reserved.\n\n#########################################################\nInternet Services by Deutsche Telekom AG\n\nNo unauthorized access to our systems!\n\nplease report operational problems to:\n\n    noc-bb@telekom.de\n\n##########################################################\nadmin@Beta-Leader:/#\n',
    ],
    pagers: ['\r\n--More--'],
  },
});
