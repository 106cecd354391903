// Brocade (Foundry, now Extreme/Ruckus) NetIron / FastIron: Exscript's `brocade` driver,
// prompts `telnet@name>` / `SSH@name#`.
import { CISCO_ERROR_PROMPTS, defineDriver } from '@netx/core';
import { BROCADE_PAGERS } from './pagers.js';

export const brocade = defineDriver({
  name: 'brocade',
  usernamePrompt: /[\r\n](Please Enter Login Name: |User Name:)(?=\n?$)/,
  passwordPrompt: /[\r\n](Please Enter Password: |Password:)(?=\n?$)/,
  prompt: /(?:Warning: \d+ user\(s\) already in config mode\.)?[\r\n]?(telnet|SSH)@[\-\w+.:]+(?:\([\-/\w]+\))?[>#](?=\n?$)/,
  errorPrompt: CISCO_ERROR_PROMPTS,
  pagers: BROCADE_PAGERS,
  initCommands: ['terminal length 0'],
  authorizeCommand: 'enable',
  guess: {
    head: [
      { match: 'User Access Verification\r\n\r\nPlease Enter Login Name', score: 95 },
      { match: /(?:Warning: \d+ user\(s\) already in config mode\.)?[\r\n]?(telnet|SSH)@[\-\w+.:]+(?:\([\-/\w]+\))?[>#]$/, score: 90 },
    ],
  },
  samples: {
    prompts: ['\r\nSSH@mpls1.ams2.nl>', '\r\ntelnet@r1.sjo1.us#', '\r\ntelnet@r1.sjo1.us(config)#', '\r\nSSH@MLXe>', '\r\nWarning: 1 user(s) already in config mode.\r\ntelnet@r1(config-if-e1000-1/1)#'],
    notPrompts: ['\r\nSystem Mode: XMR', '\r\n NTP server mode is enabled, NTP client mode is enabled'],
    usernamePrompts: ['\r\nPlease Enter Login Name: ', '\r\nUser Name:'],
    passwordPrompts: ['\r\nPlease Enter Password: ', '\r\nPassword:'],
    errors: ["Invalid input -> sh0w\r\nType ? for a list\r\n", 'Error - Incomplete command.\r\n', '%Error: x\r\n'],
    nonErrors: ['Standard IP access list 10\r\n'],
    loginErrors: ['\r\nAccess denied', '\r\nLogin failed'],
    banners: [
      // corpus: brocade.1 .. brocade.4 (Exscript test data, MIT)
      'SSH@mpls1.ams2.nl>enable\r\nPassword:\r\nSSH@mpls1.ams2.nl#term len 0\r\nSSH@mpls1.ams2.nl#',
      '\r\nUser Access Verification\r\n\r\nPlease Enter Login Name: job\r\nPlease Enter Password: \r\n\r\nUser login successful.\r\n\r\ntelnet@mpls1.ams2.nl>enable\r\nPassword:\r\ntelnet@mpls1.ams2.nl#term len 0\r\ntelnet@mpls1.ams2.nl#',
      '\r\nUser Access Verification\r\n\r\nPlease Enter Login Name: job\r\nPlease Enter Password: \r\n\r\nUser login successful.\r\n\r\ntelnet@r1.sjo1.us>enable\r\nPassword:\r\ntelnet@r1.sjo1.us#ter l 0\r\ntelnet@r1.sjo1.us#show access-list 10 \r\n\r\nStandard IP access list 10 \r\nACL Remark:  "Access controll management"\r\npermit host 192.168.8.1\r\ndeny any \r\n\r\ntelnet@r1.sjo1.us#conf t\r\nWarning: 1 user(s) already in config mode.\r\ntelnet@r1.sjo1.us(config)#\r\n',
      '\r\nUser Access Verification\r\n\r\nPlease Enter Login Name: job\r\nPlease Enter Password: \r\n\r\nUser login successful.\r\n\r\ntelnet@r1.lax1.us>enable\r\nPassword:\r\ntelnet@r1.lax1.us#sh ver | i System Mode|HW \r\nSystem Mode: XMR\r\ntelnet@r1.lax1.us#terminal length 0\r\ntelnet@r1.lax1.us#show ntp status \r\n Clock is unsynchronized, no reference clock\r\n NTP server mode is enabled, NTP client mode is enabled\r\n NTP master mode is disabled, NTP master stratum is 8\r\n NTP is not in panic mode\r\n source interface = 1\r\n\r\ntelnet@r1.lax1.us#show run | i clock \r\nclock timezone gmt GMT+01\r\ntelnet@r1.lax1.us#conf terminal\r\nWarning: 2 user(s) already in config mode.\r\ntelnet@r1.lax1.us(config)#no clock timezone gmt GMT+01\r\ntelnet@r1.lax1.us(config)#ntp\r\ntelnet@r1.lax1.us(config-ntp)#\r\n',
    ],
    pagers: ['\r\n--More--, next page: Space, next line: Return key, quit: Control-c'],
  },
});
