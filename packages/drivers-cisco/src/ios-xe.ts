// Cisco IOS-XE. Same CLI as IOS, so it only claims a device that says "IOS-XE" or
// "IOS XE" (show version, banners): the IOS corpus banners stay with `ios`.
// Patterns from scrapli's iosxe driver and Exscript's ios driver.
import { defineDriver } from '@netx/core';
import { IOS_PAGERS } from './pagers.js';

export const ios_xe = defineDriver({
  name: 'ios_xe',
  usernamePrompt: /user ?name: ?$/i,
  passwordPrompt: /(?:^|[\r\n])(?:[Pp]assword: ?|last resort password: ?)$/,
  prompt: [
    // exec `csr1000v>`, privileged `csr1000v#`, config `csr1000v(config-if)#`, `819HGW(tcl)#`
    /[\r\n][\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,32}\))?[>#] ?$/,
    // tclsh continuation
    /[\r\n]\+> ?$/,
  ],
  errorPrompt: [
    /^% ?(?:Ambiguous command|Incomplete command|Invalid input|Unknown command|Invalid command|Error|Bad secret)/im,
    /^Command (?:authorization failed|Rejected:)/m,
  ],
  loginErrorPrompt: /[\r\n][^\r\n]*(?:bad secrets?|bad passwords|denied|invalid|too short|incorrect|connection timed out|failed|failure)/i,
  pagers: IOS_PAGERS,
  initCommands: ['terminal length 0', 'terminal width 512'],
  authorizeCommand: 'enable',
  guess: {
    head: [{ match: /IOS[- ]XE/, score: 90 }],
    response: [{ match: /IOS[- ]XE/, score: 90 }],
  },
  samples: {
    prompts: [
      '\r\ncsr1000v>',
      '\r\ncsr1000v#',
      '\r\ncsr1000v(config)#',
      '\r\ncsr1000v(conf-ssh-pubkey-data)#',
      '\r\n819HGW(ipsec-profile)#',
      '\r\n819HGW(tcl)#',
      '\r\n+>',
      // self-written: hostname with dots and a trailing blank
      '\r\ncore-sw1.lab#',
      '\r\nedge-01(config-if)# ',
    ],
    notPrompts: [
      '\r\nInterface GigabitEthernet1 is up, line protocol is up',
      '\r\n  Internet address is 10.0.0.1/24',
      '\r\n Cisco IOS XE Software, Version 17.03.04a',
    ],
    usernamePrompts: ['\r\nUsername: ', 'Username:'],
    passwordPrompts: ['\r\nPassword: ', 'Password:'],
    errors: [
      "        ^\r\n% Invalid input detected at '^' marker.\r\n",
      '% Incomplete command.\r\n',
      '% Ambiguous command:  "sh i"\r\n',
      'Command authorization failed.\r\n',
      '% Unknown command or computer name, or unable to find computer address\r\n',
    ],
    nonErrors: ['Cisco IOS XE Software, Version 17.03.04a\r\n', 'GigabitEthernet1   10.0.0.1  YES NVRAM  up  up\r\n'],
    loginErrors: ['\r\n% Authentication failed', '\r\n% Bad passwords', '\r\n% Login invalid'],
    banners: [
      // self-written banners in the shape of IOS-XE devices
      '\r\nCisco IOS XE Software, Copyright (c) 1986-2023 by Cisco Systems, Inc.\r\n\r\nUser Access Verification\r\n\r\nUsername: ',
      '\r\n*** Authorized access only ***\r\nThis is a Catalyst 9300 running IOS-XE 17.9\r\n\r\nUsername: ',
      'Cisco IOS-XE software, Copyright (c) 2005-2017 by cisco Systems, Inc.\r\nAll rights reserved.\r\n\r\nPassword: ',
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
