// The device the transport tests log into: a VirtualDevice of the `ios` profile
// (@netx/virtual-device) with the pager off (as after `terminal length 0`) and three
// commands only tests need. sshd runs it on its pty (tty-device.ts), busybox telnetd
// as its login program, the WebSocket tests behind a TCP port.
import { iosDevice, type CommandResponse, type LoginStyle, type VirtualDevice } from '@netx/transport-dummy';

export { iosShowVersion, type PeerSession } from '@netx/transport-dummy';

export interface TestDeviceSpec {
  /** default 'r1' (prompts `r1>`, `r1#`) */
  hostname?: string;
  /** The device's own login dialogue. default 'none' (sshd authenticated the user) */
  login?: Extract<LoginStyle, 'none' | 'password' | 'username' | 'username+password'>;
  /** default 'admin' */
  username?: string;
  /** default 'admin' */
  password?: string;
  /** The enable secret. default null: `enable` asks nothing */
  enablePassword?: string | null;
  /** Enable with AAA: `enable` asks `Username: ` (this name) before the secret. */
  enableUsername?: string;
  /** Commands this device answers as unknown, e.g. `terminal length 0` for a device without terminal set-up. */
  unknownCommands?: string[];
  /** 'latin1': every byte above 0x7f is a character of its own, as on a serial line. default 'utf8' */
  encoding?: 'utf8' | 'latin1';
}

/** 50 bytes per line with the CR LF: `show lines 100000` is 5 MB. */
function numberedLines(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= Math.min(n, 1_000_000); i++) lines.push(`line ${String(i).padStart(7, '0')} GigabitEthernet0/1 up up 1500`.padEnd(48, '.'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

type Table = Array<readonly [string | RegExp, CommandResponse]>;

const TEST_COMMANDS: Table = [
  // Long output for throughput and size limits.
  [/^show lines (\d+)$/, (ctx) => numberedLines(Number(ctx.match![1]))],
  // The terminal the client asked for, as IOS words it (first two lines of its `show terminal`).
  ['show terminal', (ctx) => `Line 0, Location: "", Type: "${ctx.terminal.type}"\nLength: ${ctx.terminal.rows} lines, Width: ${ctx.terminal.columns} columns\n`],
  // A device that goes away in the middle of its output (a reload under a command).
  [
    'show crash',
    (ctx) => {
      ctx.write('Building configuration...\ninterface Gi');
      ctx.close();
    },
  ],
];

export function testDevice(spec: TestDeviceSpec = {}): VirtualDevice {
  const unknown: Table = (spec.unknownCommands ?? []).map((c) => [c, (ctx) => ctx.invalid()] as const);
  return iosDevice({
    hostname: spec.hostname ?? 'r1',
    loginStyle: spec.login ?? 'none',
    username: spec.username ?? 'admin',
    password: spec.password ?? 'admin',
    enablePassword: spec.enablePassword ?? null,
    ...(spec.enableUsername !== undefined ? { enableUsername: spec.enableUsername } : {}),
    encoding: spec.encoding ?? 'utf8',
    pager: false,
    recordSessions: false,
    commands: [...unknown, ...TEST_COMMANDS],
  });
}
