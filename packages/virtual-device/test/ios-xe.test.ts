import { IOS_XE_CAPTURE_OPTIONS, IOS_XE_CAPTURES } from '../src/index.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'ios_xe',
  driver: 'ios_xe',
  captures: IOS_XE_CAPTURES,
  captureOptions: IOS_XE_CAPTURE_OPTIONS,
  commands: [
    ['show version', 'show version'],
    ['sh ver', 'show version'],
    ['show interfaces transceiver', 'show interfaces transceiver'],
    ['sh int trans', 'show interfaces transceiver'],
    ['sh ip vrf int', 'show ip vrf interfaces'],
  ],
  unknown: 'shw version',
  rejected: ['show', 'sh i'],
  enable: 'enable',
  config: { enter: 'configure terminal', prompt: /[\r\n]r1\(config\)#$/, leave: 'end', after: /[\r\n]r1#$/ },
  paged: 'show version',
});
