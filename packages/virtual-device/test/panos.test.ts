import { describe, expect, it } from 'vitest';
import { PANOS_CAPTURE_OPTIONS } from '../src/index.js';
import { PALOALTO_PANOS } from '../src/profiles/captures/paloalto-panos.js';
import { logIn, open } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'panos',
  driver: 'panos',
  captures: PALOALTO_PANOS,
  captureOptions: PANOS_CAPTURE_OPTIONS,
  // PAN-OS takes full keywords only, so the abbreviations are rejected below.
  commands: [
    ['show arp all', 'show arp all'],
    ['show interface all', 'show interface all'],
    ['show jobs all', 'show jobs all'],
  ],
  unknown: 'show foo',
  rejected: ['sh arp all', 'show', 'show int all'],
  config: { enter: 'configure', prompt: /[\r\n]admin@r1# $/, leave: 'exit', after: /[\r\n]admin@r1> $/ },
  paged: 'show high-availability all',
});

describe('profile panos configuration', () => {
  it('applies a host name on commit and runs operational commands with run', async () => {
    const s = open('panos', { driver: 'panos' });
    await logIn(s);
    await s.conn.autoInit();
    await s.conn.execute('configure');
    await s.conn.execute('set deviceconfig system hostname fw9');
    expect((await s.conn.execute('commit')).response).toContain('Configuration committed successfully');
    const r = await s.conn.execute('run show jobs all');
    expect(r.response).toContain('FqdnRefresh');
    expect(r.match[0]).toMatch(/admin@fw9# $/);
    await s.conn.close();
  });
});
