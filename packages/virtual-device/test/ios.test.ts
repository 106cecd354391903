import { CISCO_IOS } from '../src/profiles/captures/cisco-ios.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'ios',
  driver: 'ios',
  captures: CISCO_IOS,
  // Written by the profile itself (other packages' tests rely on those texts).
  notServed: ['show version', 'show clock'],
  commands: [
    ['show cdp neighbors', 'show cdp neighbors'],
    ['sh cdp nei', 'show cdp neighbors'],
    ['show ip route', 'show ip route'],
    ['sh ip ro', 'show ip route'],
    ['sh int link', 'show interfaces link'],
  ],
  unknown: 'shw version',
  rejected: ['show', 'sh i'],
  enable: 'enable',
  config: { enter: 'configure terminal', prompt: /[\r\n]r1\(config\)#$/, leave: 'end', after: /[\r\n]r1#$/ },
  paged: 'show ip route',
});
