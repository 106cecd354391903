// Inventories from YAML, JSON, CSV, code and URLs: inheritance, filters, and
// problems reported with file, line and column.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isNetxError } from '@netx/core';
import { buildInventory, InventoryError, inventoryFromUrls, loadInventory, parseInventory, type HostFilter, type Inventory } from '../src/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function problemsOf(p: Promise<unknown> | (() => unknown)): Promise<InventoryError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(isNetxError(err, 'NETX_INVENTORY')).toBe(true);
    return err as InventoryError;
  }
  throw new Error('expected an InventoryError');
}

function checkLab(inv: Inventory) {
  expect(inv.hosts.map((h) => h.name)).toEqual(['r1', 'r2', 'r3', 'console-1']);
  const r1 = inv.get('r1')!;
  expect(r1.url).toMatchObject({ scheme: 'ssh', hostname: '10.0.0.1', port: 2222, username: 'admin', href: 'ssh://admin@10.0.0.1:2222' });
  expect(r1.groups).toEqual(['core', 'cisco']);
  expect(r1.driver).toBe('ios'); // from cisco, through core
  expect(r1.data).toEqual({ site: 'lab', tier: 'core', role: 'router', rack: 'A1' });
  expect(r1.options).toEqual({ timeout: 20000, transport: { legacyAlgorithms: true } });
  expect(r1.source?.file).toBe(fixture(r1.source!.file.endsWith('.json') ? 'lab.json' : 'lab.yaml'));

  // edge comes first: its driver and role win over core's (and cisco's driver).
  const r2 = inv.get('r2')!;
  expect(r2.groups).toEqual(['edge', 'core', 'cisco']);
  expect(r2.driver).toBe('junos');
  expect(r2.data).toEqual({ site: 'lab', tier: 'core', role: 'edge' });
  expect(r2.url.href).toBe('telnet://netops@10.0.0.2'); // username from the defaults

  const r3 = inv.get('r3')!;
  expect(r3.driver).toBeUndefined();
  expect(r3.groups).toEqual([]);
  expect(r3.data).toEqual({ site: 'lab', tier: 'access' });

  const c = inv.get('console-1')!;
  expect(c.url).toMatchObject({ scheme: 'ws-serial', port: 7681, path: '/ws', query: { framing: 'ttyd' }, username: 'netops' });
  expect(c.options).toEqual({ timeout: 5000, settleTime: 50 });
}

describe('loading', () => {
  it('YAML: hosts inherit from their groups in order, then from the defaults', async () => {
    const inv = await loadInventory(fixture('lab.yaml'));
    checkLab(inv);
    expect(inv.get('r1')!.source).toEqual({ file: fixture('lab.yaml'), line: 27, column: 3 });
    expect(inv.groups()).toEqual(['cisco', 'core', 'edge']);
  });

  it('JSON with the same content gives the same hosts', async () => {
    const inv = await loadInventory(fixture('lab.json'));
    checkLab(inv);
    expect(inv.get('r2')!.source).toMatchObject({ file: fixture('lab.json'), line: 10 });
  });

  it('CSV: one host per row, groups split on ";", other columns become data', async () => {
    const inv = await loadInventory(fixture('lab.csv'));
    expect(inv.hosts.map((h) => h.name)).toEqual(['r1', 'r2', 'r3']);
    expect(inv.get('r1')).toMatchObject({ driver: 'ios', groups: ['core', 'cisco'], data: { Site: 'lab', rack: 'A1' } });
    expect(inv.get('r2')!.data).toEqual({ Site: 'lab, west' });
    expect(inv.get('r3')!.driver).toBeUndefined();
    expect(inv.get('r3')!.source).toEqual({ file: fixture('lab.csv'), line: 4 });
  });

  it('code: buildInventory takes the same shape, and hosts can be plain URLs', () => {
    const inv = buildInventory({ defaults: { driver: 'ios' }, hosts: { a: 'telnet://192.0.2.1', b: { url: 'ssh://192.0.2.2', driver: 'junos' } } });
    expect(inv.hosts.map((h) => [h.name, h.driver, h.url.href])).toEqual([
      ['a', 'ios', 'telnet://192.0.2.1'],
      ['b', 'junos', 'ssh://192.0.2.2'],
    ]);
  });

  it('URLs from a command line: named by host, host:port when a host name repeats', () => {
    const inv = inventoryFromUrls(['ssh://admin@127.0.0.1:2201', 'ssh://admin@127.0.0.1:2202', 'telnet://r2'], { driver: 'ios' });
    expect(inv.hosts.map((h) => h.name)).toEqual(['127.0.0.1:2201', '127.0.0.1:2202', 'r2']);
    expect(inv.get('r2')!.driver).toBe('ios');
  });
});

