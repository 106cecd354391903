// The `netx` program spawned from source against the device simulator (@netx/device-sim)
// running in the test process: WebSocket serial consoles in both framings (own port and
// behind the shared port, the device named in the URL), SSH (host keys checked against a
// known_hosts file, a device behind the shared port picked by user name) and Telnet, with
// faulty devices failing the run (exit 1) and JSON/NDJSON checked field by field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, type SimProtocol } from '@netx/device-sim';
import { spawnNetx } from './helpers/spawn.js';
import { trackServerSockets, waitUntil } from './helpers/wait.js';

const tmp = mkdtempSync(join(tmpdir(), 'netx-e2e-sim-'));
const env = { NETX_PASSWORD: 'admin', NETX_ENABLE_PASSWORD: 'enable' };
let fleet: Fleet;

beforeAll(async () => {
  fleet = await Fleet.start({
    devices: [
      { name: 'r1', profile: 'ios', ports: { ssh: 0, telnet: 0, ws: 0 } },
      { name: 'j1', profile: 'junos', ports: { ssh: 0, telnet: 0 } },
      { name: 'r7', profile: 'ios' },
      { name: 'moved', profile: 'ios', ports: { ssh: 0 }, faults: { changedHostKey: true } },
      { name: 'drop', profile: 'ios', ports: { telnet: 0 }, faults: { dropMidCommand: { command: 'show version', afterBytes: 50 } } },
    ],
    shared: { ssh: 0, ws: 0 },
  });
});
afterAll(async () => {
  await fleet?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const port = (name: string, proto: SimProtocol) => fleet.ports.get(fleet.device(name)!.index)![proto]!;

function inventory(file: string, hosts: Record<string, string | { url: string; driver: string }>): string {
  const path = join(tmp, file);
  writeFileSync(path, `defaults: { username: admin }\nhosts:\n${Object.entries(hosts).map(([name, host]) => `  ${name}: ${JSON.stringify(host)}`).join('\n')}\n`);
  return path;
}

interface Record_ {
  host: string;
  url: string;
  ok: boolean;
  driver?: string;
  error?: { code: string; message: string };
  outputs: { command: string; output: string; error?: string }[];
}

describe('netx run against the simulator', () => {
  it('ws-serial: raw and ttyd framings, own port and the shared port with the device in the path; --enable, --json', async () => {
    const own = port('r1', 'ws');
    const shared = fleet.sharedPorts.ws!;
    const inv = inventory('ws.yaml', {
      raw: `ws-serial://127.0.0.1:${own}/?framing=raw`,
      ttyd: `ws-serial://127.0.0.1:${own}/?framing=ttyd`,
      'shared-ttyd': `ws-serial://127.0.0.1:${shared}/r7?framing=ttyd`,
      'shared-raw': `ws-serial://127.0.0.1:${shared}/ws?device=r7&framing=raw`,
    });
    const p = spawnNetx(['run', '-i', inv, '-c', 'show version', '-c', 'show running-config', '--enable', '--json'], { env });
    expect(await p.exit, p.stderr()).toBe(0);
    const doc = JSON.parse(p.stdout()) as { results: Record_[]; summary: Record<string, unknown> };
    expect(doc.results.map((r) => [r.host, r.ok, r.driver])).toEqual([
      ['raw', true, 'ios'],
      ['ttyd', true, 'ios'],
      ['shared-ttyd', true, 'ios'],
      ['shared-raw', true, 'ios'],
    ]);
    expect(doc.results[0]!.url).toBe(`ws-serial://admin@127.0.0.1:${own}/?framing=raw`);
    for (const r of doc.results) {
      const device = r.host.startsWith('shared') ? 'r7' : 'r1';
      expect(r.outputs.map((o) => o.command)).toEqual(['show version', 'show running-config']);
      expect(r.outputs[0]!.output).toMatch(/^Cisco IOS Software, /);
      expect(r.outputs[0]!.output).toContain(`${device} uptime is`);
      // The running configuration needs enable: the enable password worked.
      expect(r.outputs[1]!.output).toContain(`hostname ${device}`);
      expect(r.outputs.every((o) => o.error === undefined)).toBe(true);
    }
    expect(doc.summary).toEqual({ total: 4, ok: 4, failed: 0, aborted: 0, durationMs: expect.any(Number), errors: {} });
  });

  it('ssh and telnet: strict host keys, the shared SSH port by user name, a changed key and a dropped line fail (exit 1), --ndjson', async () => {
    const knownHosts = join(tmp, 'known_hosts');
    const sshPorts = [port('r1', 'ssh'), port('j1', 'ssh'), port('moved', 'ssh'), fleet.sharedPorts.ssh!];
    writeFileSync(knownHosts, sshPorts.map((p) => `[127.0.0.1]:${p} ${fleet.hostKey.publicKey}\n`).join(''));
    const inv = inventory('ssh-telnet.yaml', {
      'r1-ssh': `ssh://127.0.0.1:${port('r1', 'ssh')}`,
      'r1-telnet': `telnet://127.0.0.1:${port('r1', 'telnet')}`,
      'j1-ssh': `ssh://127.0.0.1:${port('j1', 'ssh')}`,
      'j1-telnet': `telnet://127.0.0.1:${port('j1', 'telnet')}`,
      // Behind the shared port the SSH server cannot imitate Cisco's identification (the device
      // is known only after the user name), and the prompt `r7>` alone is not enough for the guesser.
      'r7-shared': { url: `ssh://admin%40r7@127.0.0.1:${fleet.sharedPorts.ssh}`, driver: 'ios' },
      moved: `ssh://127.0.0.1:${port('moved', 'ssh')}`,
      drop: `telnet://127.0.0.1:${port('drop', 'telnet')}`,
    });
    const sessions = trackServerSockets();
    const p = spawnNetx(['run', '-i', inv, '-c', 'show version', '--known-hosts', knownHosts, '--ndjson'], { env });
    expect(await p.exit, p.stderr()).toBe(1);
    const lines = p.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as Record_ & { type: string; total?: number });
    expect(lines.map((l) => l.type)).toEqual([...Array(7).fill('host'), 'summary']);
    const by = Object.fromEntries(lines.slice(0, 7).map((l) => [l.host, l]));
    for (const [host, driver, marker] of [
      ['r1-ssh', 'ios', 'r1 uptime is'],
      ['r1-telnet', 'ios', 'r1 uptime is'],
      ['j1-ssh', 'junos', 'Hostname: j1'],
      ['j1-telnet', 'junos', 'Hostname: j1'],
      ['r7-shared', 'ios', 'r7 uptime is'],
    ] as const) {
      expect(by[host], host).toMatchObject({ ok: true, driver });
      expect(by[host]!.outputs[0]!.output, host).toContain(marker);
    }
    expect(by['r7-shared']!.url).toBe(`ssh://admin%40r7@127.0.0.1:${fleet.sharedPorts.ssh}`);
    expect(by.moved).toMatchObject({ ok: false, outputs: [], error: { code: 'NETX_HOST_KEY' } });
    expect(by.moved!.error!.message).toContain(`host key of [127.0.0.1]:${port('moved', 'ssh')} has CHANGED`);
    expect(by.drop).toMatchObject({ ok: false, driver: 'ios', error: { code: 'NETX_CONNECTION' } });
    expect(lines[7]).toMatchObject({ type: 'summary', total: 7, ok: 5, failed: 2, aborted: 0 });
    // Every session is over: nothing of netx stays connected to the simulator (the server
    // side may see the last FIN a moment after the process is gone: wait for its sockets' close).
    await waitUntil("the simulator's side of every session closed", () => sessions.open() === 0, sessions.watch, { seen: () => `${sessions.open()} of ${sessions.accepted()} open` });
    sessions.stop();
    expect(sessions.accepted()).toBeGreaterThanOrEqual(7);
    expect(fleet.connections).toBe(0);
  });

  it('--parse: the program parses with TextFSM (ntc-templates) for the guessed driver', async () => {
    const p = spawnNetx(['run', `telnet://admin@127.0.0.1:${port('r1', 'telnet')}`, '-c', 'show ip interface brief', '--parse', '--ndjson'], { env });
    expect(await p.exit, p.stderr()).toBe(0);
    const [host] = p.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as Record_ & { outputs: { parsed?: Record<string, string>[] }[] });
    expect(host).toMatchObject({ ok: true, driver: 'ios' });
    expect(host!.outputs[0]!.parsed!.map((r) => [r.interface, r.ip_address, r.status])).toContainEqual(['GigabitEthernet0/0', '192.0.2.1', 'up']);
  });
});
