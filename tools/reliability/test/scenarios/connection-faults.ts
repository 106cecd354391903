// Cells about getting a session at all (refused, DNS, TLS, a handshake nobody
// answers) and the telnet command floods: fault servers where the simulator
// cannot script the fault.
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { expect } from 'vitest';
import { Account } from '@netx/core';
import { LIMITS } from '../../src/matrix.js';
import { atLimit, settled, type Settled } from '../helpers/clock.js';
import { rawTcpServer, selfSignedTlsServer, sshPtyUnanswered } from '../helpers/fault-servers.js';
import { admin, type Harness } from '../helpers/harness.js';
import { settleWithin, until } from '../helpers/wait.js';

/** A port nothing listens on: bound, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function connectRefused(h: Harness): Promise<Settled> {
  const port = await closedPort();
  const c = h.client();
  return settleWithin(settled(c.conn.connect('127.0.0.1', port)), 'connect() to a closed port');
}

export async function dnsFailure(h: Harness): Promise<Settled> {
  const c = h.client();
  // The resolver's own retries bound this (no session timer may): a slow resolver gets a minute.
  return settleWithin(settled(c.conn.connect('netx-reliability.invalid', 2222)), 'connect() to a name under .invalid', 60_000);
}

export async function tlsPlainPeer(h: Harness): Promise<Settled> {
  const { port } = await h.fleet();
  const c = h.client({ ws: { secure: true } });
  return settleWithin(settled(c.conn.connect('127.0.0.1', port)), 'connect() with wss:// to a plain WebSocket port');
}

export async function tlsSelfSigned(h: Harness): Promise<Settled> {
  const server = h.server(await selfSignedTlsServer());
  const c = h.client({ ws: { secure: true } });
  return settleWithin(settled(c.conn.connect('127.0.0.1', server.port)), 'connect() with wss:// to a self-signed certificate');
}

const SHELL_PASSWORD = 'pty-unanswered-pw';

export async function handshakeUnanswered(h: Harness): Promise<Settled> {
  if (h.kind === 'ssh') {
    const server = h.server(await sshPtyUnanswered(SHELL_PASSWORD));
    const c = h.client();
    await settleWithin(c.conn.connect('127.0.0.1', server.port), 'connect()');
    const login = c.conn.login(new Account({ name: 'admin', password: SHELL_PASSWORD }));
    // The limit timer counted is the shell's: armed before the PTY request reaches the server.
    return atLimit(c.clock, login, LIMITS.connectTimeout, 'login() (the PTY request)', () => server.ptyRequests > 0);
  }
  // WebSocket: TCP is accepted and the HTTP upgrade request read, never answered.
  const server = h.server(await rawTcpServer(() => undefined));
  const c = h.client();
  return atLimit(c.clock, c.conn.connect('127.0.0.1', server.port), LIMITS.connectTimeout, 'connect() (the HTTP upgrade)', () => server.connections > 0);
}

export async function closeDuringConnect(h: Harness): Promise<Settled> {
  const server = h.server(await rawTcpServer(() => undefined));
  const c = h.client();
  const connecting = settled(c.conn.connect('127.0.0.1', server.port));
  await until(() => server.connections > 0, 'the fault server to accept the connection');
  await settleWithin(c.conn.close(), 'close() during connect()');
  const outcome = await settleWithin(connecting, 'connect() to end after close()');
  await until(() => server.connections === 0, 'the fault server to see the connection closed');
  return outcome;
}

const IAC = 255;
const [SE, NOP, GA, SB, WILL, WONT, DO, DONT] = [240, 241, 249, 250, 251, 252, 253, 254];
const TTYPE = 24;

/** One round of abuse: negotiation storms over every option, NOPs, GAs, TTYPE SEND (each answered), bounded, aborted and bad subnegotiations. */
function floodRound(): Buffer {
  const bytes: number[] = [];
  for (let opt = 0; opt < 256; opt++) bytes.push(IAC, WILL, opt, IAC, DO, opt, IAC, WONT, opt, IAC, DONT, opt, IAC, NOP);
  bytes.push(IAC, SB, TTYPE, 1, IAC, SE); // TTYPE SEND: the client answers with its terminal type
  bytes.push(IAC, SB, 99, ...new Array<number>(200).fill(0x41), IAC, SE); // a bounded subnegotiation of an unknown option
  bytes.push(IAC, SB, 98, 1, 2, 3, IAC, NOP); // aborted: IAC <command> instead of IAC SE
  bytes.push(IAC, 100, IAC, GA); // a byte that is no command, then go-ahead
  return Buffer.from(bytes);
}

export async function iacFlood(h: Harness): Promise<Settled> {
  const round = floodRound();
  const flood = Buffer.concat(new Array<Buffer>(Math.ceil(LIMITS.iacFlood / round.length)).fill(round));
  const marker = 'flood-done\r\n';
  const server = h.server(await rawTcpServer((socket: Socket) => void socket.write(Buffer.concat([flood, Buffer.from(marker, 'latin1')]))));
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', server.port), 'connect()');
  const outcome = await atLimit(c.clock, c.conn.login(admin()), LIMITS.timeout, 'login()', () => c.conn.getBuffer().includes(marker));
  // No telnet command leaks into the text: the buffer is the marker and nothing else.
  expect(c.conn.getBuffer()).toBe(marker);
  return outcome;
}

export async function iacEndlessSubnegotiation(h: Harness): Promise<Settled> {
  const endless = Buffer.concat([Buffer.from([IAC, SB, TTYPE]), Buffer.alloc(LIMITS.iacFlood, 0x41)]);
  const server = h.server(await rawTcpServer((socket: Socket) => void socket.write(endless)));
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', server.port), 'connect()');
  const outcome = await settleWithin(settled(c.conn.login(admin())), 'login() to end with the endless subnegotiation');
  // The session ended because the peer broke telnet: the cause says so.
  if ('error' in outcome) expect(String((outcome.error as { cause?: unknown }).cause)).toMatch(/^ProtocolError: .*subnegotiation/);
  return outcome;
}
