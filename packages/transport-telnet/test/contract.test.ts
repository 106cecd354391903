// The shared transport contract (@netx/transport-test-kit) for TelnetTransport,
// run twice:
//
// 1. Through a real busybox telnetd whose login program is the kit's relay (the
//    hub's relayLauncher() script, since telnetd passes no arguments).
//    busybox writes "\r\n" (as "\r\r\n" through the pty) before it even starts
//    the login program; `serverPreamble` tells the kit to expect such a greeting
//    before the device's bytes, so every test runs against the real server.
// 2. Against the kit's direct TCP peer, where every test runs. The transport is
//    passive (it sends no IAC unless the server negotiates), so the peer sees the
//    data itself. capabilities.binarySafe is false, which keeps the kit to
//    printable payloads: 0xFF and CR follow the NVT rules (see README).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayHub, tcpPeer, transportContractSuite } from '@netx/transport-test-kit';
import { TelnetTransport } from '../src/index.js';
import { startTelnetd } from './helpers/telnetd.js';

const api = { describe, it, expect, beforeAll, afterAll };
const keepaliveTelnet = ({ interval, countMax }: { interval: number; countMax: number }) => new TelnetTransport({ keepaliveInterval: interval, keepaliveCountMax: countMax });
const sessionOptions = { termType: 'vt100', columns: 80, rows: 24 };
// Pinned here, not read from TELNET_CAPABILITIES: a changed flag must fail the run.
const expectedCapabilities = { protocolAuth: false, banner: false, remoteVersion: false, windowSize: true, keepalive: true, binarySafe: false, peerClose: true };

transportContractSuite(api, {
  name: 'telnet via busybox telnetd + relay',
  createTransport: () => new TelnetTransport(),
  expectedCapabilities,
  startPeer: async () => {
    const hub = await startRelayHub();
    try {
      // The hub's launcher runs the relay with --hold-pty (busybox drops unread output of a login program that exits).
      const telnetd = await startTelnetd({ loginProgram: hub.relayLauncher() });
      return {
        host: telnetd.host,
        port: telnetd.port,
        nextConnection: (ms?: number) => hub.nextConnection(ms),
        stop: async () => {
          await telnetd.stop();
          await hub.stop();
        },
      };
    } catch (err) {
      await hub.stop();
      throw err;
    }
  },
  sessionOptions,
  // busybox prints "\r\r\n" before the login program runs: the kit tolerates a server greeting.
  serverPreamble: true,
  keepalive: { createTransport: keepaliveTelnet },
  skip: { 'keepalive.dead-peer': 'busybox telnetd ignores TIMING-MARK, so no ping is ever answered; the direct TCP target runs this test' },
});

transportContractSuite(api, {
  name: 'telnet via direct TCP peer',
  createTransport: () => new TelnetTransport(),
  expectedCapabilities,
  startPeer: () => tcpPeer(),
  sessionOptions,
  // The device side answers the ping itself: raw bytes reach the client unchanged.
  keepalive: { createTransport: keepaliveTelnet, deviceAnswer: Uint8Array.of(255, 251, 6) }, // IAC WILL TIMING-MARK
});
