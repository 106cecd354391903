// netx-sim end to end: in-process with its container, and as a real process that
// SIGTERM and SIGINT stop cleanly; bad input gives one clear error and exit 2.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Protocol } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import { Fleet, type FleetOptions } from '@netx/device-sim';
import { SshTransport } from '@netx/transport-ssh';
import { createSimContainer } from '../src/container.js';
import { runSim } from '../src/program.js';
import { refused, tempDir, until } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const hostKey = join(tmp.dir, 'host_key');

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: tmp.dir, home: tmp.dir }, out, err };
}

async function sshLogin(port: number, driver = 'ios', user = 'admin'): Promise<string> {
  const conn = new Protocol({
    transport: new SshTransport({ agent: false, hostKeyPolicy: 'accept-new', knownHostsPath: join(tmp.dir, 'known_hosts') }),
    drivers: allDrivers,
    driver,
    stderr: () => undefined,
  });
  await conn.connect('127.0.0.1', port);
  await conn.login(new Account({ name: user, password: 'admin', password2: 'enable' }));
  const { response } = await conn.execute('show version');
  await conn.close();
  return response;
}

describe('netx-sim in process', () => {
  it('serves --devices with --profiles from --base-port 0, prints the table, closes everything on stop', async () => {
    const { io, out } = captureIo();
    let fleet: Fleet | undefined;
    const c = createSimContainer({ io, startFleet: async (o: FleetOptions) => (fleet = await Fleet.start(o)) });
    const stop = new AbortController();
    const run = runSim(['--devices', '3', '--profiles', 'ios,junos', '--base-port', '0', '--host-key', hostKey, '--shared-ssh', '0'], c, stop.signal);
    await until(() => out.join('').includes('Ctrl-C stops'), 'the table');
    const text = out.join('');
    expect(text).toMatch(/netx-sim: 3 devices on 127\.0\.0\.1/);
    expect(text).toMatch(/SSH host key SHA256:\S+ \(.*host_key\)/);
    expect(text).toMatch(/^0\s+r1\s+ios\s+admin\s+admin\s+enable\s+\d+\s+\d+\s+\d+\s+-$/m);
    expect(text).toMatch(/^1\s+r2\s+junos\s+admin/m);
    const rows = fleet!.table();
    expect(await sshLogin(rows[1]!.ssh!, 'junos')).toContain('Hostname: r2');
    const ports = rows.flatMap((r) => [r.ssh!, r.telnet!, r.ws!]).concat(fleet!.sharedPorts.ssh!);
    stop.abort();
    expect(await run).toBe(0);
    expect(out.join('')).toContain('netx-sim: stopped; closed every listener');
    for (const p of ports) expect(await refused(p)).toBe(true);
  });

  it('--index: logins from the index file pick their device on the shared port', async () => {
    writeFileSync(join(tmp.dir, 'logins.idx'), 'alice r2\nbob #0\n');
    const { io, out } = captureIo();
    let fleet: Fleet | undefined;
    const c = createSimContainer({ io, startFleet: async (o: FleetOptions) => (fleet = await Fleet.start(o)) });
    const stop = new AbortController();
    const run = runSim(['--devices', '2', '--base-port', '0', '--host-key', hostKey, '--shared-ssh', '0', '--index', 'logins.idx'], c, stop.signal);
    await until(() => out.join('').includes('Ctrl-C stops'), 'the table');
    expect(out.join('')).toMatch(/^index: 2 logins pick their device by themselves \(alice -> r2, bob -> r1\)$/m);
    expect(await sshLogin(fleet!.sharedPorts.ssh!, 'ios', 'alice')).toContain('r2 uptime is');
    stop.abort();
    expect(await run).toBe(0);
  });

  it('bad input: one message, exit code 2', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const fleetFile = join(tmp.dir, 'bad.yaml');
    writeFileSync(fleetFile, 'groups:\n  - count: 2\n    profile: ios\n  - name: x\n    profile: nope\n');
    try {
      for (const [argv, message] of [
        [['--profiles', 'ios,nope'], /--profiles: unknown profile "nope"; known profiles: .*ios/],
        [['--fleet', 'bad.yaml'], /bad\.yaml:5: unknown profile "nope"/],
        [['--devices', '1', '--protocols', 'ssh', '--base-port', String(busyPort)], new RegExp(`127\\.0\\.0\\.1:${busyPort} \\(the port is in use\\)`)],
        [['--devices', 'many'], /--devices must be a whole number/],
        [['--devices', '1', '--index', 'no-such.idx'], /no-such\.idx: cannot read the index file \(ENOENT\)/],
      ] as const) {
        const { io, err } = captureIo();
        const code = await runSim([...argv, '--host-key', hostKey], createSimContainer({ io }), new AbortController().signal);
        expect(code).toBe(2);
        expect(err.join('')).toMatch(message);
      }
    } finally {
      busy.close();
    }
  });
});

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

describe.each(['SIGTERM', 'SIGINT'] as const)('netx-sim as a process, stopped with %s', (signal) => {
  let child: ReturnType<typeof spawn>;
  let stdout = '';
  let exit: Promise<number | null>;
  beforeAll(async () => {
    child = spawn(process.execPath, ['--conditions=@netx/source', '--import', 'tsx', BIN, '--devices', '2', '--base-port', '0', '--protocols', 'ssh,telnet', '--host-key', hostKey], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // Resolves on the table, rejects if the process ends first (the hook timeout bounds it).
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Ctrl-C stops')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`netx-sim exited (${code}) before its table: ${stdout}${stderr}`)));
    });
  });

  it('serves what the table says, then closes every listener and exits 0', async () => {
    const m = /^0\s+r1\s+ios\s+admin\s+admin\s+enable\s+(\d+)\s+(\d+)/m.exec(stdout);
    expect(m, stdout).not.toBeNull();
    const [ssh, telnet] = [Number(m![1]), Number(m![2])];
    expect(await sshLogin(ssh)).toContain('r1 uptime is');
    child.kill(signal);
    expect(await exit).toBe(0);
    expect(stdout).toContain('netx-sim: stopped');
    expect(await refused(ssh)).toBe(true);
    expect(await refused(telnet)).toBe(true);
  });
});
