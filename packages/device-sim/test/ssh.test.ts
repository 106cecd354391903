// The SSH server: each authentication method a device can accept (netx's
// SshTransport as the client), a device login after SSH authentication, exec of
// one command and window-change (ssh2's Client, to drive the requests directly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import { Account, isNetxError, PrivateKey } from '@netx/core';
import type { CommandContext } from '@netx/virtual-device';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, loadOrCreateHostKey, type Fleet, type SimDeviceSpec } from '../src/index.js';
import { admin, connectTo, portOf, startFleet, tempDir } from './helpers.js';

const { Client } = ssh2;
const userKey = generateKeyPair('user');
const otherKey = generateKeyPair('other');

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [
      { name: 'pw', sshAuth: ['password'] },
      { name: 'kbd', sshAuth: ['keyboard-interactive'] },
      { name: 'key', sshAuth: ['publickey'], authorizedKeys: [userKey.public] },
      { name: 'none', sshAuth: ['none'] },
      { name: 'app', loginAfterSshAuth: true },
      { name: 'junos', profile: 'junos' },
      { name: 'term', overrides: { commands: { 'show terminal': (ctx: CommandContext) => `size ${ctx.terminal.columns}x${ctx.terminal.rows}\n` } } },
    ].map((d): Partial<SimDeviceSpec> & { name: string } => ({ ...(d as Partial<SimDeviceSpec> & { name: string }), ports: { ssh: 0 } })),
    { shared: { ssh: 0 } },
  );
});
afterAll(() => fleet?.close());

const ssh = (name: string) => portOf(fleet, name, 'ssh');

describe('SSH authentication per device', () => {
  it('password', async () => {
    const conn = await connectTo('ssh', ssh('pw'));
    await conn.login(admin());
    expect(conn.isProtocolAuthenticated()).toBe(true);
    await conn.close();
  });

  it('keyboard-interactive answered with the password', async () => {
    const conn = await connectTo('ssh', ssh('kbd'));
    await conn.login(admin());
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
  });

  it('public key from the authorized keys; another key is refused', async () => {
    const conn = await connectTo('ssh', ssh('key'));
    await conn.login(new Account({ name: 'admin', key: PrivateKey.fromString(userKey.private), password2: 'enable' }));
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
    const other = await connectTo('ssh', ssh('key'));
    const err = await other.login(new Account({ name: 'admin', key: PrivateKey.fromString(otherKey.private) })).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    await other.close();
  });

  it('"none" when the device lists it', async () => {
    const conn = await connectTo('ssh', ssh('none'));
    await conn.login(new Account({ name: 'admin', password2: 'enable' }));
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
  });

  it('a wrong password or a method the device does not offer is a LoginFailure', async () => {
    for (const [name, account] of [
      ['pw', new Account({ name: 'admin', password: 'wrong' })],
      ['kbd', new Account({ name: 'nobody', password: 'admin' })],
      ['none', new Account({ name: 'someone-else' })],
    ] as const) {
      const conn = await connectTo('ssh', ssh(name));
      const err = await conn.login(account).catch((e: unknown) => e);
      expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
      await conn.close();
    }
  });

  it('loginAfterSshAuth: the device asks Username/Password again after SSH', async () => {
    const seen: string[] = [];
    const conn = await connectTo('ssh', ssh('app'), { stdout: (t) => seen.push(t) });
    await conn.login(admin());
    expect(seen.join('')).toContain('User Access Verification');
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
  });

  it('the prompt knows the SSH user (Junos)', async () => {
    const conn = await connectTo('ssh', ssh('junos'), { driver: 'junos' });
    await conn.login(admin('admin'));
    expect((await conn.execute('show version')).response).toContain('Hostname: junos');
    await conn.close();
  });

  it('a shared port picks the device from user@device and user@index', async () => {
    const shared = fleet.sharedPorts.ssh!;
    for (const login of ['admin@junos', `admin@${fleet.device('junos')!.index}`]) {
      const conn = await connectTo('ssh', shared, { driver: 'junos' });
      await conn.login(admin(login));
      expect((await conn.execute('show version')).response).toContain('Hostname: junos');
      await conn.close();
    }
    const conn = await connectTo('ssh', shared);
    expect(isNetxError(await conn.login(admin('admin@nowhere')).catch((e: unknown) => e), 'NETX_LOGIN_FAILED')).toBe(true);
    await conn.close();
  });
});

