// The contract tests must fail for transports that break the contract. Each
// case runs one kit test against a deliberately broken transport.
import { ConnectionError, TimeoutError, type TransportSession } from '@netx/core';
import { describe, expect, it } from 'vitest';
import {
  closeTests,
  errorMappingTests,
  ioTests,
  keepaliveTests,
  lifecycleTests,
  tcpPeer,
  timeoutTests,
  transportContractSuite,
  TEST_IDS,
  type TransportTarget,
} from '../src/index.js';
import { collectSuite } from './helpers/collect-suite.js';
import { LoopbackTcpTransport } from './helpers/loopback-tcp-transport.js';

const LOOPBACK_CAPABILITIES = { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true };

function target(create: () => LoopbackTcpTransport, extra: Partial<TransportTarget> = {}): TransportTarget {
  return { name: 'broken', createTransport: create, expectedCapabilities: LOOPBACK_CAPABILITIES, startPeer: () => tcpPeer(), waitMs: 1_000, ...extra };
}

/** Flips 0xff to 0xfe in received data. */
class CorruptsReads extends LoopbackTcpTransport {
  protected override push(bytes: Uint8Array): void {
    super.push(bytes.map((b) => (b === 0xff ? 0xfe : b)));
  }
}
/** Drops NUL bytes it is asked to send. */
class DropsNulOnWrite extends LoopbackTcpTransport {
  protected override _write(bytes: Uint8Array): Promise<void> {
    return super._write(bytes.filter((b) => b !== 0));
  }
}
/** Reports every refused connect as reason 'other'. */
class MisMapsRefused extends LoopbackTcpTransport {
  protected override mapError(err: unknown, during: string) {
    const mapped = super.mapError(err, during);
    return mapped instanceof ConnectionError ? new ConnectionError('other', mapped.message, { host: '127.0.0.1' }) : mapped;
  }
}
/** Reports a clean hang-up by the device as a failure although it claims peerClose. */
class ErrorOnCleanClose extends LoopbackTcpTransport {
  protected override end(error?: unknown): void {
    super.end(error ?? new ConnectionError('reset', 'pretend reset'));
  }
}
/** Times connects out on the wall clock instead of session.clock. */
class IgnoresSessionClock extends LoopbackTcpTransport {
  override connect(session: TransportSession): Promise<void> {
    return super.connect({ ...session, clock: { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }, connectTimeout: 60_000 });
  }
}
/** Declares binarySafe false while the target pins true (a flag flipped by mistake). */
class DeclaresNotBinarySafe extends LoopbackTcpTransport {
  override readonly capabilities = { ...LOOPBACK_CAPABILITIES, binarySafe: false };
}
const PING = new TextEncoder().encode('PING');
const PONG = new TextEncoder().encode('PONG');
/** Keepalive on the base class: pings with the bytes PING; PONG from the device is the answer. */
class KeepaliveLoopback extends LoopbackTcpTransport {
  override readonly capabilities = { ...LOOPBACK_CAPABILITIES, keepalive: true };
  constructor(private readonly settings = { interval: 0, countMax: 1 }) {
    super();
  }
  protected override async _open(session: TransportSession): Promise<void> {
    await super._open(session);
    this.startKeepalive(this.settings, { what: 'PING', ping: () => void this._write(PING).catch(() => undefined) });
  }
  protected override push(bytes: Uint8Array): void {
    if (Buffer.from(bytes).includes(Buffer.from(PONG))) this.keepaliveAnswered();
    super.push(bytes);
  }
}
/** Ends a dead peer with ConnectionError('unreachable') instead of TimeoutError (websocket-serial did). */
class KeepaliveWrongError extends KeepaliveLoopback {
  protected override end(error?: unknown): void {
    super.end(error instanceof TimeoutError ? new ConnectionError('unreachable', 'the peer is gone') : error);
  }
}
const keepaliveTarget = (make: (s: { interval: number; countMax: number }) => KeepaliveLoopback): TransportTarget =>
  target(() => make({ interval: 0, countMax: 1 }), {
    expectedCapabilities: { ...LOOPBACK_CAPABILITIES, keepalive: true },
    keepalive: { createTransport: make, deviceAnswer: PONG },
  });
/** close() never finishes. */
class HangsOnClose extends LoopbackTcpTransport {
  protected override _close(force: boolean): Promise<void> {
    return force ? super._close(true) : new Promise(() => undefined);
  }
}
/** Accepts writes after close and drops them. */
class WritesAfterClose extends LoopbackTcpTransport {
  override async write(bytes: Uint8Array): Promise<void> {
    if (this.state === 'closed') return;
    return super.write(bytes);
  }
}

