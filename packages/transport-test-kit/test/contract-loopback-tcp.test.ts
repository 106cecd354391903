// The kit's own contract run against a raw TCP transport and the hub as direct peer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpPeer, transportContractSuite } from '../src/index.js';
import { LoopbackTcpTransport } from './helpers/loopback-tcp-transport.js';

transportContractSuite(
  { describe, it, expect, beforeAll, afterAll },
  {
    name: 'loopback-tcp',
    createTransport: () => new LoopbackTcpTransport(),
    expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true },
    startPeer: () => tcpPeer(),
  },
);
