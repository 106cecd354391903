// The contract through a real pty: raw TCP client -> `script` pty -> relay.mjs -> hub.
// This is the path telnetd and sshd sessions take, minus their protocols.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayHub, transportContractSuite } from '../src/index.js';
import { LoopbackTcpTransport } from './helpers/loopback-tcp-transport.js';
import { startPtyRelayServer } from './helpers/pty-relay-server.js';

const api = { describe, it, expect, beforeAll, afterAll };

async function ptyPeer(preamble?: string) {
  const hub = await startRelayHub();
  const server = await startPtyRelayServer(hub, preamble ? { preamble } : {});
  return {
    host: '127.0.0.1',
    port: server.port,
    nextConnection: (ms?: number) => hub.nextConnection(ms),
    stop: async () => {
      await server.stop();
      await hub.stop();
    },
  };
}

transportContractSuite(api, {
  name: 'loopback-tcp via pty relay',
  createTransport: () => new LoopbackTcpTransport(),
  expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true },
  startPeer: () => ptyPeer(),
});

// A server that greets before the relay runs: serverPreamble makes the kit sync past it.
transportContractSuite(api, {
  name: 'loopback-tcp via pty relay behind a greeting',
  createTransport: () => new LoopbackTcpTransport(),
  expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true },
  startPeer: () => ptyPeer('\r\nWelcome to the netx test server\r\n'),
  serverPreamble: true,
});

