// An in-process CliIo: text collected from stdout/stderr, stdin a PassThrough,
// terminal or not as a test needs; and a container wired to virtual devices.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { DependencyContainer } from 'tsyringe';
import type { Transport } from '@netx/core';
import { DummyTransport, iosDevice, junosDevice, type VirtualPeer } from '@netx/transport-dummy';
import { createCliContainer } from '../../src/cli-container.js';
import type { CliIo, ParserSlot, TransportsProvider } from '../../src/cli/io.js';
import { changes, waitUntil } from './wait.js';

class Sink extends EventEmitter {
  text = '';
  private readonly writes = changes();
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
  constructor(tty: boolean, size?: { columns: number; rows: number }) {
    super();
    this.isTTY = tty;
    this.columns = size?.columns;
    this.rows = size?.rows;
  }
  write(t: string | Uint8Array): boolean {
    this.text += typeof t === 'string' ? t : Buffer.from(t).toString('latin1');
    this.writes.changed();
    return true;
  }

  /** Resolves once the text written so far contains `pattern` (checked on every write; bounded, naming `what`). */
  waitFor(pattern: string | RegExp, what: string, ms?: number): Promise<void> {
    const found = () => (typeof pattern === 'string' ? this.text.includes(pattern) : pattern.test(this.text));
    return waitUntil(what, found, this.writes.watch, { ...(ms !== undefined ? { ms } : {}), seen: () => JSON.stringify(this.text.slice(-500)) });
  }
}

export interface TestIo extends CliIo {
  readonly stdin: PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown; rawModes: boolean[] };
  readonly stdout: Sink & NodeJS.WritableStream;
  readonly stderr: Sink;
}

export function testIo(opts: { env?: Record<string, string>; tty?: boolean; size?: { columns: number; rows: number } } = {}): TestIo {
  const stdin = Object.assign(new PassThrough(), { rawModes: [] as boolean[] }) as TestIo['stdin'];
  if (opts.tty) {
    stdin.isTTY = true;
    stdin.setRawMode = (raw: boolean) => stdin.rawModes.push(raw);
  }
  return {
    stdin,
    stdout: new Sink(opts.tty === true, opts.size) as TestIo['stdout'],
    stderr: new Sink(opts.tty === true, opts.size),
    env: opts.env ?? {},
    cwd: process.cwd(),
  };
}

export const LAB_USER = { name: 'admin', password: 'lab-pw', enable: 'lab-enable' } as const;

/** r1..rN IOS devices, j1 Junos; `slow` answers after `delay` ms. */
export function labDevices(n = 3, extra: Record<string, VirtualPeer> = {}): Record<string, VirtualPeer> {
  const devices: Record<string, VirtualPeer> = { ...extra };
  for (let i = 1; i <= n; i++) devices[`r${i}`] = iosDevice({ hostname: `r${i}`, username: LAB_USER.name, password: LAB_USER.password, enablePassword: LAB_USER.enable });
  devices.j1 = junosDevice({ hostname: 'j1', username: LAB_USER.name, password: LAB_USER.password });
  return devices;
}

/** A container whose only transport is `lab://` to the given virtual devices (no parser unless given); `made` collects the transports. */
export function labContainer(io: CliIo, devices: Record<string, VirtualPeer>, parser?: ParserSlot): { c: DependencyContainer; made: DummyTransport[] } {
  const made: DummyTransport[] = [];
  const transports: TransportsProvider = () => ({
    lab: (): Transport => {
      const t = new DummyTransport({ devices });
      made.push(t);
      return t;
    },
  });
  return { c: createCliContainer({ io, transports, parser: parser ?? {} }), made };
}
