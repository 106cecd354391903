// Cisco Application Control Engine (ACE): Exscript's `ace` driver.
import { CISCO_ERROR_PROMPTS, defineDriver } from '@netx/core';
import { CISCO_MORE } from './pagers.js';

export const ace = defineDriver({
  name: 'ace',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  errorPrompt: CISCO_ERROR_PROMPTS,
  pagers: CISCO_MORE,
  initCommands: ['term len 0'],
  authorizeCommand: 'enable',
  guess: {
    head: [{ match: 'Cisco Application Control Software', score: 90 }],
  },
  samples: {
    prompts: ['\r\nhostname/context#', '\r\nace1/Admin#', '\r\nace1/Admin(config)# ', '\r\nswitch/ctx-web>'],
    notPrompts: ['\r\nserverfarm host WEB-FARM', '\r\nrserver: web1  state: OPERATIONAL'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ["        ^\r\n% Invalid input detected at '^' marker.\r\n", '% Incomplete command.\r\n', 'Error: rserver not found\r\n'],
    nonErrors: ['Cisco Application Control Software (ACSW)\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\n% Authentication failed'],
    banners: [
      // corpus: ace.1 (Exscript test data, MIT)
      '(Banner goes here)\n\nCisco Application Control Software (ACSW)\nTAC support: http://www.cisco.com/tac\nCopyright (c) 1985-2014 by Cisco Systems, Inc. All rights reserved.\nThe copyrights to certain works contained herein are owned by\nother third parties and are used and distributed under license.\nSome parts of this software are covered under the GNU Public\nLicense. A copy of the license is available at\nhttp://www.gnu.org/licenses/gpl.html.\nhostname/context#',
      // self-written, in the ACE module's shape
      'switch login: admin\r\nPassword: \r\nCisco Application Control Software (ACSW)\r\nTAC support: http://www.cisco.com/tac\r\nswitch/Admin# ',
      'Cisco Application Control Software (ACSW)\r\nCopyright (c) 1985-2011 by Cisco Systems, Inc. All rights reserved.\r\n\r\nUsername: ',
    ],
    pagers: ['\r\n--More--'],
  },
});
