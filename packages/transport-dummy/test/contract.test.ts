// The transport contract of @netx/transport-test-kit, run against DummyTransport:
// the raw profile (RawDevice) is the device side; one plain and one SSH-like
// (protocolLogin) configuration, so the protocol-auth group runs too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { transportContractSuite } from '@netx/transport-test-kit';
import { DummyTransport, rawDevice, type VirtualPeer } from '../src/index.js';

const HOST = '127.0.0.1';
const PEER_PORT = 4101;
const SILENT_PORT = 4102;

function target(name: string, protocolLogin?: { name: string; password: string }) {
  // Devices by host:port: anything else (the kit's closed port) is refused.
  const devices: Record<string, VirtualPeer> = {};
  const device = rawDevice();
  return {
    name,
    createTransport: () => new DummyTransport({ devices, ...(protocolLogin ? { protocolLogin } : {}) }),
    // Pinned: a changed flag fails [capabilities.pinned] instead of turning tests into skips.
    expectedCapabilities: { protocolAuth: protocolLogin !== undefined, banner: false, remoteVersion: false, windowSize: true, keepalive: false, binarySafe: true, peerClose: true },
    startPeer: async () => {
      devices[`${HOST}:${PEER_PORT}`] = device;
      return {
        host: HOST,
        port: PEER_PORT,
        nextConnection: (ms?: number) => device.nextConnection(ms),
        stop: async () => {
          delete devices[`${HOST}:${PEER_PORT}`];
          await device.closeAll();
        },
      };
    },
    // A device that never accepts: connect() stays pending until its timeout or abort.
    startSilentPeer: async () => {
      devices[`${HOST}:${SILENT_PORT}`] = rawDevice({ connectDelay: Infinity });
      return { host: HOST, port: SILENT_PORT, stop: async () => void delete devices[`${HOST}:${SILENT_PORT}`] };
    },
    ...(protocolLogin ? { account: new Account(protocolLogin) } : {}),
  };
}

transportContractSuite({ describe, it, expect, beforeAll, afterAll }, target('dummy'));
transportContractSuite({ describe, it, expect, beforeAll, afterAll }, target('dummy (protocolLogin)', { name: 'netx', password: 'contract-pw' }));
