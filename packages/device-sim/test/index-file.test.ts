// The shared ports' index file: logins that reach a device without `@device`, over
// SSH, Telnet and WebSocket (netx's transports as clients); mistakes name file and line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, isNetxError } from '@netx/core';
import { Fleet, parseIndex, readFleetFile, SimConfigError } from '../src/index.js';
import { connectTo, startFleet, tempDir, type ClientKind } from './helpers.js';

const tmp = tempDir('netx-sim-index-');
const indexFile = join(tmp.dir, 'logins.idx');
writeFileSync(
  indexFile,
  [
    '# login   device   [user]',
    'alice     r2',
    'bob       #0       admin   # by index, the user named',
    '',
    'carol     r3       nobody',
  ].join('\n'),
);

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [{ name: 'r1' }, { name: 'r2', password: 'secret2' }, { name: 'r3' }].map((d) => ({ ...d, ports: {} })),
    { shared: { ssh: 0, telnet: 0, ws: 0 }, indexFile, index: { dave: { device: 'r3' } } },
  );
});
afterAll(async () => {
  await fleet?.close();
  tmp.remove();
});

describe('parseIndex', () => {
  it('reads logins, devices and users; comments and blank lines are skipped', () => {
    const entries = parseIndex('a r1\n  # note\n\nb #3 oper  # trailing\n', 'x.idx');
    expect(entries.map((e) => [e.login, e.device, e.user, e.line])).toEqual([
      ['a', 'r1', undefined, 1],
      ['b', '#3', 'oper', 4],
    ]);
  });

  it.each([
    ['alone\n', 1, /"<login> <device> \[<user>\]", got "alone"/],
    ['a r1\nb r2 u extra\n', 2, /got "b r2 u extra"/],
    ['a r1\n\na r2\n', 3, /"a" is already given on line 1/],
  ])('%j: one error naming the line', (text, line, message) => {
    let err: unknown;
    try {
      parseIndex(text, 'x.idx');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimConfigError);
    expect((err as SimConfigError).line).toBe(line);
    expect((err as Error).message).toMatch(new RegExp(`^x\\.idx:${line}: `));
    expect((err as Error).message).toMatch(message);
  });
});

describe('a login from the index reaches its device on every shared port', () => {
  const cases: Array<{ kind: ClientKind; login: string; password: string; host: string }> = [
    { kind: 'ssh', login: 'alice', password: 'secret2', host: 'r2' },
    { kind: 'ssh', login: 'bob', password: 'admin', host: 'r1' },
    { kind: 'ssh', login: 'dave', password: 'admin', host: 'r3' },
    { kind: 'telnet', login: 'alice', password: 'secret2', host: 'r2' },
    { kind: 'telnet', login: 'admin@alice', password: 'secret2', host: 'r2' },
  ];
  it.each(cases)('$kind as $login', async ({ kind, login, password, host }) => {
    const conn = await connectTo(kind, fleet.sharedPorts[kind === 'ssh' ? 'ssh' : 'telnet']!);
    await conn.login(new Account({ name: login, password, password2: 'enable' }));
    expect((await conn.execute('show version')).response).toContain(`${host} uptime is`);
    await conn.close();
  });

  it('WebSocket: an index login in the URL path', async () => {
    const conn = await connectTo('ws-raw', fleet.sharedPorts.ws!, { path: '/alice' });
    await conn.login(new Account({ name: 'admin', password: 'secret2', password2: 'enable' }));
    expect((await conn.execute('show version')).response).toContain('r2 uptime is');
    await conn.close();
  });

  it('the user an entry names is the one the device checks (carol -> r3 as "nobody": refused)', async () => {
    const conn = await connectTo('ssh', fleet.sharedPorts.ssh!);
    const err = await conn.login(new Account({ name: 'carol', password: 'admin' })).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    await conn.close();
  });
});

describe('index mistakes stop the fleet before it listens', () => {
  it('an entry pointing to no device names the file and line', async () => {
    const file = join(tmp.dir, 'bad.idx');
    writeFileSync(file, 'alice r1\nzed r9\n');
    const err = await Fleet.start({ devices: [{ name: 'r1', profile: 'ios' }], shared: { ssh: 0 }, indexFile: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimConfigError);
    expect((err as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: the login "zed" points to "r9"`));
  });

  it('a missing index file', async () => {
    const err = await Fleet.start({ devices: [{ name: 'r1', profile: 'ios' }], indexFile: join(tmp.dir, 'none.idx') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimConfigError);
    expect((err as Error).message).toMatch(/cannot read the index file \(ENOENT\)/);
  });

  it('a login given both in the file and in code', async () => {
    const err = await Fleet.start({ devices: ['r1', 'r2', 'r3'].map((name) => ({ name, profile: 'ios' })), indexFile, index: { alice: 'r1' } }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/the login "alice" is given twice/);
  });

  it('a fleet file names its index file relative to itself', () => {
    const file = join(tmp.dir, 'fleet.yaml');
    writeFileSync(file, 'indexFile: logins.idx\nshared: { ssh: 0 }\ngroups:\n  - { count: 3 }\n');
    expect(readFleetFile(file).indexFile).toBe(indexFile);
  });
});
