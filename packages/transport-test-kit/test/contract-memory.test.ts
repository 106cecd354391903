// The kit's contract run against an in-process transport over memory peers,
// covering the protocol-auth and resize groups and the memory peer helpers.
import { Account } from '@netx/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMemoryPeer, transportContractSuite } from '../src/index.js';
import { MemoryTransport, type MemoryNetwork } from './helpers/memory-transport.js';

const network: MemoryNetwork = new Map();
const users = new Map([['netx', 'contract-pw']]);

transportContractSuite(
  { describe, it, expect, beforeAll, afterAll },
  {
    name: 'memory',
    createTransport: () => new MemoryTransport(network, users),
    expectedCapabilities: { protocolAuth: true, banner: false, remoteVersion: false, windowSize: true, keepalive: false, binarySafe: true, peerClose: true },
    startPeer: async () => {
      const peer = startMemoryPeer({ port: 4001 });
      network.set(peer.port, peer);
      return peer;
    },
    startSilentPeer: async () => {
      network.set(4002, 'silent');
      return { host: '127.0.0.1', port: 4002, stop: async () => void network.delete(4002) };
    },
    account: new Account({ name: 'netx', password: 'contract-pw' }),
  },
);
