// Output sinks (#13): a log file that cannot be opened fails connect() before the
// device is reached; a log that cannot be written (a full disk: /dev/full), a
// throwing stdout or stderr callback never throw into the data path: the output is
// switched off and one OutputError reaches the caller, from the next wait or close().
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNetxError, OutputError, type LogSink } from '../src/index.js';
import { cli } from './helpers/fake-transport.js';
import { caught, connected, make, settle } from './helpers/setup.js';

const device = { greeting: '\r\nr1>', onLine: cli('\r\nr1>', { 'show clock': '12:00', 'show users': 'admin vty0' }) };

/** This process's open descriptors on `path` (Linux /proc). */
function openOn(path: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // closed between the listing and the readlink
    }
  }
  return n;
}

describe('a log file that cannot be opened fails connect() early', () => {
  it.each([
    ['in a directory that does not exist', (dir: string) => join(dir, 'missing', 'session.log'), /ENOENT/],
    ['that is a directory', (dir: string) => dir, /EISDIR/],
  ])('a path %s', async (_what, pathIn, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'netx-log-'));
    const logfile = pathIn(dir);
    const { conn, t } = make(device, { logfile });
    const err = await caught(conn.connect('r1.test'));
    expect(err).toBeInstanceOf(OutputError);
    expect(isNetxError(err, 'NETX_OUTPUT')).toBe(true);
    expect((err as OutputError).sink).toBe('logfile');
    expect((err as Error).message).toContain(JSON.stringify(logfile));
    expect((err as Error).message).toMatch(/check that its directory exists/);
    expect((err as Error).message).not.toMatch(/\.\./);
    expect(String((err as Error).cause)).toMatch(code);
    expect(t.session_).toBeUndefined(); // the device was never contacted
  });
});

describe('a failing output becomes one error on the session', () => {
  it('a full disk (/dev/full): the session goes on, the next wait reports it once', async () => {
    const lines: string[] = [];
    const { conn } = await connected(device, { logfile: '/dev/full', debug: 1, stderr: (l) => void lines.push(l) });
    // The log is written asynchronously: wait (bounded) until its write failed.
    for (let i = 0; i < 5000 && !lines.some((l) => l.includes('Writing the log file')); i++) await new Promise<void>((r) => setImmediate(r));
    expect(lines.join('\n')).toMatch(/Writing the log file "\/dev\/full" failed \(ENOSPC/);
    const err = await caught(conn.expectPrompt());
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).sink).toBe('logfile');
    expect(String((err as Error).cause)).toMatch(/ENOSPC/);
    await conn.expectPrompt();
    expect((await conn.execute('show users')).response).toBe('show users\r\nadmin vty0\r');
    await conn.close(); // reported already: close() is quiet
    // The failed log's file is released too (it was left to the garbage collector).
    for (let i = 0; i < 5000 && openOn('/dev/full') > 0; i++) await new Promise<void>((r) => setImmediate(r));
    expect(openOn('/dev/full')).toBe(0);
  });
  it('a throwing stdout callback: the data handler does not throw, the running wait completes, the next one reports', async () => {
    let calls = 0;
    const stdout = () => {
      calls++;
      throw new Error('terminal gone');
    };
    const { conn } = await connected({ onLine: device.onLine }, { stdout });
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
    expect(calls).toBe(1);
    const err = await caught(conn.execute('show clock'));
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).sink).toBe('stdout');
    expect((err as Error).message).toMatch(/^The stdout callback threw \(terminal gone\); /);
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
    expect(calls).toBe(1); // switched off after the first failure
    await conn.close();
  });
  it('a throwing stderr callback turns debug lines off and is reported once', async () => {
    let calls = 0;
    const stderr = () => {
      calls++;
      throw new Error('pipe closed');
    };
    const { conn } = await connected(device, { stderr, debug: 5 });
    const err = await caught(conn.expectPrompt());
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).sink).toBe('stderr');
    expect(calls).toBe(1);
    expect((await conn.expectPrompt()).response).toBe('\r');
    await conn.close();
  });
  it('a failure no wait reported comes out of close(), after the session is closed', async () => {
    const failing: LogSink = {
      name: 'failing sink',
      open: async (onError) => {
        failing.write = () => onError(new Error('quota exceeded'));
      },
      write: () => undefined,
      close: async () => undefined,
    };
    const { conn, t } = await connected(device, { logSink: failing });
    await settle();
    const err = await caught(conn.close());
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toContain('quota exceeded');
    expect(t.state).toBe('closed');
    await conn.close(); // reported once
  });
});

describe('the log file is written without blocking, in order', () => {
  it('many small chunks arrive in the file in the order received', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netx-log-'));
    const logfile = join(dir, 'order.log');
    const { conn, t } = await connected({}, { logfile });
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}\n`);
    for (const l of lines) t.outBytes(new Uint8Array(Buffer.from(l, 'latin1')));
    await conn.close();
    expect(readFileSync(logfile, 'latin1')).toBe(lines.join(''));
  });
});
