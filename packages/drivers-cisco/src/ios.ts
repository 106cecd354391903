// Cisco IOS (not IOS XR): Exscript's `ios` driver. Python `$` (also before a final
// '\n') is written `(?=\n?$)`. Exscript tries `term len 0` + `term width 0` and falls
// back to `term pager 0` (ASA) when the device rejects them; autoInit does the same.
import { CISCO_ERROR_PROMPTS, defineDriver, ErrorCodes, isNetxError } from '@netx/core';
import { IOS_PAGERS } from './pagers.js';

export const ios = defineDriver({
  name: 'ios',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n][Pp]assword: ?|last resort password:)(?=\n?$)/,
  prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  errorPrompt: CISCO_ERROR_PROMPTS,
  pagers: IOS_PAGERS,
  initCommands: ['term len 0', 'term width 0'],
  authorizeCommand: 'enable',
  async autoInit(conn, driver) {
    try {
      for (const command of driver.initCommands) await conn.execute(command);
    } catch (err) {
      // The brand check, not instanceof: it holds with two copies of @netx/core installed.
      if (!isNetxError(err, ErrorCodes.INVALID_COMMAND)) throw err;
      await conn.execute('term pager 0'); // Cisco ASA
    }
  },
  guess: {
    protocol: [{ match: 'Cisco', score: 80 }],
    head: [
      { match: 'User Access Verification', score: 60 },
      // S/Key challenge before the password prompt (TACACS+ down: last resort login).
      { match: /(?:[\r\n]s|^s)\/key[\S ]+\r?(?:[\r\n][Pp]assword: ?|last resort password:)/, score: 50 },
      { match: /user ?name: ?$/i, score: 30 },
    ],
  },
  samples: {
    prompts: ['\r\nfoobar012#', '\r\ntesthost#', '\r\nMY-HOST1#', '\r\ntwx.am9#', '\r\npynet-rtr1>', '\r\nrouter(config-if)#', '\r\nSwitch> ', '\r\nhostname#\n'],
    notPrompts: [
      '\r\nGigabitEthernet0/1 is up, line protocol is up',
      '\r\nCisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE5',
      '\r\n  Internet address is 10.0.0.1/24',
      '\r\nhostname#show ver',
    ],
    usernamePrompts: ['\r\nUsername: ', 'Username:', '*** TACACs down - use last resort Username:'],
    passwordPrompts: ['\r\nPassword: ', '\r\npassword:', 's/key 1234 en291234\r\nlast resort password:'],
    errors: [
      "        ^\r\n% Invalid input detected at '^' marker.\r\n",
      '% Incomplete command.\r\n',
      '% Ambiguous command:  "sh i"\r\n',
      '%Error opening tftp://10.0.0.1/r1-confg (Timed out)\r\n',
      '% Connection timed out; remote host not responding\r\n',
    ],
    nonErrors: ['Cisco IOS Software, Version 15.2(4)M7\r\n', 'GigabitEthernet0/1   10.0.0.1  YES NVRAM  up  up\r\n'],
    loginErrors: ['\r\n% Authentication failed', '\r\n% Bad secrets', '\r\n% Login invalid', '\r\n% Access denied'],
    banners: [
      // corpus: ios.1 .. ios.6 (Exscript test data, MIT)
      '\n-----------------------------------------------------------------------------\nThis is a useless legal warning!\n-----------------------------------------------------------------------------\n\n\nUser Access Verification\n\n*** TACACs down - use last resort Username:foo\ns/key 1234 en291234\nPassword: SHOT HEBE BRIM TIDE RUDE PAR\nfoobar012#\n',
      '\n(Banner goes here)\n\ntesthost line 2 \n\n\nat \'testhost.t\' port \'tty2\' from \'10.0.0.1\'\n\nUsername: test\nPassword:\ntesthost#\n',
      '\r\n\r\nYet another banner\r\n\r\nNo unauthorized access!\r\n    \r\nhostname\r\n\r\nplease report problems:\r\n\r\n    somebody \r\n\r\n\r\nhostname line 2 \r\n\r\n\r\nat \'hostname.f\' port \'tty2\' from \'1.2.3.4\'\r\n\r\nUsername: usr\r\ns/key 920 ex92384727\r\nPassword: FOO BAR US HARM HIND NED\r\nhostname#\n',
      '\r\n mybanner\r\n\r\nMY-HOST1 line 2 \r\n\r\n\r\nat \'my-host1.s\' port \'tty2\' from \'10.10.10.10\'\r\n\r\nUsername: test\r\ns/key 4634 su9292775097\r\nPassword: \r\n\r\nMY-HOST1#\n',
      '\r\n\r\nUser Access Verification\r\n\r\nUsername: nmc\r\nPassword: \r\n\r\ntwx.am9#\n',
      's/key 9997 en79647\nPassword:  JUT JERK BOWL SUMS HOWL HELL\n\r\n(Banner goes here)\r\nhostname line 1 \r\n\r\nhostname#\u001b]2;hostname\u0007\n',
    ],
    pagers: [
      '\r\n --More-- ',
      '\r\n--More--',
      // self-written in the shape of IOS boot and console logins
      '\r\n         --- System Configuration Dialog ---\r\n\r\nWould you like to enter the initial configuration dialog? [yes/no]: ',
      '\r\n\r\nPress RETURN to get started!\r\n\r\n',
    ],
  },
});
