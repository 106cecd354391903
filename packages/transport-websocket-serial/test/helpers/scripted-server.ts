// Misbehaving WebSocket peers for error tests: a hand-rolled server that
// completes the upgrade and then writes whatever bytes the test gives it,
// and a TCP server that accepts but never answers the upgrade.
import { createHash } from 'node:crypto';
import net from 'node:net';

export interface ScriptedServer {
  port: number;
  /** Resolves with the next upgraded socket (the 101 response already sent). */
  nextUpgraded(): Promise<net.Socket>;
  stop(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A server frame (FIN set, unmasked) with a payload under 126 bytes. */
export function frame(opcode: number, payload: Uint8Array = new Uint8Array()): Buffer {
  if (payload.length >= 126) throw new Error('frame(): keep test payloads short');
  return Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), Buffer.from(payload)]);
}

export async function startScriptedServer(options: { answerUpgrade?: boolean; protocol?: string } = {}): Promise<ScriptedServer> {
  const answer = options.answerUpgrade ?? true;
  const waiting: Array<(s: net.Socket) => void> = [];
  const ready: net.Socket[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (!answer) return; // never answers: for connect timeouts
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const key = /sec-websocket-key:\s*(\S+)/i.exec(head)?.[1] ?? '';
      const accept = createHash('sha1').update(key + GUID).digest('base64');
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          `Sec-WebSocket-Accept: ${accept}\r\n` +
          (options.protocol ? `Sec-WebSocket-Protocol: ${options.protocol}\r\n` : '') +
          '\r\n',
      );
      const w = waiting.shift();
      if (w) w(socket);
      else ready.push(socket);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    nextUpgraded: () => {
      const s = ready.shift();
      return s ? Promise.resolve(s) : new Promise((resolve) => waiting.push(resolve));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
