// A console server on raw TCP in front of a simulated device (@netx/device-sim): the
// bytes of the socket are the device's serial line, no Telnet, as a terminal server's
// console port. websockify bridges it to the WebSocket the page connects to.
import net from 'node:net';
import { systemClock } from '@netx/core';
import { SimDevice, type SimDeviceSpec } from '@netx/device-sim';

export interface SerialConsole {
  readonly port: number;
  readonly device: SimDevice;
  /** Connections accepted so far. */
  connections(): number;
  stop(): Promise<void>;
}

export async function startSerialConsole(spec: SimDeviceSpec): Promise<SerialConsole> {
  const device = new SimDevice(0, spec);
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let port = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    const { peer } = device.open(
      {
        write: (bytes) => void socket.write(bytes),
        end: () => void socket.end(),
        drop: () => void socket.destroy(),
      },
      { host: '127.0.0.1', port, clock: systemClock, terminal: { type: 'vt100', columns: 80, rows: 24 } },
    );
    socket.on('data', (bytes: Buffer) => peer.receive(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    socket.on('close', () => {
      sockets.delete(socket);
      peer.clientClosed();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as net.AddressInfo).port;
  return {
    port,
    device,
    connections: () => accepted,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
