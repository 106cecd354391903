// The Telnet and WebSocket servers seen from below netx: the server's option
// negotiation, CR NUL line ends, the shared-port gateway, S/Key, ttyd tokens.
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Account, isNetxError } from '@netx/core';
import { TelnetCodec } from '@netx/transport-telnet';
import { WebSocketSerialTransport, ttydAuthToken } from '@netx/transport-websocket-serial';
import { Protocol } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import type { Fleet } from '../src/index.js';
import { admin, connectTo, nextTurn, portOf, startFleet, until } from './helpers.js';

const IAC = 255, DO = 253, WILL = 251, ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31;

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [
      { name: 'r1', overrides: { commands: { 'show terminal': (ctx) => `${ctx.terminal.type} ${ctx.terminal.columns}x${ctx.terminal.rows}\n` } } },
      { name: 'otp', loginStyle: 'skey' },
      { name: 'r9', ports: {} },
      { name: 'cut', faults: { dropMidCommand: { command: 'show version', afterBytes: 40 } } },
    ],
    { shared: { telnet: 0, ws: 0 } },
  );
});
afterAll(() => fleet?.close());

/** A raw Telnet client: a client-role codec over a socket, collecting the data text. */
async function telnetClient(
  port: number,
): Promise<{ socket: Socket; text: () => string; first: number[]; send: (t: string) => void; closed: () => boolean; toldType: () => boolean; error: () => string | undefined }> {
  let toldType = false;
  const codec = new TelnetCodec({ termType: 'xterm-256color', columns: 100, rows: 30, trace: (line) => (toldType ||= line.includes('sent TTYPE IS')) });
  const socket = netConnect({ host: '127.0.0.1', port });
  let text = '';
  let closed = false;
  const first: number[] = [];
  socket.on('data', (chunk: Buffer) => {
    if (first.length === 0) first.push(...chunk.subarray(0, 12));
    const r = codec.receive(chunk);
    for (const reply of r.replies) socket.write(reply);
    for (const d of r.data) text += Buffer.from(d).toString('latin1');
  });
  let error: string | undefined;
  socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
  socket.on('close', () => (closed = true));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, text: () => text, first, send: (t) => void socket.write(Buffer.from(t, 'latin1')), closed: () => closed, toldType: () => toldType, error: () => error };
}

describe('Telnet server', () => {
  it('offers WILL ECHO, WILL SGA, DO TTYPE, DO NAWS first; the client terminal reaches the device; CR NUL ends lines', async () => {
    const c = await telnetClient(portOf(fleet, 'r1', 'telnet'));
    await until(() => c.text().endsWith('Username: '), 'the login prompt');
    expect(c.first).toEqual([IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, TTYPE, IAC, DO, NAWS]);
    // TTYPE IS goes out before anything typed after it, so the device has it by the first command.
    await until(c.toldType, 'the TTYPE SEND round trip');
    c.send('admin\r\0admin\r\0show terminal\r\0');
    await until(() => /xterm-256color 100x30\r\nr1>$/.test(c.text()), 'show terminal').catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(c.text())}`);
    });
    c.send('exit\r\n');
    await until(c.closed, 'the hang-up');
  });

  it('dropMidCommand: exactly the partial output, then the connection is torn down', async () => {
    const c = await telnetClient(portOf(fleet, 'cut', 'telnet'));
    await until(() => c.text().endsWith('Username: '), 'the login prompt');
    c.send('admin\r\nadmin\r\n');
    await until(() => c.text().endsWith('cut>'), 'the prompt');
    const before = c.text().length;
    c.send('show version\r\n');
    await until(c.closed, 'the cut');
    // The server resets (RST), but data and RST arriving together read as a plain end on Linux.
    expect([undefined, 'ECONNRESET']).toContain(c.error());
    // The echo, then exactly the 40 bytes of output the fault lets through.
    expect(c.text().slice(before)).toMatch(/^show version\r\n[^]{40}$/);
  });

  it('a shared port asks Username: and takes user@device; a wrong device is asked again, three are the end', async () => {
    const c = await telnetClient(fleet.sharedPorts.telnet!);
    await until(() => c.text().endsWith('Username: '), 'the gateway prompt');
    c.send('admin@r9\r\n');
    await until(() => c.text().endsWith('Password: '), 'the device password prompt');
    c.send('admin\r\n');
    await until(() => c.text().endsWith('r9>'), 'the r9 prompt');
    c.socket.destroy();
    const bad = await telnetClient(fleet.sharedPorts.telnet!);
    for (let i = 0; i < 3; i++) {
      await until(() => bad.text().split('Username: ').length === i + 2 || bad.closed(), 'the next gateway prompt');
      bad.send('admin@ghost\r\n');
    }
    await until(bad.closed, 'the gateway hanging up');
    expect(bad.text()).toContain('% No such device "admin@ghost"');
  });

  it('the S/Key login style: netx answers the challenge with the one-time password', async () => {
    const conn = await connectTo('telnet', portOf(fleet, 'otp', 'telnet'));
    await conn.login(admin());
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
  });
});

describe('WebSocket server', () => {
  it('ttyd: a wrong AuthToken is refused with close 1008 (LoginFailure); the right one is accepted', async () => {
    const port = portOf(fleet, 'r1', 'ws');
    const bad = new Protocol({ transport: new WebSocketSerialTransport({ framing: 'ttyd', keepaliveInterval: 0, authToken: ttydAuthToken('admin', 'nope') }), driver: 'ios', drivers: allDrivers, stderr: () => undefined });
    const err = await bad
      .connect('127.0.0.1', port)
      .then(() => bad.login(admin()))
      .catch((e: unknown) => e);
    // The Protocol reports the closed link; the transport's reason (1008 = bad AuthToken) is its cause.
    expect(err).toMatchObject({ code: 'NETX_CONNECTION', cause: { code: 'NETX_LOGIN_FAILED' } });
    await bad.close();
    const good = new Protocol({ transport: new WebSocketSerialTransport({ framing: 'ttyd', keepaliveInterval: 0, authToken: ttydAuthToken('admin', 'admin') }), driver: 'ios', drivers: allDrivers, stderr: () => undefined });
    await good.connect('127.0.0.1', port);
    await good.login(new Account({ name: 'admin', password: 'admin', password2: 'enable' }));
    await good.close();
  });

  it('a shared port without a device in the URL asks Username: like the Telnet gateway', async () => {
    const conn = await connectTo('ws-raw', fleet.sharedPorts.ws!, { path: '/' });
    await conn.login(admin('admin@r9'));
    expect((await conn.execute('show version')).response).toContain('r9 uptime is');
    await conn.close();
  });

  it('a plain HTTP request gets 426 and a WebSocket with ?device= picks the device', async () => {
    const res = await fetch(`http://127.0.0.1:${fleet.sharedPorts.ws!}/`);
    expect(res.status).toBe(426);
    const ws = new WebSocket(`ws://127.0.0.1:${fleet.sharedPorts.ws!}/console?device=r9`);
    let text = '';
    ws.on('message', (d: Buffer) => (text += d.toString('latin1')));
    await until(() => text.endsWith('Username: '), 'the r9 login prompt');
    ws.terminate();
    await nextTurn();
  });
});
