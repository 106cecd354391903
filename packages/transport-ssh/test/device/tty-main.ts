// The program sshd runs as ForceCommand and busybox telnetd as login program in the
// transport tests: the test device (test-device.ts) on this process's terminal, bound
// the way @netx/device-sim binds a device to a connection (SimLink). tty-device.ts
// bundles it into one plain .mjs, so each login starts one `node`, nothing else.
// The spec (TestDeviceSpec as JSON) is the first argument, or NETX_TEST_DEVICE
// (telnetd passes no arguments).
import { spawnSync } from 'node:child_process';
import { systemClock } from '@netx/core';
import { SimLink, type ByteSink } from '../../../device-sim/src/sim-link.js';
import { testDevice, type TestDeviceSpec } from './test-device.js';

const spec = JSON.parse(process.argv[2] ?? process.env.NETX_TEST_DEVICE ?? '{}') as TestDeviceSpec;
const onTty = process.stdin.isTTY === true;

/** `stty` on the terminal (stdin): raw mode, or its size. */
function stty(...args: string[]): string {
  const r = spawnSync('stty', args, { stdio: ['inherit', 'pipe', 'ignore'], encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
}

/** Rows and columns as the pty has them now (the cached size waits for SIGWINCH, which may come after the next command). */
function ttySize(): { columns: number; rows: number } {
  const [rows, columns] = stty('size').trim().split(/\s+/).map(Number);
  return { columns: columns || 80, rows: rows || 24 };
}

// The device echoes and ends lines itself: no echo, no line editing, no output processing.
if (onTty) stty('raw', '-echo');

const sink: ByteSink = {
  write: (bytes) => void process.stdout.write(bytes),
  end: () => void process.stdout.write('', () => process.exit(0)),
  drop: () => process.exit(1),
};
const terminal = { type: process.env.TERM ?? 'dumb', ...(onTty ? ttySize() : { columns: 80, rows: 24 }) };
const link = new SimLink('127.0.0.1', 0, systemClock, terminal, sink);
const session = testDevice(spec).open(link, {
  // `show terminal` reports the size the client set last.
  onCommand: (line) => {
    if (onTty && /^\s*sh\S*\s+term/i.test(line)) {
      const { columns, rows } = ttySize();
      session.resize?.(columns, rows);
    }
  },
});
process.stdin.on('data', (bytes: Buffer) => session.receive(bytes));
const gone = () => {
  session.clientClosed();
  link.detach();
  process.exit(0);
};
process.stdin.on('end', gone);
process.stdin.on('error', gone);
process.on('SIGHUP', gone);
