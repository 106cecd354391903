// The "serial device" the WebSocket bridges reach: the test device of the transport
// tests (a virtual IOS router, transport-ssh/test/device) on a TCP port, one session
// per connection, bound to the socket the way @netx/device-sim binds a device
// (SimLink). Like many consoles it says nothing until it is poked: the first line
// (often a bare CR) only wakes it; then it greets and asks `Username: `.
import net from 'node:net';
import { systemClock } from '@netx/core';
import { SimLink } from '../../../device-sim/src/sim-link.js';
import { iosShowVersion, testDevice, type PeerSession, type TestDeviceSpec } from '../../../transport-ssh/test/device/test-device.js';

/** What `show version` answers (r1). */
export const SHOW_VERSION = iosShowVersion('r1');

export interface SerialDevice {
  readonly port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  stop(): Promise<void>;
}

/** Default: admin / secret, enable secret enable-pw; latin-1, so every byte is a character (a serial line). */
export async function startSerialDevice(spec: TestDeviceSpec = {}): Promise<SerialDevice> {
  const device = testDevice({ login: 'username+password', username: 'admin', password: 'secret', enablePassword: 'enable-pw', encoding: 'latin1', ...spec });
  const sockets = new Set<net.Socket>();
  let count = 0;
  let port = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    const link = new SimLink('127.0.0.1', port, systemClock, { type: 'vt100', columns: 80, rows: 24 }, {
      write: (bytes) => void socket.write(bytes),
      end: () => void socket.end(),
      drop: () => void socket.destroy(),
    });
    let peer: PeerSession | undefined;
    socket.on('data', (bytes: Buffer) => {
      if (peer) return peer.receive(bytes);
      const end = bytes.findIndex((b) => b === 0x0d || b === 0x0a);
      if (end < 0) return;
      peer = device.open(link);
      // CR LF ends the waking line once; whatever follows is typed at the device.
      const rest = bytes.subarray(bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1);
      if (rest.length > 0) peer.receive(rest);
    });
    socket.on('close', () => {
      sockets.delete(socket);
      peer?.clientClosed();
      link.detach();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  return {
    port,
    connections: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
