import { NXOS_CAPTURE_OPTIONS } from '../src/index.js';
import { CISCO_NXOS } from '../src/profiles/captures/cisco-nxos.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'nxos',
  driver: 'nxos',
  captures: CISCO_NXOS,
  commands: [
    ['show version', 'show version'],
    ['sh ver', 'show version'],
    ['show ip interface brief', 'show ip interface brief'],
    ['sh ip int br', 'show ip interface brief'],
    ['sh clock', 'show clock'],
  ],
  unknown: 'shw version',
  rejected: ['show', 'sh i'],
  config: { enter: 'configure terminal', prompt: /r1\(config\)# $/, leave: 'end', after: /[\r\n]r1# $/ },
  paged: 'show version',
  captureOptions: NXOS_CAPTURE_OPTIONS,
});
