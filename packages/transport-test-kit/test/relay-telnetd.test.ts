// The relay as busybox telnetd's login program (via hub.relayLauncher(), since
// `-l` takes a path without arguments): raw, no echo, both ways, hang-ups.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startRelayHub, type RelayHub } from '../src/index.js';

function busyboxHasTelnetd(): boolean {
  const r = spawnSync('busybox', ['telnetd', '--help'], { encoding: 'utf8' });
  return !r.error && /telnetd/.test(`${r.stdout}${r.stderr}`);
}

/** Connects once telnetd listens (bounded: 50 tries, 100 ms apart). */
async function connectWhenListening(port: number): Promise<Socket> {
  for (let i = 0; i < 50; i++) {
    const socket = await new Promise<Socket | undefined>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(undefined));
    });
    if (socket) return socket;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`busybox telnetd did not listen on 127.0.0.1:${port} within 5 s`);
}

describe('relay behind busybox telnetd', () => {
  let hub: RelayHub;
  let telnetd: ChildProcess;
  let port: number;

  beforeAll(async () => {
    if (!busyboxHasTelnetd()) {
      spawnSync('sh', ['-c', 'apt-get install -y busybox >/dev/null 2>&1'], { stdio: 'ignore' });
    }
    expect(busyboxHasTelnetd(), 'busybox with telnetd is needed: apt-get install -y busybox').toBe(true);
    hub = await startRelayHub();
    port = await closedPort();
    telnetd = spawn('busybox', ['telnetd', '-F', '-K', '-f', '/dev/null', '-b', `127.0.0.1:${port}`, '-l', hub.relayLauncher()], { stdio: 'ignore' });
  });

  afterAll(async () => {
    telnetd?.kill('SIGKILL');
    await hub?.stop();
  });

  it('passes text both ways with no echo and ends the client when the device hangs up', async () => {
    const socket = await connectWhenListening(port);
    const got: Buffer[] = [];
    socket.on('data', (c: Buffer) => got.push(c));
    const peer = await hub.nextConnection();
    const negotiation = Buffer.concat(got).length;
    // Control characters a cooked tty would act on (^C ^D ^Z ^Q ^S DEL) pass as data.
    const text = Buffer.from('hello \x01\x03\x04\x1a\x11\x13\x7f world');
    socket.write(text);
    expect(Buffer.from(await peer.read(text.length)).equals(text)).toBe(true);
    await peer.write('from device\n');
    const closed = new Promise((r) => socket.once('close', r));
    await peer.close();
    await closed;
    // Nothing echoed back; LF not turned into CR LF (raw mode clears opost).
    expect(Buffer.concat(got).subarray(negotiation).toString('latin1')).toBe('from device\n');
  });

  it('ends the hub connection when the telnet client hangs up', async () => {
    const socket = await connectWhenListening(port);
    const peer = await hub.nextConnection();
    socket.destroy();
    await peer.closed;
  });
});
