// The profile format (defineProfile) and the registry, driven byte for byte by a bare client.
import { describe, expect, it } from 'vitest';
import { defineProfile, getProfile, iosProfile, profileNames, profiles, registerProfile, VirtualDevice } from '../src/index.js';
import { connect } from './helpers.js';

const acme = defineProfile({
  name: 'acme',
  description: 'test platform',
  hostname: 'edge',
  prompts: { user: '{hostname}> ', enable: '{hostname}# ', config: '{hostname}(cfg)# ' },
  banner: 'AcmeOS\n',
  login: { usernamePrompt: 'login: ', passwordPrompt: 'Password: ', failureText: 'Bad login' },
  enable: { command: 'enable', passwordPrompt: 'Secret: ' },
  config: { command: 'configure', text: 'Entering config\n', exits: { end: 'enable', exit: 'enable' } },
  pager: { pageLength: 2, prompt: '-- more --', lengthCommands: ['no page', /^page (\d+)$/] },
  errors: { unknown: 'ERR unknown: {command}' },
  commands: { 'show version': 'AcmeOS 4.2\nline 2\nline 3\n' },
  modeCommands: { enable: { 'show secrets': 'none\n' } },
});

async function logIn(device: VirtualDevice, user = 'admin', password = 'admin') {
  const c = connect(device);
  await c.untilEnds('login: ');
  await c.send(`${user}\r`);
  await c.untilEnds('Password: ');
  await c.send(`${password}\r`);
  return c;
}

describe('defineProfile', () => {
  it('builds prompts per mode, the login dialogue with the given credentials, enable and config mode', async () => {
    const device = new VirtualDevice(acme.options({ hostname: 'e7', username: 'ops', password: 'pw', enablePassword: 'sec' }));
    const c = await logIn(device, 'ops', 'pw');
    await c.untilEnds('e7> ');
    await c.send('en\r');
    await c.untilEnds('Secret: ');
    await c.send('sec\r');
    await c.untilEnds('e7# ');
    c.take();
    await c.send('sh sec\r');
    await c.untilEnds('e7# ');
    expect(c.take()).toBe('sh sec\r\nnone\r\ne7# ');
    await c.send('conf\r');
    await c.untilEnds('e7(cfg)# ');
    expect(c.take()).toBe('conf\r\nEntering config\r\ne7(cfg)# ');
    await c.send('end\r');
    await c.untilEnds('e7# ');
  });

  it('rejects other credentials with the profile failure text', async () => {
    const c = await logIn(new VirtualDevice(acme.options()), 'admin', 'nope');
    await c.until((t) => t.split('login: ').length === 3);
    expect(c.text()).toContain('Bad login');
  });

  it('pages, lets the length commands switch the pager, and fills {command} in errors', async () => {
    const c = await logIn(new VirtualDevice(acme.options()));
    await c.untilEnds('edge> ');
    c.take();
    await c.send('show version\r');
    await c.untilEnds('-- more --');
    await c.send('q');
    await c.untilEnds('edge> ');
    c.take();
    await c.send('no page\r');
    await c.untilEnds('edge> ');
    c.take();
    await c.send('show version\r');
    await c.untilEnds('edge> ');
    expect(c.take()).toContain('line 3');
    await c.send('frob it\r');
    await c.untilEnds('edge> ');
    expect(c.take()).toBe('frob it\r\nERR unknown: frob it\r\nedge> ');
  });

  it("takes loginStyle 'none' (a session already authenticated by SSH) and user overrides first", async () => {
    const device = new VirtualDevice(acme.options({ loginStyle: 'none', overrides: { commands: { 'show version': 'patched\n' } } }));
    const c = connect(device);
    await c.untilEnds('edge> ');
    c.take();
    await c.send('show version\r');
    await c.untilEnds('edge> ');
    expect(c.take()).toBe('show version\r\npatched\r\nedge> ');
  });
});

describe('profile registry', () => {
  it('knows the built-in profiles and names them in the error for an unknown one', () => {
    expect(profileNames()).toEqual(expect.arrayContaining(['ios', 'junos']));
    expect(getProfile('ios')).toBe(iosProfile);
    expect(() => getProfile('nope')).toThrow(/Unknown device profile "nope"; known profiles: .*ios.*junos/);
  });

  it('registers a profile by name and checks the name', () => {
    registerProfile(acme);
    expect(profiles.get('acme')).toBe(acme);
    expect(() => registerProfile({ ...acme, name: 'Bad Name' })).toThrow(/lower case/);
  });

  it('builds every registered profile with the fleet defaults admin/admin and enable', async () => {
    for (const name of ['ios', 'junos']) {
      const options = getProfile(name).options({ hostname: 'x1' });
      expect(options.hostname).toBe('x1');
      expect(options.login).toMatchObject({ username: 'admin', password: 'admin' });
    }
    const c = connect(new VirtualDevice(getProfile('junos').options({ hostname: 'x1' })));
    await c.untilEnds('login: ');
    await c.send('admin\r');
    await c.untilEnds('Password:');
    await c.send('admin\r');
    await c.untilEnds('admin@x1> ');
  });
});
