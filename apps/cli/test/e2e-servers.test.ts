// The `netx` program spawned from source against real servers on 127.0.0.1: busybox
// telnetd and OpenSSH sshd running the test device (a virtual IOS router), a closed port, a
// server that accepts and never speaks; JSON and NDJSON checked field by field, session logs,
// Ctrl-C mid-run, `netx shell` in a pty.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iosShowVersion } from '@netx/virtual-device';
import { freePort, generateKey, startSshd, startTelnetd, TELNET_ACCOUNT, TELNET_DEVICE, TEST_USER, ttyDeviceCommand, ttyDeviceProgram, type Sshd, type Telnetd } from '../../../packages/fleet/test/helpers/servers.js';
import { spawnNetx } from './helpers/spawn.js';
import { trackServerSockets, waitUntil } from './helpers/wait.js';

const tmp = mkdtempSync(join(tmpdir(), 'netx-e2e-'));
let telnetd: Telnetd;
/** A stuck device: accepts the TCP connection, never says a word (its connections are the only ones this process accepts). */
let hung: Server;
let hungPort: number;
const hungSockets = new Set<Socket>();
let sshd: Sshd;
beforeAll(async () => {
  hung = createServer((socket) => {
    hungSockets.add(socket.on('error', () => undefined).once('close', () => hungSockets.delete(socket)));
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  hungPort = (hung.address() as AddressInfo).port;
  [telnetd, sshd] = await Promise.all([
    // A device without `terminal length`: the autoInit warning in the JSON.
    startTelnetd(ttyDeviceProgram({ ...TELNET_DEVICE, unknownCommands: ['terminal length 0'] })),
    startSshd({ forceCommand: ttyDeviceCommand({ hostname: 'r9', enablePassword: 'en-secret' }) }),
  ]);
});
afterAll(async () => {
  for (const socket of hungSockets) socket.destroy();
  await Promise.all([telnetd?.stop(), new Promise((resolve) => (hung ? hung.close(resolve) : resolve(undefined))), sshd?.stop()]);
  rmSync(tmp, { recursive: true, force: true });
});

const telnetEnv = { NETX_PASSWORD: TELNET_ACCOUNT.password, NETX_ENABLE_PASSWORD: TELNET_ACCOUNT.enable };

describe('netx run against telnetd and sshd', () => {
  it('telnet, --json: every field of every record; a closed port makes exit 1', async () => {
    const closed = await freePort();
    const url = `telnet://admin@127.0.0.1:${telnetd.port}`;
    const p = spawnNetx(['run', url, `telnet://admin@127.0.0.1:${closed}`, '-c', 'show version', '--enable', '--json'], { env: telnetEnv });
    expect(await p.exit, p.stderr()).toBe(1);
    const doc = JSON.parse(p.stdout()) as { results: Record<string, any>[]; summary: Record<string, unknown> };
    const [ok, down] = doc.results;
    expect(Object.keys(ok!).sort(), JSON.stringify(ok)).toEqual(['attempts', 'driver', 'host', 'ok', 'outputs', 'started', 'timings', 'url', 'warnings']);
    expect(ok!.warnings).toEqual([expect.stringContaining('autoInit: the device rejected its terminal set-up')]);
    expect(ok).toMatchObject({ host: `127.0.0.1:${telnetd.port}`, url, ok: true, started: true, driver: 'ios', attempts: 1 });
    expect(ok!.outputs).toEqual([
      {
        command: 'show version',
        output: iosShowVersion('netx-rtr1').trimEnd(),
        ms: expect.any(Number),
      },
    ]);
    expect(Object.keys(ok!.timings).sort()).toEqual(['connectMs', 'loginMs', 'startedAt', 'totalMs']);
    expect(ok!.timings.totalMs).toBeGreaterThanOrEqual(ok!.timings.connectMs + ok!.timings.loginMs);
    expect(down).toMatchObject({ host: `127.0.0.1:${closed}`, ok: false, started: true, attempts: 1, outputs: [], error: { code: 'NETX_CONNECTION', name: 'ConnectionError' } });
    expect(down!.error.message).toContain(`127.0.0.1:${closed}`);
    expect(doc.summary).toEqual({ total: 2, ok: 1, failed: 1, aborted: 0, durationMs: expect.any(Number), errors: { NETX_CONNECTION: 1 } });
    expect(p.stdout() + p.stderr()).not.toContain(TELNET_ACCOUNT.password);
  });

  it('ssh from an inventory with a key file, --ndjson, --log-dir: private logs without the password', async () => {
    const key = generateKey(tmp, 'id_e2e', 'ed25519');
    chmodSync(key.privatePath, 0o600);
    sshd.authorize(TEST_USER.name, key.publicLine);
    const inv = join(tmp, 'inv.yaml');
    writeFileSync(inv, `defaults: { driver: ios, username: ${TEST_USER.name} }\nhosts:\n  pw: ssh://127.0.0.1:${sshd.port}\n  keyed: { url: "ssh://127.0.0.1:${sshd.port}", options: { keyFile: ${key.privatePath} } }\n`);
    const logDir = join(tmp, 'logs');
    const p = spawnNetx(['run', '-i', inv, '--host-keys', 'off', '-c', 'show version', '--enable', '--no-auto-init', '--ndjson', '--log-dir', logDir], {
      env: { NETX_PASSWORD: TEST_USER.password, NETX_ENABLE_PASSWORD: 'en-secret' },
    });
    expect(await p.exit, p.stderr() + sshd.log()).toBe(0);
    const lines = p.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l.type)).toEqual(['host', 'host', 'summary']);
    for (const l of lines.slice(0, 2)) {
      expect(l).toMatchObject({ ok: true, driver: 'ios', url: `ssh://${TEST_USER.name}@127.0.0.1:${sshd.port}`, logFile: join(logDir, `${l.host}.log`) });
      expect(l.outputs[0].output).toMatch(/^Cisco IOS Software, C2900 Software \(C2900-UNIVERSALK9-M\), Version 15\.7\(3\)M8/);
    }
    expect(lines[2]).toMatchObject({ type: 'summary', total: 2, ok: 2, failed: 0 });
    expect(sshd.log()).toMatch(/Accepted publickey for netxtest/);
    expect(readdirSync(logDir).sort()).toEqual(['keyed.log', 'pw.log']);
    for (const f of readdirSync(logDir)) {
      const text = readFileSync(join(logDir, f), 'utf8');
      expect(text).toContain('Cisco IOS Software');
      expect(text).not.toContain(TEST_USER.password);
      expect(text).not.toContain('en-secret');
      expect(statSync(join(logDir, f)).mode & 0o777).toBe(0o600);
    }
  });

  it('Ctrl-C mid-run: the stuck sessions are closed, the finished hosts are printed, exit 130', { timeout: 90_000 }, async () => {
    const fast = `telnet://admin@127.0.0.1:${telnetd.port}`;
    const stuck = `telnet://admin@127.0.0.1:${hungPort}`;
    const inv = join(tmp, 'mixed.yaml');
    writeFileSync(inv, `hosts:\n  fast1: ${fast}\n  fast2: ${fast}\n  stuck1: ${stuck}\n  stuck2: ${stuck}\n`);
    const stuckSessions = trackServerSockets();
    const p = spawnNetx(['run', '-i', inv, '-c', 'show version', '-j', '4', '--timeout', '120'], { env: telnetEnv });
    await p.waitFor(/\[2\/4\] ok fast\d[\s\S]*\n/, 'two hosts done');
    await waitUntil('both stuck sessions connected', () => stuckSessions.accepted() >= 2, stuckSessions.watch, { seen: () => `${stuckSessions.accepted()} accepted` });
    expect(stuckSessions.open()).toBe(2);
    p.child.kill('SIGINT');
    expect(await p.exit, p.stderr()).toBe(130);
    expect(p.stderr()).toContain('Interrupted: closing 2 running session(s); finished hosts are kept.');
    const out = p.stdout();
    expect(out).toMatch(/^fast1 +ok +ios /m);
    expect(out).toMatch(/^fast2 +ok +ios /m);
    expect(out).toMatch(/^stuck1 +FAILED +- +[\d.]+s +NETX_ABORTED: The run was stopped while stuck1 was in the login phase\.$/m);
    expect(out).toMatch(/^4 host\(s\): 2 ok, 2 failed \(2 stopped\) in /m);
    await waitUntil('the stuck sessions closed', () => stuckSessions.open() === 0, stuckSessions.watch, { seen: () => `${stuckSessions.open()} open` });
    stuckSessions.stop();
    expect(stuckSessions.accepted()).toBe(2);
  });
});

describe('netx shell in a pseudo-terminal', () => {
  it('logs in over SSH, the window size reaches the device, Ctrl-] ends the session', async () => {
    const p = spawnNetx(['shell', `ssh://${TEST_USER.name}@127.0.0.1:${sshd.port}`, '--host-keys', 'off'], { env: { NETX_PASSWORD: TEST_USER.password }, pty: { columns: 123, rows: 45 } });
    await p.waitFor(/r9>/, 'the prompt');
    p.child.stdin!.write('show term\r');
    await p.waitFor(/Length: \d+ lines, Width: \d+ columns/, 'the terminal size');
    p.child.stdin!.write('\u001d');
    expect(await p.exit, p.stdout()).toBe(0);
    expect(p.stdout()).toContain('netx: connected to ssh://netxtest@127.0.0.1');
    expect(p.stdout()).toContain('Length: 45 lines, Width: 123 columns');
    expect(p.stdout()).toContain('netx: session closed.');
  });
});
