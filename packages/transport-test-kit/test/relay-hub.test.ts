// The hub and the relay script, with a plain socket, with pipes and through a real pty.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeByteDifference, startRelayHub, type RelayHub } from '../src/index.js';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

function collect(stream: NodeJS.ReadableStream): { bytes(): Uint8Array; waitFor(n: number, ms?: number): Promise<Uint8Array> } {
  const chunks: Buffer[] = [];
  let size = 0;
  const listeners = new Set<() => void>();
  stream.on('data', (c: Buffer) => {
    chunks.push(c);
    size += c.length;
    for (const l of listeners) l();
  });
  const bytes = () => new Uint8Array(Buffer.concat(chunks));
  return {
    bytes,
    waitFor(n, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (size >= n) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(bytes());
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`expected ${n} bytes, got ${size}`));
        }, ms);
        listeners.add(check);
        check();
      });
    },
  };
}

let hub: RelayHub | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await hub?.stop();
  hub = undefined;
});

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('relay hub', () => {
  it('hands out accepted sockets as PeerConnections, in order, both directions byte-exact', async () => {
    hub = await startRelayHub();
    expect(hub.relayCommand).toEqual([process.execPath, expect.stringMatching(/relay\.mjs$/), String(hub.port)]);
    const a: Socket = connect(hub.port, '127.0.0.1');
    const aIn = collect(a);
    const peerA = await hub.nextConnection();
    const b: Socket = connect(hub.port, '127.0.0.1');
    const peerB = await hub.nextConnection();

    a.write(Buffer.from(ALL_BYTES));
    expect(await peerA.read(256)).toEqual(ALL_BYTES);
    b.write('from b');
    expect(new TextDecoder().decode(await peerB.read(6))).toBe('from b');
    await peerA.write(ALL_BYTES);
    await peerA.write('tail');
    expect((await aIn.waitFor(260)).subarray(256)).toEqual(new TextEncoder().encode('tail'));

    b.end();
    await peerB.closed;
    await peerA.close();
    await peerA.closed;
    a.destroy();
  });

  it('reports the client closing mid-read instead of waiting out the bound', async () => {
    hub = await startRelayHub();
    const s = connect(hub.port, '127.0.0.1');
    const peer = await hub.nextConnection();
    s.end('abc');
    await expect(peer.read(10)).rejects.toThrow(/closed after sending 3 of the 10 bytes/);
  });

  it('bounds nextConnection(), read() and waitForClosed() with a message that says what was awaited', async () => {
    hub = await startRelayHub();
    await expect(hub.nextConnection(50)).rejects.toThrow(/no connection within 50 ms/);
    await expect(hub.waitForClosed(1, 50)).rejects.toThrow(/0 of the 1 awaited connection\(s\) closed within 50 ms/);
    const s = connect(hub.port, '127.0.0.1');
    const peer = await hub.nextConnection();
    await expect(peer.read(1, 50)).rejects.toThrow(/expected 1 bytes from the client, got 0 within 50 ms/);
    s.destroy();
  });

  it('skips connections that already ended before anyone claimed them', async () => {
    hub = await startRelayHub();
    const gone = connect(hub.port, '127.0.0.1');
    await new Promise((r) => gone.once('connect', r));
    gone.destroy();
    // The hub has seen the first socket close before the second arrives.
    await hub.waitForClosed(1);
    const live = connect(hub.port, '127.0.0.1');
    const peer = await hub.nextConnection();
    live.write('x');
    expect(await peer.read(1)).toEqual(new Uint8Array([0x78]));
    live.destroy();
  });
});

describe('relay script', () => {
  it('relays stdin/stdout over pipes, every byte value, and exits when the hub hangs up', async () => {
    hub = await startRelayHub();
    const [cmd, ...args] = hub.relayCommand;
    const child = spawn(cmd!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const out = collect(child.stdout!);
    const peer = await hub.nextConnection();
    const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
    child.stdin!.write(Buffer.from(big));
    expect(describeByteDifference(await peer.read(big.length), big)).toBeUndefined();
    await peer.write(big);
    expect(describeByteDifference(await out.waitFor(big.length), big)).toBeUndefined();
    await peer.close();
    expect(await exited(child)).toBe(0);
  });

  it('ends the hub connection when its stdin ends', async () => {
    hub = await startRelayHub();
    const [cmd, ...args] = hub.relayCommand;
    const child = spawn(cmd!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const peer = await hub.nextConnection();
    child.stdin!.end('bye');
    expect(new TextDecoder().decode(await peer.read(3))).toBe('bye');
    await peer.closed;
    expect(await exited(child)).toBe(0);
  });

  it('exits non-zero with a message when the hub is not there', async () => {
    hub = await startRelayHub();
    const [cmd, script, port] = hub.relayCommand;
    await hub.stop();
    const r = spawnSync(cmd!, [script!, port!], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/netx relay: hub 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('puts a tty into raw no-echo mode: 0x00-0xff pass both ways through a real pty (script -qfc)', async () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    expect(probe.error, 'this test needs `script` from util-linux (apt-get install util-linux)').toBeUndefined();
    hub = await startRelayHub();
    // script(1) gives the relay a pty as stdin/stdout; our pipe feeds the pty master.
    const child = spawn('script', ['-qfec', hub.relayShellCommand, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const out = collect(child.stdout!);
    // The relay connects only after `stty raw -echo`, so bytes written now meet a raw tty.
    const peer = await hub.nextConnection();
    const payload = new Uint8Array([...ALL_BYTES, ...ALL_BYTES.slice().reverse(), 13, 10, 3, 4, 26, 17, 19, 127]);
    child.stdin!.write(Buffer.from(payload));
    expect(await peer.read(payload.length)).toEqual(payload);
    await peer.write(payload);
    // No echo: exactly what the hub wrote comes out (no \n -> \r\n, nothing echoed back).
    expect(await out.waitFor(payload.length)).toEqual(payload);
    await peer.close();
    await exited(child);
    expect(out.bytes()).toEqual(payload);
  });

  it('moves 1 MiB each way through a real pty unchanged', async () => {
    hub = await startRelayHub();
    const child = spawn('script', ['-qfec', hub.relayShellCommand, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const out = collect(child.stdout!);
    const peer = await hub.nextConnection();
    const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 13 + (i >> 9)) & 0xff);
    child.stdin!.write(Buffer.from(big));
    expect(describeByteDifference(await peer.read(big.length, 20_000), big)).toBeUndefined();
    await peer.write(big);
    expect(describeByteDifference(await out.waitFor(big.length, 20_000), big)).toBeUndefined();
    await peer.close();
    await exited(child);
  });
});
