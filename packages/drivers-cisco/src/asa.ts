// Cisco ASA (and PIX/FWSM style firewalls). Prompts after scrapli's community ASA
// driver, paging after Netmiko (`terminal pager 0`), pager `<--- More --->` (#3024).
// Claims a device that names itself ("Adaptive Security Appliance") or prints ASA's
// post-login hint "Type help or '?' for a list of available commands.".
import { defineDriver, ErrorCodes, isNetxError } from '@netx/core';
import { ASA_PAGERS } from './pagers.js';

export const asa = defineDriver({
  name: 'asa',
  usernamePrompt: /user ?name: ?$/i,
  passwordPrompt: /(?:^|[\r\n])[Pp]assword: ?$/,
  // `ciscoasa>`, `ciscoasa#`, `ciscoasa(config-if)#`, multi-context `ciscoasa/admin#`,
  // failover `fw1/pri/act(config)#`
  prompt: /[\r\n][\w./-]{1,63}(?:\([\w-]{0,32}\))?[>#] ?$/,
  errorPrompt: [
    /^(?:ERROR: )?% ?(?:Invalid input|Incomplete command|Ambiguous command|Unrecognized command|Invalid Hostname)/im,
    /^ERROR: /m,
    /^Command authorization failed/m,
  ],
  loginErrorPrompt: /[\r\n][^\r\n]*(?:bad secrets?|bad passwords|denied|invalid|too short|incorrect|connection timed out|failed|failure)/i,
  pagers: ASA_PAGERS,
  initCommands: ['terminal pager 0'],
  // `terminal pager 0` is a privileged EXEC command: in user EXEC (no enable password) the
  // ASA refuses it. That is no reason to fail: the engine answers `<--- More --->` as pages come.
  async autoInit(conn, driver) {
    for (const command of driver.initCommands) {
      try {
        await conn.execute(command);
      } catch (err) {
        if (!isNetxError(err, ErrorCodes.INVALID_COMMAND)) throw err;
      }
    }
  },
  authorizeCommand: 'enable',
  guess: {
    head: [
      { match: 'Adaptive Security Appliance', score: 95 },
      { match: "Type help or '?' for a list of available commands.", score: 85 },
    ],
    response: [
      { match: 'Adaptive Security Appliance', score: 95 },
      { match: "Type help or '?' for a list of available commands.", score: 85 },
    ],
  },
  samples: {
    prompts: [
      '\r\nciscoasa>',
      '\r\nciscoasa> ',
      '\r\nciscoasa#',
      '\r\nciscoasa(config)#',
      '\r\nciscoasa(config-if)# ',
      // self-written: multi-context and failover forms
      '\r\nciscoasa/admin#',
      '\r\nfw1/pri/act(config)#',
    ],
    notPrompts: ['\r\nCisco Adaptive Security Appliance Software Version 9.16(4)', '\r\nHardware:   ASAv, 2048 MB RAM'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: ', 'Password:'],
    errors: [
      "             ^\r\nERROR: % Invalid input detected at '^' marker.\r\n",
      'ERROR: % Incomplete command\r\n',
      'ERROR: Command authorization failed\r\n',
      '% Ambiguous command: "sh"\r\n',
    ],
    nonErrors: ['Cisco Adaptive Security Appliance Software Version 9.16(4)\r\n', 'Interface Management0/0 "management", is up\r\n'],
    loginErrors: ['\r\nLogin invalid', '\r\n% Authentication failed', '\r\nInvalid password'],
    banners: [
      // self-written in the shape of ASA logins
      "\r\nType help or '?' for a list of available commands.\r\nciscoasa> ",
      '\r\nCisco Adaptive Security Appliance Software Version 9.8(4)\r\n\r\nUser Access Verification\r\n\r\nUsername: ',
      "*** Unauthorized access prohibited ***\r\n\r\nUser Access Verification\r\n\r\nPassword: \r\nType help or '?' for a list of available commands.\r\nfw01> ",
    ],
    pagers: ['\r\n<--- More --->', '\r\n<--- More ---> '],
  },
});
