// A small IOS-like CLI on a TCP port: the "serial device" the WebSocket bridges
// reach. Like many consoles it prints nothing until it receives a byte.
import net from 'node:net';

export interface CliDeviceOptions {
  username?: string;
  password?: string;
  enablePassword?: string;
  hostname?: string;
}

export interface CliDevice {
  port: number;
  /** Lines the device received (passwords included: the device needs them, tests check them). */
  readonly lines: string[];
  /** Number of TCP connections accepted. */
  connections(): number;
  stop(): Promise<void>;
}

type State = 'idle' | 'username' | 'password' | 'exec' | 'enable-password' | 'privileged';

export const SHOW_VERSION = [
  'Cisco IOS Software, netx test CLI (NETX-UNIVERSALK9-M), Version 15.2(4)M7, RELEASE SOFTWARE (fc2)',
  'ROM: System Bootstrap, Version 15.0(1r)M16',
  'r1 uptime is 1 week, 2 days',
].join('\r\n');

export async function startCliDevice(options: CliDeviceOptions = {}): Promise<CliDevice> {
  const username = options.username ?? 'admin';
  const password = options.password ?? 'secret';
  const enablePassword = options.enablePassword ?? 'enable-pw';
  const hostname = options.hostname ?? 'r1';
  const lines: string[] = [];
  const sockets = new Set<net.Socket>();
  let count = 0;

  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let state: State = 'idle';
    let line = '';
    let lastWasCr = false;
    let user = '';

    const say = (text: string) => {
      if (!socket.destroyed) socket.write(text, 'latin1');
    };
    const prompt = () => say(state === 'privileged' ? `${hostname}#` : `${hostname}>`);

    const onLine = (text: string) => {
      lines.push(text);
      switch (state) {
        case 'idle':
          state = 'username';
          say('\r\n\r\nUser Access Verification\r\n\r\nUsername: ');
          return;
        case 'username':
          user = text;
          state = 'password';
          say('Password: ');
          return;
        case 'password':
          if (user === username && text === password) {
            state = 'exec';
            say('\r\n');
            prompt();
          } else {
            state = 'username';
            say('\r\n% Login invalid\r\n\r\nUsername: ');
          }
          return;
        case 'enable-password':
          if (text === enablePassword) {
            state = 'privileged';
          } else {
            state = 'exec';
            say('\r\n% Access denied\r\n');
          }
          say('\r\n');
          prompt();
          return;
        case 'exec':
        case 'privileged':
          runCommand(text.trim());
      }
    };

    const runCommand = (command: string) => {
      if (command === '') {
        prompt();
      } else if (command === 'show version') {
        say(`${SHOW_VERSION}\r\n`);
        prompt();
      } else if (command === 'enable' && state === 'exec') {
        state = 'enable-password';
        say('Password: ');
      } else if (command === 'disable') {
        state = 'exec';
        prompt();
      } else if (command === 'exit' || command === 'logout') {
        socket.end();
      } else {
        say(`${command}\r\n        ^\r\n% Invalid input detected at '^' marker.\r\n\r\n`);
        prompt();
      }
    };

    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        if (byte === 0x0a && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = byte === 0x0d;
        if (byte === 0x0d || byte === 0x0a) {
          // Echo the newline like a terminal line discipline, except before the first poke.
          if (state !== 'idle') say('\r\n');
          const text = line;
          line = '';
          onLine(text);
        } else {
          line += String.fromCharCode(byte);
          if (state !== 'password' && state !== 'enable-password' && state !== 'idle') say(String.fromCharCode(byte));
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    lines,
    connections: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
