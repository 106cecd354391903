// Every built-in profile is registered, builds with the fleet defaults, and serves
// captures; the generated capture modules match the vendored files.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProfile, profileNames, VirtualDevice } from '../src/index.js';
import { connect } from './helpers.js';
import { allDrivers, logIn, open } from './netx.js';

const BUILT_IN = ['eos', 'fortios', 'ios', 'ios_xe', 'ios_xr', 'junos', 'linux', 'nxos', 'panos', 'routeros', 'vrp'];

describe('profile registry', () => {
  it('lists every built-in profile by name', () => {
    expect(profileNames()).toEqual(expect.arrayContaining(BUILT_IN));
    for (const name of BUILT_IN) expect(getProfile(name).name).toBe(name);
    expect(() => getProfile('vyos')).toThrow(/known profiles: .*eos.*fortios.*ios.*ios_xe.*ios_xr.*junos.*linux.*nxos.*panos.*routeros.*vrp/);
  });

  it('builds every profile with the fleet defaults: the host name given, admin/admin, a description', () => {
    for (const name of BUILT_IN) {
      const p = getProfile(name);
      const options = p.options({ hostname: 'x1' });
      expect(options.hostname, name).toBe('x1');
      expect(options.login, name).toMatchObject({ style: 'username+password', username: 'admin', password: 'admin' });
      expect(p.description.length, name).toBeGreaterThan(20);
    }
  });

  it('asks every profile for a login with the host name where the platform does (`x1 login: `)', async () => {
    for (const [name, question] of [['nxos', 'x1 login: '], ['eos', 'x1 login: '], ['panos', 'x1 login: '], ['fortios', 'x1 login: '], ['linux', 'x1 login: '], ['routeros', 'x1 Login: ']] as const) {
      const c = connect(new VirtualDevice(getProfile(name).options({ hostname: 'x1' })));
      expect(await c.untilEnds(question), name).toContain(question);
    }
  });
});

describe('profile drivers and probes', () => {
  it('names a netx driver for every profile, and the probe command answers with the probe text through it', async () => {
    const drivers = new Set(allDrivers.map((d) => d.name));
    for (const name of BUILT_IN) {
      const p = getProfile(name);
      expect(drivers.has(p.driver!), `${name} -> ${p.driver}`).toBe(true);
      const s = open(name, { driver: p.driver! });
      await logIn(s);
      await s.conn.autoInit();
      expect((await s.conn.execute(p.probe!.command)).response, name).toContain(p.probe!.expect);
      await s.conn.close();
    }
  });
});

describe('captures', () => {
  it('the generated modules in src/profiles/captures are up to date with the vendored files', () => {
    const script = fileURLToPath(new URL('../../../tools/scripts/device-captures.mjs', import.meta.url));
    const out = execFileSync(process.execPath, [script, 'generate', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/checked \d+ capture modules/);
  });
});
