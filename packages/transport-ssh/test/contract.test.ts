// The shared transport contract (@netx/transport-test-kit) against a real OpenSSH sshd
// whose ForceCommand is the kit's relay: every byte the device side (the hub) sends or
// receives crosses a real SSH session with a PTY put into raw mode by the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '@netx/core';
import { startRelayHub, transportContractSuite } from '@netx/transport-test-kit';
import { SshTransport } from '../src/index.js';
import { startSshd, TEST_USER } from './helpers/sshd.js';

transportContractSuite(
  { describe, it, expect, beforeAll, afterAll },
  {
    name: 'ssh',
    createTransport: () => new SshTransport({ agent: false }),
    expectedCapabilities: { protocolAuth: true, banner: true, remoteVersion: true, windowSize: true, keepalive: true, binarySafe: true, peerClose: true },
    startPeer: async () => {
      const hub = await startRelayHub();
      try {
        const sshd = await startSshd({ forceCommand: hub.relayCommand });
        return {
          host: sshd.host,
          port: sshd.port,
          nextConnection: (timeoutMs?: number) => hub.nextConnection(timeoutMs),
          stop: async () => {
            await hub.stop();
            await sshd.stop();
          },
        };
      } catch (err) {
        await hub.stop();
        throw err;
      }
    },
    keepalive: { createTransport: ({ interval, countMax }) => new SshTransport({ agent: false, keepaliveInterval: interval, keepaliveCountMax: countMax }) },
    account: new Account({ name: TEST_USER.name, password: TEST_USER.password }),
    sessionOptions: { verifyFingerprint: false },
  },
);
