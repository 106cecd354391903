// Clients nobody here wrote: OpenSSH's ssh (with sshpass for the password, and
// with a key) and Python's Netmiko log into simulated devices and run `show version`.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type Fleet } from '../src/index.js';
import { PYTHON } from './global-setup.js';
import { portOf, startFleet, tempDir } from './helpers.js';

const run = promisify(execFile);
const userKey = generateKeyPair('user');
const tmp = tempDir();
const knownHosts = join(tmp.dir, 'known_hosts');
const keyFile = join(tmp.dir, 'id_ed25519');

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [
      { name: 'r1', authorizedKeys: [userKey.public] },
      { name: 'j1', profile: 'junos' },
    ],
    { shared: { ssh: 0 } },
  );
  writeFileSync(knownHosts, `[127.0.0.1]:${portOf(fleet, 'r1', 'ssh')} ${fleet.hostKey.publicKey}\n[127.0.0.1]:${fleet.sharedPorts.ssh} ${fleet.hostKey.publicKey}\n`);
  writeFileSync(keyFile, userKey.private);
  chmodSync(keyFile, 0o600);
});
afterAll(async () => {
  await fleet?.close();
  tmp.remove();
});

/** OpenSSH options: check the host key strictly against our known_hosts, never ask. */
const sshArgs = (port: number) => ['-p', String(port), '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=20'];

describe('OpenSSH ssh', () => {
  it('password (sshpass), exec of `show version`, the fleet key checked strictly', async () => {
    const { stdout } = await run('sshpass', ['-p', 'admin', 'ssh', ...sshArgs(portOf(fleet, 'r1', 'ssh')), '-o', 'PreferredAuthentications=password', 'admin@127.0.0.1', 'show version']).catch((e: { stderr?: string; code?: number }) => {
      throw new Error(`ssh failed (${e.code}): ${e.stderr}`);
    });
    expect(stdout).toContain('Cisco IOS Software');
    expect(stdout).toContain('Configuration register is 0x2102');
  });

  it('public key, an interactive shell driven through a pty: enable and show version', async () => {
    const child = spawn('ssh', ['-tt', ...sshArgs(portOf(fleet, 'r1', 'ssh')), '-i', keyFile, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', 'admin@127.0.0.1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    // Each step types the next line once the device shows the prompt it waits for.
    const steps: Array<[RegExp, string]> = [
      [/r1>$/, 'enable\r'],
      [/Password: $/, 'enable\r'],
      [/r1#$/, 'terminal length 0\r'],
      [/terminal length 0\r\n\r?r1#$/, 'show version\r'],
      [/0x2102\r\n\r?r1#$/, 'exit\r'],
    ];
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      const next = steps[0];
      if (next && next[0].test(out)) {
        steps.shift();
        child.stdin.write(next[1]);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(steps).toEqual([]);
    expect(out).toContain('Cisco IOS Software');
    expect(code).toBe(0);
  });

  it('a shared port with user@device, and the fingerprint ssh-keygen computes is the one netx-sim prints', async () => {
    const { stdout } = await run('sshpass', ['-p', 'admin', 'ssh', ...sshArgs(fleet.sharedPorts.ssh!), '-o', 'PreferredAuthentications=password', '-l', 'admin@j1', '127.0.0.1', 'show version']);
    expect(stdout).toContain('Hostname: j1');
    const pub = join(tmp.dir, 'host.pub');
    writeFileSync(pub, `${fleet.hostKey.publicKey}\n`);
    const { stdout: fp } = await run('ssh-keygen', ['-lf', pub]);
    expect(fp).toContain(fleet.hostKey.fingerprint);
  });
});

const NETMIKO = fileURLToPath(new URL('./fixtures/netmiko_show_version.py', import.meta.url));

describe('Python Netmiko (Debian python3-netmiko)', () => {
  it.each([
    ['cisco_ios', 'r1', 'ssh', /^PROMPT=r1#$/m, /Cisco IOS Software/],
    ['cisco_ios_telnet', 'r1', 'telnet', /^PROMPT=r1#$/m, /Cisco IOS Software/],
    ['juniper_junos', 'j1', 'ssh', /^PROMPT=admin@j1>$/m, /Junos: 21\.4R3\.15/],
  ] as const)('%s logs into %s over %s and runs show version', async (deviceType, name, proto, prompt, output) => {
    const { stdout } = await run(PYTHON, [NETMIKO, deviceType, String(portOf(fleet, name, proto))], { timeout: 120_000 });
    expect(stdout).toMatch(prompt);
    expect(stdout).toMatch(output);
  });
});
