// Palo Alto Networks PAN-OS (firewalls and Panorama). `user@host>` operational,
// `user@host#` configure mode (after an `[edit]` line), HA state in parentheses.
// Patterns after scrapli's paloalto_panos definition; init after Netmiko.
// Never claims on "Palo Alto" alone (an HP ProCurve banner has the address
// "Palo Alto, CA"), nor on "panos" (an SR OS build path contains it).
import { defineDriver } from '@netx/core';
import { PANOS_PAGERS } from './pagers.js';

export const panos = defineDriver({
  name: 'panos',
  usernamePrompt: /(?:user ?name|login(?: as)?): *$/i,
  passwordPrompt: /password: *$/i,
  // `ntc@pa1>`, `admin@PA-VM#`, `admin@PA-3220(active)>`, `admin@Panorama(primary-active)#`
  prompt: /[\r\n][\w.\-]{1,63}@[\w.\-]{1,63}(?:\([\w.\-]{1,32}\))?[>#] ?$/,
  errorPrompt: /^\s*(?:Unknown command:|Invalid syntax\.|Server error|Validation Error:)/m,
  pagers: PANOS_PAGERS,
  initCommands: ['set cli scripting-mode on', 'set cli pager off', 'set cli terminal width 500'],
  guess: {
    head: [
      { match: /\bPAN-OS\b/, score: 90 },
      { match: 'Palo Alto Networks', score: 90 },
      { match: 'Number of failed attempts since last successful login', score: 70 },
      { match: /[\r\n][\w.\-]{1,63}@PA-[\w.\-]{1,60}(?:\([\w.\-]{1,32}\))?[>#] /, score: 60 },
    ],
    response: [
      { match: /\bPAN-OS\b/, score: 90 },
      { match: /^sw-version: \d/m, score: 90 },
      { match: 'Number of failed attempts since last successful login', score: 70 },
      { match: /[\r\n][\w.\-]{1,63}@PA-[\w.\-]{1,60}(?:\([\w.\-]{1,32}\))?[>#] /, score: 60 },
    ],
  },
  samples: {
    prompts: [
      '\r\nntc@pa1>',
      '\r\nadmin@PA-VM> ',
      '\r\n[edit]\r\nadmin@PA-VM# ',
      // self-written: HA and Panorama forms
      '\r\nadmin@PA-3220(active)> ',
      '\r\nadmin@Panorama(primary-active)# ',
      '\r\nnet.ops@fw-01.example.com> ',
    ],
    notPrompts: ['\r\nhostname: PA-VM', '\r\nsw-version: 10.2.4', '\r\n[edit]'],
    usernamePrompts: ['\r\nPA-VM login: ', 'login as: '],
    passwordPrompts: ['Password: ', "admin@192.0.2.1's password: "],
    errors: [
      'Unknown command: shw\r\n',
      '\r\nInvalid syntax.\r\n',
      'Server error : show system foo\r\n',
      'Validation Error:\r\n address -> web1 is invalid\r\n',
    ],
    nonErrors: ['hostname: PA-VM\r\nsw-version: 10.2.4\r\n', 'name  id  state\r\n'],
    loginErrors: ['\r\nAccess denied', '\r\nPermission denied, please try again.'],
    banners: [
      // self-written in the shape of PAN-OS logins
      '\r\nLast login: Wed Nov 25 07:01:12 2026 from 192.0.2.10\r\n\r\nNumber of failed attempts since last successful login: 0\r\n\r\n\r\nadmin@PA-VM> ',
      '\r\n*** Palo Alto Networks firewall - authorized use only ***\r\n\r\nPassword: ',
      '\r\nPAN-OS 10.2 management interface\r\nlogin as: ',
    ],
    pagers: ['\r\n--more--', '\r\n(END)'],
  },
});
