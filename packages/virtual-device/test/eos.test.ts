import { EOS_CAPTURE_OPTIONS } from '../src/index.js';
import { ARISTA_EOS } from '../src/profiles/captures/arista-eos.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'eos',
  driver: 'eos',
  captures: ARISTA_EOS,
  captureOptions: EOS_CAPTURE_OPTIONS,
  commands: [
    ['show version', 'show version'],
    ['sh ver', 'show version'],
    ['show ip interface brief', 'show ip interface brief'],
    ['sh ip int br', 'show ip interface brief'],
    ['sh hostname', 'show hostname'],
  ],
  unknown: 'shw version',
  rejected: ['show', 'sh i', 'show foo'],
  enable: 'enable',
  config: { enter: 'configure', prompt: /[\r\n]r1\(config\)#$/, leave: 'end', after: /[\r\n]r1#$/ },
  paged: 'show interfaces',
});
