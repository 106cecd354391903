// Huawei access nodes on VxWorks (SmartAX MA5600/MA5600T): Exscript's `vxworks` driver.
// Authorization is `enable` sent with CRLF, as in Exscript.
import { defineDriver } from '@netx/core';
import { SMARTAX_PAGERS } from './pagers.js';

export const vxworks = defineDriver({
  name: 'vxworks',
  usernamePrompt: /user ?name:/i,
  passwordPrompt: /(?:User )?Password:/i,
  prompt: /[\r\n][\-\w+.]+(?:\([^)]+\))?[>#] ?(?=\n?$)|(?:\(y\/n\)\[n\])/,
  errorPrompt: [/%Error/, /(?:(?:Unknown|ambiguous|Incomplete) command)|Failure|Parameter error/i],
  pagers: SMARTAX_PAGERS,
  authorizeCommand: 'enable\r\n',
  guess: {
    head: [{ match: /Huawei Integrated Access Software/i, score: 90 }],
    response: [{ match: /User last login information/i, score: 90 }],
  },
  samples: {
    prompts: ['\r\nPOP-EST-GOV-EG>', '\r\nMA5600T#', '\r\nMA5600T(config)#', '\r\nMA5600T(config-if-gpon-0/1)# ', '\r\nAre you sure to save the data? (y/n)[n]:'],
    notPrompts: ['\r\n  Huawei Integrated Access Software (MA5600).', '\r\n  F/S/P   ONT  SN  Control  Run'],
    usernamePrompts: ['>>User name:', '\r\nUsername:'],
    passwordPrompts: ['>>User password:', '\r\nPassword:'],
    errors: ["                  ^\r\n  % Unknown command, the error locates at '^'\r\n", '  Failure: The ONT does not exist\r\n', "  % Parameter error, the error locates at '^'\r\n"],
    nonErrors: ['  Number of ONT: 4\r\n'],
    loginErrors: ['\r\n  Username or password invalid.', '\r\n  Reenter times have reached the upper limit. Access denied'],
    banners: [
      // corpus: vxworks (Exscript test data, MIT)
      '  Huawei Integrated Access Software (MA5600).\n\n  Copyright(C) Huawei Technologies Co., Ltd. 2004-2011. All rights reserved.\n\n>>User name:myusername\n>>User password:\n  -----------------------------------------------------------------------------\n  User last login information:\n  -----------------------------------------------------------------------------\n  Access Type: Telnet\n  IP-Address : 10.0.0.1\n  Time       : 2015-05-10 11:23:06\n  -----------------------------------------------------------------------------\n\nPOP-EST-GOV-EG>',
      // self-written, in the MA5600T shape
      '\r\n\r\n  Huawei Integrated Access Software (MA5600T).\r\n  Copyright(C) Huawei Technologies Co., Ltd. 2002-2014. All rights reserved.\r\n\r\n  User name:',
      '>>User name:root\r\n>>User password:\r\n\r\n  -----------------------------------------------------------------------------\r\n  User last login information:\r\n  -----------------------------------------------------------------------------\r\n  Access Type : SSH\r\n\r\nOLT-1>',
    ],
    pagers: ["\r\n---- More ( Press 'Q' to break ) ----"],
  },
});