/** Opens an ssh2 client to a device port (password auth). */
function client(port: number): Promise<InstanceType<typeof Client>> {
  return new Promise((resolve, reject) => {
    const c = new Client();
    c.once('ready', () => resolve(c));
    c.once('error', reject);
    c.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin', readyTimeout: 20_000 });
  });
}

describe('SSH requests', () => {
  it('exec runs one command: its whole output, exit status 0, then the channel closes', async () => {
    const c = await client(ssh('pw'));
    const { out, code } = await new Promise<{ out: string; code: number | undefined }>((resolve, reject) => {
      c.exec('sh ver', (err, stream) => {
        if (err) return reject(err);
        let out = '';
        let code: number | undefined;
        stream.on('data', (d: Buffer) => (out += d.toString('latin1')));
        stream.on('exit', (n: number) => (code = n));
        stream.on('close', () => resolve({ out, code }));
      });
    });
    c.end();
    expect(out.startsWith('Cisco IOS Software')).toBe(true);
    expect(out).toContain('Configuration register is 0x2102');
    expect(out).not.toContain('--More--');
    expect(code).toBe(0);
  });

  it('window-change reaches the device', async () => {
    const c = await client(ssh('term'));
    const text = await new Promise<string>((resolve, reject) => {
      c.shell({ term: 'xterm', cols: 100, rows: 30 }, (err, stream) => {
        if (err) return reject(err);
        let out = '';
        let step = 0;
        stream.on('data', (d: Buffer) => {
          out += d.toString('latin1');
          // Each step waits for the prompt that the previous one produced.
          if (step === 0 && out.endsWith('term>')) {
            step = 1;
            stream.setWindow(40, 132, 0, 0);
            stream.write('show terminal\r');
          } else if (step === 1 && /size \d+x\d+\r\nterm>$/.test(out)) {
            step = 2;
            stream.end('exit\r');
          }
        });
        stream.on('close', () => resolve(out));
      });
    });
    c.end();
    expect(text).toContain('size 132x40');
  });
});

describe('host keys of every type sign the key exchange', () => {
  // The simulator signs from a parsed key object rather than ssh2's PEM text: each host key
  // algorithm a client may pick must still verify (ssh2's Client checks the signature).
  const cases: Array<{ type: 'ed25519' | 'ecdsa' | 'rsa'; bits?: number; algorithms: string[] }> = [
    { type: 'ed25519', algorithms: ['ssh-ed25519'] },
    { type: 'ecdsa', bits: 256, algorithms: ['ecdsa-sha2-nistp256'] },
    { type: 'ecdsa', bits: 384, algorithms: ['ecdsa-sha2-nistp384'] },
    { type: 'ecdsa', bits: 521, algorithms: ['ecdsa-sha2-nistp521'] },
    { type: 'rsa', bits: 2048, algorithms: ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] },
  ];
  for (const c of cases) {
    for (const algorithm of c.algorithms) {
      it(`${algorithm}`, async () => {
        const tmp = tempDir();
        const file = join(tmp.dir, 'host_key');
        writeFileSync(file, ssh2.utils.generateKeyPairSync(c.type, c.bits ? { bits: c.bits } : {}).private);
        const keyFleet = await startFleet([{ name: 'r1', ports: { ssh: 0 } }], { hostKey: loadOrCreateHostKey(file) });
        try {
          const seen = await new Promise<string>((resolve, reject) => {
            const client = new Client();
            let offered = '';
            client.once('error', reject);
            client.once('ready', () => {
              client.end();
              resolve(offered);
            });
            client.connect({
              host: '127.0.0.1',
              port: portOf(keyFleet, 'r1', 'ssh'),
              username: 'admin',
              password: 'admin',
              algorithms: { serverHostKey: [algorithm as ssh2.ServerHostKeyAlgorithm] },
              hostVerifier: (key: Buffer) => {
                offered = `${keyFleet.hostKey.publicKey.split(' ')[0]} ${key.toString('base64')}`;
                return true;
              },
            });
          });
          expect(seen).toBe(keyFleet.hostKey.publicKey);
        } finally {
          await keyFleet.close();
          tmp.remove();
        }
      });
    }
  }
});
