// Fleet descriptions: what a good file expands to, and one clear error (file and
// line, or port) for each kind of bad input, with nothing left listening.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNetxError } from '@netx/core';
import { Fleet, parseFleet, readFleetFile, SimConfigError, SimListenError } from '../src/index.js';
import { refused, tempDir } from './helpers.js';

const GOOD = `# a mixed fleet
shared: { ssh: 0 }
defaults:
  password: secret
groups:
  - name: r{n}
    count: 4
    profiles: [ios, junos]
    ports: { ssh: 40000, telnet: 41000 }
  - name: edge
    profile: junos
    sshAuth: [password, none]
    loginStyle: password
    enablePassword: null
    faults: { latency: 10, dropMidCommand: { command: show run } }
    commands: { show inventory: "NAME: chassis\\n" }
`;

function configError(text: string): SimConfigError {
  try {
    parseFleet(text, 'fleet.yaml');
  } catch (err) {
    if (err instanceof SimConfigError) return err;
    throw err;
  }
  throw new Error('parseFleet accepted the text');
}

describe('parseFleet', () => {
  it('expands groups: names, round-robin profiles, base ports, defaults, faults, extra commands', () => {
    const f = parseFleet(GOOD, 'fleet.yaml');
    expect(f.devices.map((d) => [d.name, d.profile, d.ports?.ssh, d.ports?.telnet, d.password])).toEqual([
      ['r1', 'ios', 40000, 41000, 'secret'],
      ['r2', 'junos', 40001, 41001, 'secret'],
      ['r3', 'ios', 40002, 41002, 'secret'],
      ['r4', 'junos', 40003, 41003, 'secret'],
      ['edge', 'junos', undefined, undefined, 'secret'],
    ]);
    const edge = f.devices[4]!;
    expect(edge).toMatchObject({ sshAuth: ['password', 'none'], loginStyle: 'password', enablePassword: null, faults: { latency: 10 } });
    expect(edge.overrides?.commands).toEqual({ 'show inventory': 'NAME: chassis\n' });
    expect(f.shared).toEqual({ ssh: 0 });
  });

  it('reads JSON the same way, and a missing file is a SimConfigError naming it', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'fleet.json');
      writeFileSync(file, JSON.stringify({ hostKeyFile: 'key', groups: [{ count: 2, profile: 'ios' }] }, null, 2));
      const f = readFleetFile(file);
      expect(f.devices.map((d) => d.name)).toEqual(['r1', 'r2']);
      expect(f.hostKeyFile).toBe(join(tmp.dir, 'key'));
      expect(() => readFleetFile(join(tmp.dir, 'nope.yaml'))).toThrow(/nope\.yaml: cannot read the fleet file \(ENOENT\)/);
    } finally {
      tmp.remove();
    }
  });

  it.each([
    ['malformed YAML', 'groups:\n  - name: r1\n   profile: ios\n', 3, /not valid YAML or JSON/],
    ['malformed JSON', '{\n  "groups": [\n    { "count": 2 ]\n}\n', 3, /not valid YAML or JSON/],
    ['an unknown profile', 'groups:\n  - count: 2\n    profile: cisco-nope\n', 3, /unknown profile "cisco-nope"; known profiles: .*ios.*junos/],
    ['an unknown profile in a list', 'groups:\n  - count: 2\n    profiles:\n      - ios\n      - vyatta9\n', 5, /unknown profile "vyatta9"/],
    ['an unknown setting', 'groups:\n  - count: 1\n    prfile: ios\n', 3, /unknown setting "prfile" in groups\.0/],
    ['a bad port', 'groups:\n  - ports:\n      ssh: 70000\n', 3, /groups\.0\.ports\.ssh must be a port number/],
    ['ports past 65535', 'groups:\n  - count: 10\n    ports:\n      ssh: 65530\n', 4, /10 ssh ports from 65530 go past 65535/],
    ['the same port twice', 'groups:\n  - name: a\n    ports: { ssh: 40000 }\n  - name: b\n    ports:\n      ssh: 40000\n', 6, /port 40000 \(ssh of b\) is already given to ssh of a/],
    ['a count without {n}', 'groups:\n  - name: core\n    count: 3\n', 2, /needs \{n\} in its name/],
    ['a bad fault', 'groups:\n  - faults:\n      latncy: 5\n', 3, /unknown fault "latncy"/],
    ['a bad value from defaults', 'defaults:\n  loginStyle: telepathy\ngroups:\n  - count: 1\n', 2, /loginStyle must be one of/],
    ['no groups', 'host: 127.0.0.1\n', undefined, /needs "groups"/],
  ])('%s: one SimConfigError naming fleet.yaml and the line', (_what, text, line, message) => {
    const err = configError(text);
    expect(isNetxError(err, 'NETX_SIM_CONFIG')).toBe(true);
    expect(err.file).toBe('fleet.yaml');
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(line === undefined ? 'fleet.yaml: ' : `fleet.yaml:${line}: `)).toBe(true);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('Fleet.start with bad input', () => {
  it('a port in use: one SimListenError naming it, and nothing of the fleet is left listening', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const [a, b] = [await freePort(), await freePort()];
    try {
      const err = await Fleet.start({
        devices: [
          { name: 'a', profile: 'ios', ports: { ssh: a, telnet: b } },
          { name: 'b', profile: 'ios', ports: { ssh: busyPort } },
        ],
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SimListenError);
      expect((err as SimListenError).port).toBe(busyPort);
      expect((err as Error).message).toContain(`127.0.0.1:${busyPort} (the port is in use)`);
      expect(await refused(a)).toBe(true);
      expect(await refused(b)).toBe(true);
    } finally {
      busy.close();
    }
  });

  it('an unknown profile or two devices of one name fail before anything listens', async () => {
    await expect(Fleet.start({ devices: [{ name: 'x', profile: 'nope', ports: { ssh: 0 } }] })).rejects.toThrow(/device "x": Unknown device profile "nope"/);
    await expect(Fleet.start({ devices: [{ name: 'x', profile: 'ios' }, { name: 'x', profile: 'ios' }] })).rejects.toThrow(SimConfigError);
  });
});
