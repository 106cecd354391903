// The in-process peers third-party in-memory transports build on.
import { describe, expect, it } from 'vitest';
import { createMemoryPeerPair, startMemoryPeer } from '../src/index.js';

describe('createMemoryPeerPair', () => {
  it('holds device output until the client attaches, then delivers it in order, asynchronously, before the hang-up', async () => {
    const { peer, client } = createMemoryPeerPair();
    await peer.write('one ');
    await peer.write(new Uint8Array([0x00, 0xff]));
    await peer.close();
    const events: string[] = [];
    client.attach({ onData: (b) => events.push(Buffer.from(b).toString('latin1')), onEnd: () => events.push('END') });
    expect(events).toEqual([]);
    await peer.closed;
    await Promise.resolve();
    expect(events).toEqual(['one ', '\x00\xff', 'END']);
    expect(client.ended).toBe(true);
    expect(() => client.write(new Uint8Array([1]))).toThrow(/after the connection ended/);
  });

  it('serves read(n) from client writes and fails a read the client can no longer satisfy', async () => {
    const { peer, client } = createMemoryPeerPair('pair');
    client.write(new Uint8Array([1, 2, 3]));
    expect(Array.from(await peer.read(2))).toEqual([1, 2]);
    const pending = peer.read(5);
    client.close();
    await expect(pending).rejects.toThrow(/pair: the client closed after sending 1 of the 5 bytes/);
    await peer.closed;
    await expect(peer.write('late')).rejects.toThrow(/after the connection ended/);
  });
});

describe('startMemoryPeer', () => {
  it('pairs accept() with nextConnection() in order and hangs up every connection on stop()', async () => {
    const net = startMemoryPeer({ port: 9 });
    expect([net.host, net.port]).toEqual(['127.0.0.1', 9]);
    const waiting = net.nextConnection();
    const a = net.accept();
    const b = net.accept();
    const [pa, pb] = [await waiting, await net.nextConnection()];
    a.write(new Uint8Array([0x61]));
    b.write(new Uint8Array([0x62]));
    expect(Array.from(await pa.read(1))).toEqual([0x61]);
    expect(Array.from(await pb.read(1))).toEqual([0x62]);
    let ended = 0;
    a.attach({ onData: () => undefined, onEnd: () => ended++ });
    await net.stop();
    await Promise.resolve();
    expect(ended).toBe(1);
    expect(b.ended).toBe(true);
    expect(() => net.accept()).toThrow(/after stop/);
  });

  it('bounds nextConnection() with a message that says what to check', async () => {
    await expect(startMemoryPeer().nextConnection(20)).rejects.toThrow(/no connection within 20 ms; did the transport call accept\(\)\?/);
  });
});
