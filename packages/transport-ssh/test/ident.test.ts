// captureIdent: the server identification string read off the stream ssh2 reads,
// without taking a byte from ssh2.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { captureIdent } from '../src/ident.js';

/** A stream with captureIdent on it and a reader that, like ssh2, subscribes afterwards. */
function setup() {
  const sock = new PassThrough();
  const idents: string[] = [];
  captureIdent(sock, (i) => idents.push(i));
  const received: Buffer[] = [];
  sock.on('data', (b: Buffer) => received.push(b));
  return { sock, idents, received: () => Buffer.concat(received).toString('latin1') };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('captureIdent', () => {
  it('reads the identification after preamble lines and leaves every byte to the reader', async () => {
    const { sock, idents, received } = setup();
    const wire = 'Welcome to the lab\r\nsecond line\r\nSSH-2.0-OpenSSH_9.2p1 Debian-2\r\n\x00\x00\x01\x0c\x0a\x14binary';
    sock.write(wire);
    await flush();
    expect(idents).toEqual(['SSH-2.0-OpenSSH_9.2p1 Debian-2']);
    expect(received()).toBe(wire);
  });

  it('finds the identification split over many chunks (one byte each)', async () => {
    const { sock, idents, received } = setup();
    const wire = 'SSH-2.0-Cisco-1.25\r\nrest';
    for (const ch of wire) sock.write(ch);
    await flush();
    expect(idents).toEqual(['SSH-2.0-Cisco-1.25']);
    expect(received()).toBe(wire);
  });

  it('stops listening once found (later SSH- lines are the reader’s business)', async () => {
    const { sock, idents } = setup();
    sock.write('SSH-2.0-first\r\n');
    await flush();
    sock.write('SSH-2.0-second\r\n');
    await flush();
    expect(idents).toEqual(['SSH-2.0-first']);
    expect(sock.listenerCount('data')).toBe(1);
    expect(sock.listenerCount('newListener')).toBe(0);
  });

  it('gives up after a long preamble without an identification', async () => {
    const { sock, idents } = setup();
    sock.write('x'.repeat(70 * 1024));
    await flush();
    expect(idents).toEqual([]);
    expect(sock.listenerCount('data')).toBe(1);
  });
});
