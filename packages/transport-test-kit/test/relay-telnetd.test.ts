// The relay as busybox telnetd's login program (via hub.relayLauncher(), since
// `-l` takes a path without arguments): raw, no echo, both ways, hang-ups.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, DEFAULT_WAIT_MS, startRelayHub, withDeadline, type RelayHub } from '../src/index.js';

function busyboxHasTelnetd(): boolean {
  const r = spawnSync('busybox', ['telnetd', '--help'], { encoding: 'utf8' });
  return !r.error && /telnetd/.test(`${r.stdout}${r.stderr}`);
}

/** One TCP connect attempt: the socket, or undefined when refused. */
function tryConnect(port: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(undefined));
  });
}

/**
 * Starts busybox telnetd on a free port. The port is probed, then bound by telnetd, so another
 * process may take it in between: telnetd then exits, and we try the next free port (5 tries).
 * Readiness is polled with connects (telnetd prints nothing when it listens), bounded at 15 s
 * per try; the first connect that succeeds is a telnet session, returned as `firstClient`.
 */
async function startTelnetd(hub: RelayHub): Promise<{ child: ChildProcess; port: number; firstClient: Socket }> {
  let why = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await closedPort();
    const child = spawn('busybox', ['telnetd', '-F', '-K', '-f', '/dev/null', '-b', `127.0.0.1:${port}`, '-l', hub.relayLauncher()], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const until = Date.now() + 15_000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < until) {
      // The connection that finds it listening is a real session: hand it to the first test.
      const firstClient = await tryConnect(port);
      if (firstClient) return { child, port, firstClient };
      await new Promise((r) => setTimeout(r, 50));
    }
    why = child.exitCode === null ? `not listening on 127.0.0.1:${port} after 15 s` : `exited (${child.exitCode}): ${stderr.trim()}`;
    child.kill('SIGKILL');
  }
  throw new Error(`busybox telnetd did not start in 5 tries; last: ${why}`);
}

async function connectOrFail(port: number): Promise<Socket> {
  const socket = await tryConnect(port);
  if (!socket) throw new Error(`busybox telnetd on 127.0.0.1:${port} refused a connection after it listened`);
  return socket;
}

describe('relay behind busybox telnetd', () => {
  let hub: RelayHub;
  let telnetd: ChildProcess;
  let port: number;
  let firstClient: Socket;

  beforeAll(async () => {
    if (!busyboxHasTelnetd()) {
      spawnSync('sh', ['-c', 'apt-get install -y busybox >/dev/null 2>&1'], { stdio: 'ignore' });
    }
    expect(busyboxHasTelnetd(), 'busybox with telnetd is needed: apt-get install -y busybox').toBe(true);
    hub = await startRelayHub();
    ({ child: telnetd, port, firstClient } = await startTelnetd(hub));
  });

  afterAll(async () => {
    firstClient?.destroy();
    telnetd?.kill('SIGKILL');
    await hub?.stop();
  });

  it('passes text both ways with no echo and ends the client when the device hangs up', async () => {
    const socket = firstClient;
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
    await withDeadline(closed, DEFAULT_WAIT_MS, 'the telnet client seeing the session end after the device hung up');
    // Nothing echoed back; LF not turned into CR LF (raw mode clears opost).
    expect(Buffer.concat(got).subarray(negotiation).toString('latin1')).toBe('from device\n');
  });

  it('ends the hub connection when the telnet client hangs up', async () => {
    const socket = await connectOrFail(port);
    const peer = await hub.nextConnection();
    socket.destroy();
    await withDeadline(peer.closed, DEFAULT_WAIT_MS, 'the hub connection closing after the telnet client hung up');
  });
});
