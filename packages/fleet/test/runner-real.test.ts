// The runner against real servers on 127.0.0.1: busybox telnetd and OpenSSH sshd
// running the test device (a virtual IOS router), with password, key file and
// ssh-agent logins, and a closed port for the partial-failure case.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDrivers } from '@netx/drivers';
import { iosShowVersion } from '@netx/transport-dummy';
import { SshTransport } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';
import { agentAccounts, buildInventory, envAccounts, fileAccounts, runFleet, type HostResult } from '../src/index.js';
import { freePort, generateKey, startAgent, startSshd, startTelnetd, TELNET_ACCOUNT, TELNET_DEVICE, TEST_USER, ttyDeviceCommand, ttyDeviceProgram, type Sshd, type Telnetd } from './helpers/servers.js';

const byHost = (rs: readonly HostResult[]) => Object.fromEntries(rs.map((r) => [r.host, r]));

describe('telnet: busybox telnetd', () => {
  let d: Telnetd;
  beforeAll(async () => {
    // A device without `terminal length`: the runner's autoInit warning.
    d = await startTelnetd(ttyDeviceProgram({ ...TELNET_DEVICE, unknownCommands: ['terminal length 0'] }));
  });
  afterAll(async () => {
    await d?.stop();
  });

  it('logs into several sessions, enables, runs the commands; a closed port fails alone (retried once)', async () => {
    const closed = await freePort();
    const url = `telnet://${TELNET_ACCOUNT.user}@127.0.0.1:${d.port}`;
    const inv = buildInventory({ hosts: { t1: url, t2: url, t3: url, down: `telnet://admin@127.0.0.1:${closed}` } });
    const accounts = envAccounts({ env: { NETX_PASSWORD: TELNET_ACCOUNT.password, NETX_ENABLE_PASSWORD: TELNET_ACCOUNT.enable } });
    const run = runFleet(inv, { commands: ['show version'], enable: true, autoInit: true }, { transports: { telnet: () => new TelnetTransport() }, accounts, drivers: allDrivers, concurrency: 2, retries: 1, retryDelay: 10, timeout: 20_000 });
    const { results, summary } = await run.collect();
    const r = byHost(results);
    for (const h of ['t1', 't2', 't3']) {
      expect(r[h], d.stderr()).toMatchObject({ ok: true, driver: 'ios', attempts: 1 });
      expect(r[h]!.outputs[0]!.output.split('\n')).toEqual(iosShowVersion('netx-rtr1').trimEnd().split('\n'));
      expect(r[h]!.timings.connectMs).toBeGreaterThanOrEqual(0);
      // The device knows no `terminal length 0`: a warning, not a failure.
      expect(r[h]!.warnings).toEqual([expect.stringMatching(/^autoInit: the device rejected its terminal set-up \(.*\); paged output is answered as it comes\.$/)]);
    }
    expect(r.down).toMatchObject({ ok: false, attempts: 2, error: { code: 'NETX_CONNECTION', name: 'ConnectionError' } });
    expect(summary).toMatchObject({ total: 4, ok: 3, failed: 1, errors: { NETX_CONNECTION: 1 } });
    expect(JSON.stringify(results)).not.toContain(TELNET_ACCOUNT.password);
  });
});

describe('ssh: OpenSSH sshd', () => {
  let sshd: Sshd;
  let dir: string;
  let key: string;
  beforeAll(async () => {
    sshd = await startSshd({ forceCommand: ttyDeviceCommand({ hostname: 'r9', enablePassword: 'en-secret' }) });
    dir = mkdtempSync(join(tmpdir(), 'netx-fleet-ssh-'));
    const pair = generateKey(dir, 'id_ed25519', 'ed25519');
    sshd.authorize(TEST_USER.name, pair.publicLine);
    key = pair.privatePath;
    chmodSync(key, 0o600);
  });
  afterAll(async () => {
    await sshd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const url = () => `ssh://${TEST_USER.name}@127.0.0.1:${sshd.port}`;
  const ssh = (agent: string | false) => ({ ssh: () => new SshTransport({ agent }) });

  it('password from the environment, key file from the inventory; an unprotected key file is refused', async () => {
    const open = join(dir, 'open_key');
    generateKey(dir, 'open_key', 'ed25519');
    chmodSync(open, 0o644);
    const inv = buildInventory({
      defaults: { driver: 'ios' },
      hosts: { pw: url(), keyed: { url: url(), options: { keyFile: key } }, unprotected: { url: url(), options: { keyFile: open } } },
    });
    const { results } = await runFleet(inv, { commands: ['show version'], enable: true }, {
      transports: ssh(false),
      accounts: envAccounts({ env: { NETX_PASSWORD: TEST_USER.password, NETX_ENABLE_PASSWORD: 'en-secret' } }),
      drivers: allDrivers,
      verifyFingerprint: false,
    }).collect();
    const r = byHost(results);
    expect(r.pw, sshd.log()).toMatchObject({ ok: true, driver: 'ios' });
    expect(r.pw!.outputs[0]!.output).toMatch(/^Cisco IOS Software, C2900 Software/);
    expect(r.keyed, sshd.log()).toMatchObject({ ok: true });
    expect(sshd.log()).toMatch(/Accepted publickey for netxtest/);
    expect(r.unprotected!.error).toEqual({
      code: 'NETX_CREDENTIALS',
      name: 'CredentialError',
      message: `Refusing the key file ${open}: its mode is 0644, so its group may read or change it. Run "chmod 600 ${open}" and try again.`,
    });
  });

  it('ssh-agent: SSH_AUTH_SOCK passed through, no password anywhere', async () => {
    const agent = await startAgent();
    try {
      agent.add(key);
      const inv = buildInventory({ hosts: { viaAgent: { url: url(), driver: 'ios' } } });
      const { results } = await runFleet(inv, { commands: ['show version'] }, {
        transports: ssh(agent.socket),
        accounts: agentAccounts({ env: { SSH_AUTH_SOCK: agent.socket } }),
        drivers: allDrivers,
        verifyFingerprint: false,
      }).collect();
      expect(results[0], sshd.log()).toMatchObject({ ok: true, driver: 'ios' });
    } finally {
      await agent.stop();
    }
  });

  it('a credentials file readable by others is refused before anything connects', () => {
    const creds = join(dir, 'creds.yaml');
    writeFileSync(creds, `default: { username: ${TEST_USER.name}, password: x }\n`, { mode: 0o640 });
    expect(() => fileAccounts(creds)).toThrow(`Refusing the credentials file ${creds}: its mode is 0640`);
  });
});
