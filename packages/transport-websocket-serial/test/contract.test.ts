// The transport contract kit, for both framings. The kit's hub is the byte-exact
// device: the real websockify bridges raw frames to it, and the in-repo ttyd
// simulator bridges ttyd frames to it.
import { startRelayHub, transportContractSuite, type StartedPeer } from '@netx/transport-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ttydAuthToken, WebSocketSerialTransport } from '../src/index.js';
import { startWebsockify } from './helpers/websockify.js';
import { startWsConsole } from './helpers/ws-console.js';

const token = ttydAuthToken('kit', 'kit-pw');

transportContractSuite(
  { describe, it, expect, beforeAll, afterAll },
  {
    name: 'websocket-serial (raw framing, real websockify)',
    createTransport: () => new WebSocketSerialTransport({ framing: 'raw' }),
    keepalive: { createTransport: ({ interval, countMax }) => new WebSocketSerialTransport({ framing: 'raw', keepaliveInterval: interval, keepaliveCountMax: countMax }) },
    expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: true, binarySafe: true, peerClose: true },
    startPeer: async (): Promise<StartedPeer> => {
      const hub = await startRelayHub();
      const bridge = await startWebsockify({ target: { host: '127.0.0.1', port: hub.port } });
      return {
        host: '127.0.0.1',
        port: bridge.port,
        nextConnection: (timeoutMs?: number) => hub.nextConnection(timeoutMs),
        stop: async () => {
          await bridge.stop();
          await hub.stop();
        },
      };
    },
  },
);

transportContractSuite(
  { describe, it, expect, beforeAll, afterAll },
  {
    name: 'websocket-serial (ttyd framing, ttyd simulator)',
    createTransport: () => new WebSocketSerialTransport({ framing: 'ttyd', authToken: token }),
    keepalive: {
      createTransport: ({ interval, countMax }) => new WebSocketSerialTransport({ framing: 'ttyd', authToken: token, keepaliveInterval: interval, keepaliveCountMax: countMax }),
    },
    expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: true, keepalive: true, binarySafe: true, peerClose: true },
    startPeer: async (): Promise<StartedPeer> => {
      const hub = await startRelayHub();
      const bridge = await startWsConsole({ framing: 'ttyd', target: { host: '127.0.0.1', port: hub.port }, authToken: token });
      return {
        host: '127.0.0.1',
        port: bridge.port,
        nextConnection: (timeoutMs?: number) => hub.nextConnection(timeoutMs),
        stop: async () => {
          await bridge.stop();
          await hub.stop();
        },
      };
    },
  },
);
