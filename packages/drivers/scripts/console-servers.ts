// Console-server variants of the login corpus: each device transcript behind the
// banner, login and motd of a console server, as a session through one shows them
// (the console server speaks first; its port then hands over to the device's own
// login dialogue). The texts are self-written in the shapes these products print.
import type { LabelledText } from './corpus-data.js';

export interface ConsoleServer {
  readonly name: string;
  /** What the console server prints before the device's first byte (its login answered in-line). */
  readonly text: string;
  /** The SSH identification string when the console server is reached over SSH. */
  readonly remoteVersion?: string;
}

export const CONSOLE_SERVERS: readonly ConsoleServer[] = [
  {
    // A Debian 12 box with serial ports: getty's /etc/issue line, its login, the Debian
    // motd; the login shell then attaches the port.
    name: 'debian',
    text:
      'Debian GNU/Linux 12 cs1 ttyS0\r\n\r\ncs1 login: admin\r\nPassword: \r\n' +
      'Linux cs1 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29) x86_64\r\n\r\n' +
      'The programs included with the Debian GNU/Linux system are free software;\r\n' +
      'the exact distribution terms for each program are described in the\r\n' +
      'individual files in /usr/share/doc/*/copyright.\r\n\r\n' +
      'Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent\r\n' +
      'permitted by applicable law.\r\n' +
      'Last login: Tue Nov 24 08:00:01 2026 from 192.0.2.10\r\n',
  },
  {
    // Ubuntu over SSH with a forced command that attaches the port: the OpenSSH
    // identification, then the Ubuntu motd in the session.
    name: 'ubuntu',
    remoteVersion: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6',
    text:
      'Welcome to Ubuntu 22.04.3 LTS (GNU/Linux 5.15.0-88-generic x86_64)\r\n\r\n' +
      ' * Documentation:  https://help.ubuntu.com\r\n' +
      ' * Management:     https://landscape.canonical.com\r\n' +
      ' * Support:        https://ubuntu.com/advantage\r\n\r\n' +
      'Last login: Tue Nov 24 08:00:01 2026 from 192.0.2.10\r\n',
  },
  {
    // An Opengear console server (Linux inside): its login, then its port shell
    // announcing the serial port it connected.
    name: 'opengear',
    text:
      '\r\nOpengear CM7116-2 Console Server (Linux 4.14)\r\n\r\ncm7116 login: admin\r\nPassword: \r\n' +
      'Connected to port 5 (ttyS5), 9600 8N1. Type ~? for help.\r\n\r\n',
  },
  {
    // A Cisco IOS terminal server reached by reverse telnet: its line asks for a login
    // (Cisco's own dialogue), then the async line is connected to the device.
    name: 'cisco-ts',
    text: '\r\n\r\nUser Access Verification\r\n\r\nUsername: admin\r\nPassword: \r\n\r\n',
  },
  {
    // An Avocent (Cyclades) ACS, Linux based: its login to `admin:ttyS5`, then the
    // port session's banner.
    name: 'avocent',
    text:
      '\r\nAvocent Cyclades ACS6048 (Linux 2.6.35)\r\nacs6048 login: admin:ttyS5\r\nPassword: \r\n' +
      '[Connected to port: ttyS5 (sw-core-1)]\r\n[Enter `^Ec?\' for help]\r\n\r\n',
  },
];

export interface ConsoleVariant extends LabelledText {
  readonly server: ConsoleServer;
}

/** Each text behind each console server; the device's own name stays the expected guess. */
export function consoleVariants(texts: readonly LabelledText[], servers: readonly ConsoleServer[] = CONSOLE_SERVERS): ConsoleVariant[] {
  return servers.flatMap((server) => texts.map((t) => ({ source: `${server.name}+${t.source}`, expected: t.expected, text: server.text + t.text, server })));
}
