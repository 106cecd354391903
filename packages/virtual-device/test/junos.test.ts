import { describe, expect, it } from 'vitest';
import { InvalidCommandError } from '@netx/core';
import { JUNOS_CAPTURE_OPTIONS } from '../src/index.js';
import { JUNIPER_JUNOS } from '../src/profiles/captures/juniper-junos.js';
import { logIn, open, rejection, trimmed } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'junos',
  driver: 'junos',
  captures: JUNIPER_JUNOS,
  captureOptions: JUNOS_CAPTURE_OPTIONS,
  // Written by the profile itself (other packages' tests rely on that text).
  notServed: ['show version'],
  commands: [
    ['show system uptime', 'show system uptime'],
    ['sh sys up', 'show system uptime'],
    ['show chassis hardware', 'show chassis hardware'],
    ['sh chas hard', 'show chassis hardware'],
  ],
  unknown: 'shw version',
  config: { enter: 'configure', prompt: /[\r\n]admin@r1# $/, leave: 'exit', after: /[\r\n]admin@r1> $/ },
  paged: 'show chassis hardware',
});

describe('profile junos abbreviations', () => {
  it("answers an abbreviation that fits several words as Junos does ('l' is ambiguous, with the completions)", async () => {
    const s = open('junos', { driver: 'junos' });
    await logIn(s);
    await s.conn.autoInit();
    // The junos driver takes `'l' is ambiguous.` for a command error.
    const err = await rejection(s.conn.execute('show l'));
    expect(err).toBeInstanceOf(InvalidCommandError);
    expect(trimmed((err as InvalidCommandError).response)).toBe("show l\r\n               ^\r\n'l' is ambiguous.\r\nPossible completions:\r\n  lacp\r\n  lldp");
    await s.conn.close();
  });
});
