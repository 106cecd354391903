// What a link can tell the device when a connection opens (SessionOptions), and
// the S/Key login style: what servers in front of the device rely on.
import { describe, expect, it } from 'vitest';
import { otp } from '@netx/core';
import { iosDevice, junosDevice, VirtualDevice, type SessionOptions } from '../src/index.js';
import { connect } from './helpers.js';

const open = (device: VirtualDevice, session: SessionOptions) => connect(device, { session });

describe('SessionOptions', () => {
  it('authenticatedUser skips the login dialogue and names the user in the prompt', async () => {
    const c = open(junosDevice(), { authenticatedUser: 'ops' });
    await c.untilEnds('ops@r1> ');
    expect(c.text()).not.toContain('login:');
  });

  it('presetUsername asks only the password in the first round, the full dialogue after a failure', async () => {
    const c = open(iosDevice(), { presetUsername: 'admin' });
    await c.untilEnds('Password: ');
    expect(c.text()).not.toContain('Username:');
    await c.send('wrong\r');
    await c.untilEnds('Username: ');
    await c.send('admin\r');
    await c.untilEnds('Password: ');
    await c.send('admin\r');
    await c.untilEnds('r1>');
  });

  it('exec runs one command without banner, echo, pager or prompt, then hangs up', async () => {
    const c = open(iosDevice({ banner: 'BANNER\n' }), { exec: 'sh ver', authenticatedUser: 'admin' });
    await c.until(() => c.closed !== undefined, 'the hang-up');
    expect(c.text().startsWith('Cisco IOS Software')).toBe(true);
    expect(c.text()).toContain('Configuration register is 0x2102');
    expect(c.text()).not.toMatch(/BANNER|--More--|r1>/);
    expect(c.closed).toEqual({ error: undefined });
  });

  it('onCommand sees every command line before it runs', async () => {
    const seen: string[] = [];
    const c = open(new VirtualDevice({ hostname: 'h', commands: { a: 'A' } }), { onCommand: (line) => seen.push(line) });
    await c.untilEnds('h> ');
    await c.send('a\rnope\r');
    await c.until((t) => t.split('h> ').length === 4);
    expect(seen).toEqual(['a', 'nope']);
  });

  it('recordSessions: false keeps no session state', async () => {
    const device = new VirtualDevice({ hostname: 'h', recordSessions: false });
    const c = connect(device);
    await c.untilEnds('h> ');
    expect(device.sessions).toEqual([]);
  });
});

describe("login style 'skey'", () => {
  it('shows the challenge and accepts the one-time password words, in any case', async () => {
    const device = iosDevice({ loginStyle: 'skey' });
    const c = connect(device);
    await c.untilEnds('Username: ');
    await c.send('admin\r');
    await c.untilEnds('Password: ');
    expect(c.text()).toContain('s/key 99 abc123\r\nPassword: ');
    await c.send(`${otp('admin', 'abc123', 99).toLowerCase()}\r`);
    await c.untilEnds('r1>');
  });

  it('refuses the plain password', async () => {
    const c = connect(new VirtualDevice({ login: { style: 'skey', username: 'u', password: 'pw', skey: { sequence: 5, seed: 'xy' } } }));
    await c.untilEnds('User: ');
    await c.send('u\r');
    await c.untilEnds('Password: ');
    expect(c.text()).toContain('s/key 5 xy');
    await c.send('pw\r');
    await c.until((t) => t.includes('% Login invalid'));
  });
});
