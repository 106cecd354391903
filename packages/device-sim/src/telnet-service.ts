// Telnet in front of simulated devices: the server role of @netx/transport-telnet's
// codec (WILL ECHO, WILL SGA, DO TTYPE, DO NAWS, everything else refused; TTYPE
// and NAWS reach the device), CR NUL and CR LF from the client as one line end,
// and the device's own login. On a shared port a gateway asks `Username: `
// first and picks the device from `user@device`.
import type { Socket } from 'node:net';
import type { Clock } from '@netx/core';
import { TelnetCodec } from '@netx/transport-telnet';
import type { PeerSession } from '@netx/virtual-device';
import { LineGateway } from './gateway.js';
import type { SimDevice } from './sim-device.js';
import type { ByteSink } from './sim-link.js';
import type { Target } from './ssh-service.js';

const EMPTY = new Uint8Array(0);

export interface TelnetServiceOptions {
  readonly clock: Clock;
}

export class TelnetService {
  constructor(private readonly options: TelnetServiceOptions) {}

  /** Serves one accepted TCP connection. */
  accept(socket: Socket, target: Target, port: number): void {
    socket.setNoDelay(true);
    const codec = new TelnetCodec({ role: 'server', termType: 'vt100', columns: 80, rows: 24 });
    const clock = this.options.clock;
    let peer: PeerSession | undefined;
    const sink: ByteSink = {
      write: (bytes) => void socket.write(codec.encode(bytes)),
      end: () => void socket.end(),
      // Reset only once the partial output is handed to the kernel: a reset discards queued writes.
      drop: () => void socket.write(EMPTY, () => socket.resetAndDestroy()),
    };
    const request = () => ({ host: socket.localAddress ?? '127.0.0.1', port, clock, terminal: codec.terminal });
    const openDevice = (device: SimDevice, presetUsername?: string): PeerSession => {
      return device.open(sink, { ...request(), ...(presetUsername !== undefined ? { presetUsername } : {}) }).peer;
    };
    const begin = () => {
      if (socket.destroyed) return;
      // The opening offers (WILL ECHO, WILL SGA, DO TTYPE, DO NAWS) leave in one segment.
      socket.cork();
      for (const bytes of codec.start()) socket.write(bytes);
      socket.uncork();
      if ('device' in target) {
        peer = openDevice(target.device);
        return;
      }
      // Shared port: the gateway reads `user@device`, then hands the rest of the session over.
      peer = new LineGateway(sink, (answer) => {
        const who = target.shared(answer);
        if (!who || !who.device.admit()) return undefined;
        return openDevice(who.device, who.user);
      });
    };
    socket.on('data', (chunk: Buffer) => {
      const r = codec.receive(chunk);
      socket.cork();
      for (const reply of r.replies) socket.write(reply);
      socket.uncork();
      if (r.terminalChanged) {
        const t = codec.terminal;
        peer?.terminalType?.(t.type);
        peer?.resize?.(t.columns, t.rows);
      }
      for (const data of r.data) peer?.receive(data);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => peer?.clientClosed());
    const delay = 'device' in target ? target.device.faults.slowFirstByte : 0;
    if (delay > 0) {
      const timer = clock.setTimeout(begin, delay);
      socket.once('close', () => clock.clearTimeout(timer));
    } else {
      begin();
    }
  }
}