describe('filters', () => {
  it('group, name glob, data fields, negation and alternatives', async () => {
    const inv = await loadInventory(fixture('lab.yaml'));
    const names = (...f: (string | HostFilter)[]) => inv.filter(...f).hosts.map((h) => h.name);
    expect(names('group=core')).toEqual(['r1', 'r2']);
    expect(names('group=cisco', 'name=r*')).toEqual(['r1', 'r2']);
    expect(names('name=r?')).toEqual(['r1', 'r2', 'r3']);
    expect(names('role=edge')).toEqual(['r2']);
    expect(names('data.rack=A1')).toEqual(['r1']);
    expect(names('tier!=core')).toEqual(['r3', 'console-1']);
    expect(names('driver=ios,junos')).toEqual(['r1', 'r2']);
    expect(names('scheme=ws-serial')).toEqual(['console-1']);
    expect(names((h) => h.url.port === 2222)).toEqual(['r1']);
    expect(() => inv.filter('group')).toThrow(/not key=value; e.g. group=core/);
  });
});

describe('problems name the file and line', () => {
  it('unknown keys, schemes, groups, drivers and option types, each at its line', async () => {
    const file = fixture('bad-keys.yaml');
    const err = await problemsOf(loadInventory(file, { schemes: ['ssh', 'telnet'], drivers: ['ios', 'junos'] }));
    const lines = err.message.split('\n');
    expect(lines).toContain(`${file}:4:12: host "r1": unknown key "grups"; allowed: scheme, port, username, driver, groups, options, data, url, hostname`);
    expect(lines).toContain(`${file}:6:10: host "r2": unknown scheme "ftp"; known: ssh, telnet`);
    expect(lines).toContain(`${file}:9:14: host "r3": group "nosuch" is not defined under "groups"`);
    expect(lines).toContain(`${file}:10:13: host "r3": unknown driver "nosuchdriver"; known drivers: ios, junos`);
    expect(lines).toContain(`${file}:12:16: host "r3": option "timeout" must be milliseconds (a number >= 0), got "soon"`);
    expect(err.problems).toHaveLength(5);
    expect(err.problems[0]!.location).toEqual({ file, line: 4, column: 12 });
  });

  it('YAML syntax errors', async () => {
    const file = fixture('bad-syntax.yaml');
    const err = await problemsOf(loadInventory(file));
    expect(err.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: YAML syntax: `));
  });

  it('JSON that YAML accepts but JSON does not (a trailing comma)', async () => {
    const file = fixture('bad-syntax.json');
    const err = await problemsOf(loadInventory(file));
    expect(err.problems[0]!.location?.file).toBe(file);
    expect(err.problems[0]!.location?.line).toBe(4);
    expect(err.message).toContain('JSON syntax: ');
  });

  it('CSV rows with the wrong number of fields, and unclosed quotes', async () => {
    const file = fixture('bad-fields.csv');
    const err = await problemsOf(loadInventory(file));
    expect(err.message).toBe(`${file}:3: row has 3 fields, the header has 2`);
    const quote = await problemsOf(() => parseInventory('name,url\nr1,"ssh://x\n', 'q.csv'));
    expect(quote.message).toBe('q.csv:2: CSV syntax: a quoted field is never closed (a " is missing)');
  });

  it('a password inside a URL is refused, and the message does not repeat it', async () => {
    const file = fixture('password-url.yaml');
    const err = await problemsOf(loadInventory(file));
    expect(err.message).toContain(`${file}:3:10: host "r1": The URL for 10.0.0.1 holds a password; remove it`);
    expect(err.message).not.toContain('hunter2');
  });

  it('group cycles, missing url, both url and hostname, a hostname without scheme', async () => {
    const text = [
      'groups:',
      '  a: { groups: [b] }',
      '  b: { groups: [a] }',
      'hosts:',
      '  h1: { groups: [a] }',
      '  h2: { url: "ssh://x", hostname: x }',
      '  h3: { hostname: x }',
    ].join('\n');
    const err = await problemsOf(() => parseInventory(text, 'inv.yaml'));
    expect(err.message.split('\n')).toEqual([
      'inv.yaml:2:16: group "a": groups form a cycle: a -> b -> a',
      'inv.yaml:3:16: group "b": groups form a cycle: b -> a -> b',
      'inv.yaml:5:3: host "h1": has neither "url" nor "hostname"; add url: ssh://user@host:port (or hostname plus a scheme)',
      'inv.yaml:6:14: host "h2": give either "url" or "hostname", not both',
      'inv.yaml:7:19: host "h3": "hostname" needs a scheme: set "scheme" (ssh, telnet, ws-serial) on the host, one of its groups or the defaults, or use "url"',
    ]);
  });

  it('a missing file and an unknown extension', async () => {
    const err = await problemsOf(loadInventory('/nonexistent/inv.yaml'));
    expect(err.message).toBe('cannot read the inventory file /nonexistent/inv.yaml: it does not exist');
    const ext = await problemsOf(() => parseInventory('', 'inv.txt'));
    expect(ext.message).toContain('cannot tell the format of inv.txt');
  });
});