const cases: Array<[string, string, (api: Parameters<typeof ioTests>[0]) => void, RegExp]> = [
  ['client receives corrupted bytes', 'io.binary-to-client', (api) => ioTests(api, target(() => new CorruptsReads())), /first difference at offset 255: got 0xfe, expected 0xff/],
  ['device receives a dropped byte', 'io.binary-to-device', (api) => ioTests(api, target(() => new DropsNulOnWrite())), /expected 525 bytes from the client, got 522 within/],
  ['refused mapped to the wrong reason', 'errors.refused', (api) => errorMappingTests(api, target(() => new MisMapsRefused())), /expected 'other' to be 'refused'/],
  ['clean peer close reported as an error', 'close.by-peer', (api) => closeTests(api, target(() => new ErrorOnCleanClose())), /must carry no error.*pretend reset/],
  ['connect timeout not on the session clock', 'timeout.connect', (api) => timeoutTests(api, target(() => new IgnoresSessionClock())), /timers left on the session clock|connect timeouts must run on session.clock|succeeded; it must fail/],
  ['close() hangs', 'lifecycle.connect-close', (api) => lifecycleTests(api, target(() => new HangsOnClose())), /broken: close\(\): nothing after 1000 ms/],
  ['write() after close() silently succeeds', 'lifecycle.write-after-close', (api) => lifecycleTests(api, target(() => new WritesAfterClose())), /write\(\) after close\(\) succeeded; it must fail/],
  ['a dead peer ends with the wrong error', 'keepalive.dead-peer', (api) => keepaliveTests(api, keepaliveTarget((s) => new KeepaliveWrongError(s))), /expected a NetxError with code NETX_TIMEOUT, got ConnectionError/],
];

describe('the kit fails broken transports', () => {
  for (const [what, id, register, message] of cases) {
    it(`${id}: ${what}`, async () => {
      const err = await collectSuite(register).run(id);
      expect(err, `${id} passed for a transport whose ${what}`).toBeInstanceOf(Error);
      expect(String((err as Error).message)).toMatch(message);
    });
  }

  it('the same tests pass for the unbroken transport', async () => {
    for (const [, id] of cases) {
      const unbroken = id.startsWith('keepalive.') ? keepaliveTarget((s) => new KeepaliveLoopback(s)) : target(() => new LoopbackTcpTransport());
      const suite = collectSuite((api) => transportContractSuite(api, unbroken));
      expect(await suite.run(id), id).toBeUndefined();
    }
  });
});

describe('target validation', () => {
  it('rejects a skip entry that names no test, listing the known ids', () => {
    expect(() => collectSuite((api) => transportContractSuite(api, target(() => new LoopbackTcpTransport(), { skip: { 'io.no-such-test': 'x' } as never })))).toThrow(
      /skip lists "io.no-such-test", which is no test id; known ids: capabilities.pinned, lifecycle.shape/,
    );
  });

  it('rejects a skip entry without a reason', () => {
    expect(() => collectSuite((api) => transportContractSuite(api, target(() => new LoopbackTcpTransport(), { skip: { 'io.chunking': ' ' } })))).toThrow(/needs a reason/);
  });

  it('a declared capability that differs from the pinned one fails capabilities.pinned, and the gated tests still run', async () => {
    const suite = collectSuite((api) => transportContractSuite(api, target(() => new DeclaresNotBinarySafe())));
    expect(suite.skipped.filter((t) => t.startsWith('[io.binary-'))).toEqual([]);
    const err = await suite.run('capabilities.pinned');
    expect(err, 'capabilities.pinned passed although binarySafe differs').toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/binarySafe: declared false, pinned true.*set expectedCapabilities to \{ protocolAuth: false,.*binarySafe: false/);
    // The gated test runs on the pinned set: here the bytes are intact, so it passes.
    expect(await suite.run('io.binary-to-client')).toBeUndefined();
  });

  it('rejects a target without expectedCapabilities, showing what the transport declares', () => {
    const { expectedCapabilities: _, ...unpinned } = target(() => new LoopbackTcpTransport());
    expect(() => collectSuite((api) => transportContractSuite(api, unpinned as TransportTarget))).toThrow(
      /expectedCapabilities must pin every flag.*declares \{ protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true \}/,
    );
  });

  it('refuses to skip capabilities.pinned', () => {
    expect(() => collectSuite((api) => transportContractSuite(api, target(() => new LoopbackTcpTransport(), { skip: { 'capabilities.pinned': 'x' } })))).toThrow(/cannot be skipped/);
  });

  it('skips a listed id with its reason in the title, and every id is registered exactly once', () => {
    const suite = collectSuite((api) => transportContractSuite(api, target(() => new LoopbackTcpTransport(), { skip: { 'io.chunking': 'device frames its output' } })));
    expect(suite.skipped.some((t) => t.startsWith('[io.chunking]') && t.includes('device frames its output'))).toBe(true);
    const ids = suite.titles.map((t) => /^\[([^\]]+)\]/.exec(t)?.[1]);
    expect(ids.slice().sort()).toEqual([...TEST_IDS].sort());
  });
});
