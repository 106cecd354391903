// Starts the demo's lab in this process (the device simulator on free 127.0.0.1
// ports) and writes what `netx run` reads: an inventory, a known_hosts file with
// the simulator's host key, and a private key for the device that wants one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fleet, generateHostKey, type SimDeviceSpec, type SimProtocol } from '@netx/device-sim';
import type { DemoDevice, Over } from './lab.js';

export interface Lab {
  readonly fleet: Fleet;
  readonly dir: string;
  readonly inventory: string;
  readonly knownHosts: string;
  /** One `netx run` per command: the inventory group holding its hosts. */
  readonly jobs: readonly { readonly command: string; readonly group: string; readonly hosts: number }[];
  close(): Promise<void>;
}

const protocolOf = (over: Over): SimProtocol => (over === 'ws-serial' ? 'ws' : over);

/** `show version` -> `show-version`, `/system resource print` -> `system-resource-print`. */
export const groupOf = (command: string) => command.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

function urlOf(d: DemoDevice, port: number): string {
  if (d.over === 'ws-serial') return `ws-serial://127.0.0.1:${port}/?framing=ttyd`;
  return `${d.over}://127.0.0.1:${port}`;
}

export async function startLab(devices: readonly DemoDevice[]): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), 'netx-demo-'));
  const userKey = generateHostKey('netx-demo user key');
  const keyFile = join(dir, 'id_ed25519');
  writeFileSync(keyFile, userKey.privateKey, { mode: 0o600 });
  const specs: SimDeviceSpec[] = devices.map((d) => ({
    name: d.name,
    profile: d.profile,
    ...d.sim,
    ...(d.publicKey ? { authorizedKeys: [userKey.publicKey] } : {}),
    ports: { [protocolOf(d.over)]: 0 },
  }));
  let fleet: Fleet;
  try {
    fleet = await Fleet.start({ devices: specs });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const known: string[] = [];
  const hosts: string[] = [];
  const jobs = new Map<string, { command: string; group: string; hosts: number }>();
  devices.forEach((d, i) => {
    const port = fleet.ports.get(i)![protocolOf(d.over)]!;
    if (d.over === 'ssh') known.push(`[127.0.0.1]:${port} ${fleet.hostKey.publicKey}`);
    const group = groupOf(d.command);
    const job = jobs.get(group) ?? { command: d.command, group, hosts: 0 };
    job.hosts++;
    jobs.set(group, job);
    const options = { ...(d.timeout !== undefined ? { timeout: d.timeout } : {}), ...(d.publicKey ? { keyFile } : {}) };
    const host = {
      url: urlOf(d, port),
      groups: [group],
      ...(d.driver !== undefined ? { driver: d.driver } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      data: { profile: d.profile, login: d.login },
    };
    hosts.push(`  ${d.name}: ${JSON.stringify(host)}`);
  });
  const inventory = join(dir, 'lab.yaml');
  const groups = [...jobs.values()].map((j) => `  ${j.group}: { data: { command: ${JSON.stringify(j.command)} } }`);
  writeFileSync(inventory, ['# The netx demo lab (simulated devices on 127.0.0.1)', 'defaults: { username: admin }', 'groups:', ...groups, 'hosts:', ...hosts, ''].join('\n'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, known.join('\n') + '\n', { mode: 0o600 });
  return {
    fleet,
    dir,
    inventory,
    knownHosts,
    jobs: [...jobs.values()],
    async close() {
      await fleet.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
