import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  BufferLimitError,
  ClosedError,
  ConnectionError,
  ExpectCancelledError,
  InvalidCommandError,
  Protocol,
  StateError,
  TimeoutError,
} from '../src/index.js';
import { ManualClock } from '../src/testing/index.js';
import { cli, FakeTransport } from './helpers/fake-transport.js';
import { caught, connected, make, settle } from './helpers/setup.js';

describe('connect', () => {
  it('hands the session to the transport; buffer empty, response undefined', async () => {
    const { conn, t } = make({}, { termType: 'vt100', connectTimeout: 1234, verifyFingerprint: false, columns: 132, rows: 50 });
    expect(conn.getHost()).toBeUndefined();
    await conn.connect('r1.test');
    expect(conn.getHost()).toBe('r1.test');
    expect(t.session_?.port).toBe(2323);
    expect(t.session_?.connectTimeout).toBe(1234);
    expect(t.session_?.termType).toBe('vt100');
    expect(t.session_?.bannerTimeout).toBe(20_000);
    expect(t.session_?.verifyFingerprint).toBe(false);
    expect([t.session_?.columns, t.session_?.rows]).toEqual([132, 50]);
    expect(conn.getBuffer()).toBe('');
    expect(conn.response).toBeUndefined();
    await expect(conn.connect('again')).rejects.toBeInstanceOf(StateError);
  });
  it('is bounded by connectTimeout through the clock', async () => {
    const { conn, clock } = make({ hang: true }, { connectTimeout: 5000 });
    const r = caught(conn.connect('r1.test', 22));
    await settle();
    clock.advance(4999);
    await settle();
    clock.advance(1);
    const err = await r;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).operation).toBe('connect');
  });
  it('reports banner, remote version, dummy-ness; close is idempotent', async () => {
    const { conn } = await connected({ banner: 'Authorized only', remoteVersion: 'SSH-2.0-X', dummy: true });
    expect(conn.getBanner()).toBe('Authorized only');
    expect(conn.getRemoteVersion()).toBe('SSH-2.0-X');
    expect(conn.isDummy()).toBe(true);
    await conn.close();
    await conn.close(true);
    // After close() every call is a StateError (#13): the caller closed it, nothing died.
    await expect(conn.send('x')).rejects.toBeInstanceOf(StateError);
  });
  it('refuses waits and sends before connect', async () => {
    const { conn } = make();
    await expect(conn.expect('x')).rejects.toBeInstanceOf(StateError);
    await expect(conn.send('x')).rejects.toBeInstanceOf(StateError);
    await expect(conn.expectPrompt()).rejects.toBeInstanceOf(StateError);
    await conn.close();
  });
  it('validates options', () => {
    const t = new FakeTransport();
    expect(() => new Protocol({ transport: t, timeout: -1 })).toThrow(RangeError);
    expect(() => new Protocol({ transport: t, maxBufferSize: 0 })).toThrow(RangeError);
    expect(() => new Protocol({ transport: t, driver: 'nope' })).toThrow(/Unknown driver "nope"/);
    expect(() => new Protocol(undefined as never)).toThrow(TypeError);
  });
});

describe('waitFor / expect / response', () => {
  it('waitFor does not consume: the same call gives the same response', async () => {
    const { conn } = await connected({ greeting: 'hello\r\nworld' });
    const a = await conn.waitFor('[\r\n]');
    const b = await conn.waitFor('[\r\n]');
    expect(a.response).toBe('hello');
    expect(b.response).toBe('hello');
    expect(conn.response).toBe('hello');
    expect(conn.getBuffer()).toBe('hello\r\nworld');
  });
  it('expect consumes through the match; the same expect then times out', async () => {
    const { conn, clock } = await connected({ greeting: 'one two three' }, { timeout: 1000 });
    const r = await conn.expect('two');
    expect(r.response).toBe('one ');
    expect(r.match[0]).toBe('two');
    expect(r.index).toBe(0);
    expect(conn.getBuffer()).toBe(' three');
    const again = caught(conn.expect('two'));
    clock.advance(1000);
    const err = await again;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).response).toBe(' three');
  });
  it('tries a list in order: the first pattern matching anywhere wins', async () => {
    const { conn } = await connected({ greeting: 'alpha nmc beta Aug' });
    const r = await conn.expect(['Aug', 'nmc']);
    expect(r.index).toBe(0);
    expect(r.response).toBe('alpha nmc beta ');
    expect(conn.getBuffer()).toBe('');
  });
  it('response is exactly the text before a match in mid-buffer', async () => {
    const { conn } = await connected({ greeting: 'abc MARK def' });
    expect((await conn.waitFor(/MARK/)).response).toBe('abc ');
  });
  it('accepts RegExp objects (g/y flags ignored) and capture groups', async () => {
    const { conn } = await connected({ greeting: 'uptime is 5 weeks' });
    const r = await conn.expect(/uptime is (\d+) weeks/g);
    expect(r.match[1]).toBe('5');
  });
  it('finds a match followed by much more output in the same chunk (Exscript only looks at 150 characters)', async () => {
    const { conn } = await connected({ greeting: `TOKEN${'x'.repeat(10_000)}` });
    expect((await conn.expect('TOKEN')).response).toBe('');
  });
  it('finds a match split across chunks', async () => {
    const { conn, t } = await connected();
    const p = conn.expect('needle');
    t.out('hay ne');
    await settle();
    t.out('edle hay');
    expect((await p).response).toBe('hay ');
  });
  it('rejects an empty pattern list and a second concurrent wait', async () => {
    const { conn } = await connected();
    await expect(conn.expect([])).rejects.toBeInstanceOf(TypeError);
    const first = caught(conn.expect('never'));
    await expect(conn.waitFor('other')).rejects.toBeInstanceOf(StateError);
    conn.cancelExpect();
    expect(await first).toBeInstanceOf(ExpectCancelledError);
  });
});

describe('expectPrompt / execute', () => {
  const prompt = '\r\nrouter1#';
  it('execute = send(cmd + "\\r") + expectPrompt; response starts with the echo', async () => {
    const { conn, t } = await connected({ onLine: cli(prompt, { 'show clock': '12:00' }) });
    const r = await conn.execute('show clock');
    expect(t.written).toBe('show clock\r');
    expect(r.response).toBe('show clock\r\n12:00\r');
    expect(conn.getBuffer()).toBe('');
  });
  it('expectPrompt({consume:false}) leaves the prompt in the buffer', async () => {
    const { conn } = await connected({ greeting: `banner${prompt}` });
    const r = await conn.expectPrompt({ consume: false });
    expect(r.response).toBe('banner\r');
    expect(conn.getBuffer()).toBe(`banner${prompt}`);
    await conn.expectPrompt();
    expect(conn.getBuffer()).toBe('');
  });
  it('checks error patterns on every line after the echo and throws InvalidCommandError with the response', async () => {
    const { conn } = await connected({ onLine: cli(prompt, { 'sh foo': '% Invalid input detected' }) });
    const err = await caught(conn.execute('sh foo'));
    expect(err).toBeInstanceOf(InvalidCommandError);
    expect((err as InvalidCommandError).response).toBe('sh foo\r\n% Invalid input detected\r');
    expect((err as InvalidCommandError).command).toBe('sh foo');
    expect((err as Error).message).toContain('% Invalid input detected');
  });
  it('ignores the echo line; the generic error pattern is anchored at the line start itself', async () => {
    const { conn } = await connected({ onLine: cli(prompt, { 'error x': 'fine, no error here' }) });
    await expect(conn.execute('error x')).resolves.toBeDefined();
  });
  it('searches each line for driver error patterns (IOS `% Invalid input`)', async () => {
    const { conn } = await connected({ onLine: cli(prompt, { frob: "       ^\r\n% Invalid input detected at '^' marker." }) });
    conn.setErrorPrompt([/%Error/, /invalid input/i]);
    await expect(conn.execute('frob')).rejects.toBeInstanceOf(InvalidCommandError);
    await expect(conn.execute('show invalid input counters')).resolves.toBeDefined();
  });
  it('finds an error deep in a long output and judges each line on its own', async () => {
    const long = 'Gi0/1 is up, line protocol is up\r\n'.repeat(20_000);
    const { conn } = await connected({
      onLine: cli(prompt, { deep: `${long}% Invalid input detected\r\n${long}`, split: 'a\r\nb\r\n', clean: long }),
    });
    conn.setErrorPrompt([/^%?\s*invalid/i, /a\s+b/]);
    await expect(conn.execute('deep')).rejects.toThrow(/line 20002 matched/);
    // `a\s+b` would match across the line break; per line it does not.
    await expect(conn.execute('split')).resolves.toBeDefined();
    expect((await conn.execute('clean')).response.length).toBeGreaterThan(long.length);
  });
  it("setErrorPrompt('.') makes the next execute throw; null returns to the driver's", async () => {
    const { conn } = await connected({ onLine: cli(prompt, { ls: 'file\r\n' }) });
    conn.setErrorPrompt('.');
    await expect(conn.execute('ls')).rejects.toBeInstanceOf(InvalidCommandError);
    conn.setErrorPrompt(null);
    await expect(conn.execute('ls')).resolves.toBeDefined();
  });
  it('setPrompt overrides the driver prompt; null restores it', async () => {
    const { conn } = await connected({ onLine: cli('\r\nMYPROMPT!! ', {}) });
    conn.setPrompt(/MYPROMPT!! $/);
    expect(conn.getPrompt()).toEqual([/MYPROMPT!! $/]);
    expect((await conn.execute('x')).response).toBe('x\r\n\r\n');
    conn.setPrompt(null);
    expect(conn.getPrompt()).toEqual([...conn.getDriver().prompt]);
  });
});

describe('cancelExpect, monitors, events', () => {
  it('cancelExpect() from a dataReceived handler ends a pending expect with ExpectCancelledError', async () => {
    const { conn, t } = await connected();
    conn.on('dataReceived', () => conn.cancelExpect());
    const p = caught(conn.expect('notgoingtohappen'));
    t.out('some data');
    expect(await p).toBeInstanceOf(ExpectCancelledError);
  });
  it('cancelExpect() from a monitor callback; without a pending wait it does nothing', async () => {
    const { conn, t } = await connected();
    conn.cancelExpect();
    conn.addMonitor('ALERT', (c) => c.cancelExpect());
    const p = caught(conn.expect('never'));
    t.out('... ALERT ...');
    expect(await p).toBeInstanceOf(ExpectCancelledError);
  });
  it('monitors see the stream after the buffer was consumed, and unsubscribe', async () => {
    const { conn, t } = await connected();
    const hits: [number, string][] = [];
    const off = conn.addMonitor(['link (\\w+) down', 'reload'], (c, i, m) => {
      expect(c).toBe(conn);
      hits.push([i, m[1] ?? m[0]]);
    });
    t.out('link ge1 down\r\nA');
    await conn.expect('A');
    t.out('\r\nreload\r\nB');
    await conn.expect('B');
    off();
    t.out('link ge2 down');
    await settle();
    expect(hits).toEqual([
      [0, 'ge1'],
      [1, 'reload'],
    ]);
  });
  it('monitors look at the last `limit` characters only', async () => {
    const { conn, t } = await connected();
    const hits: string[] = [];
    conn.addMonitor('a.*z', (_c, _i, m) => hits.push(m[0]), 5);
    t.out('a1234567z');
    await settle();
    expect(hits).toEqual([]);
  });
  it("on('dataReceived') gets decoded text and returns unsubscribe", async () => {
    const { conn, t } = await connected();
    const got: string[] = [];
    const off = conn.on('dataReceived', (text) => got.push(text));
    t.outBytes(new Uint8Array([0x68, 0xe9]));
    off();
    t.outBytes(new Uint8Array([0x21]));
    expect(got).toEqual(['h\u00e9']);
    expect(() => conn.on('nope' as 'dataReceived', () => undefined)).toThrow(TypeError);
  });
});

describe('timeouts, deadline, abort, EOF, buffer limit', () => {
  it('timeout is an inactivity limit: every chunk restarts it', async () => {
    const { conn, t, clock } = await connected({}, { timeout: 1000 });
    let settled = false;
    const p = caught(conn.expect('END')).finally(() => (settled = true));
    for (let i = 0; i < 5; i++) {
      clock.advance(900);
      t.out('.');
      await settle();
    }
    expect(settled).toBe(false);
    clock.advance(999);
    await settle();
    expect(settled).toBe(false);
    clock.advance(1);
    const err = await p;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).ms).toBe(1000);
  });
  it('the overall deadline ends a wait however much data comes', async () => {
    const { conn, t, clock } = await connected({}, { timeout: 1000, deadline: 3000 });
    let ended = false;
    const p = caught(conn.expect('END')).finally(() => (ended = true));
    for (let i = 0; i < 10; i++) {
      clock.advance(500);
      t.out('.');
      await settle();
    }
    // Checked before awaiting, so a deadline that never fires fails here, not at the runner's timeout.
    expect(ended, 'expect() still pending after the manual clock passed the 3000 ms deadline').toBe(true);
    const err = await p;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/overall deadline of 3000 ms/);
  });
  it('per-call timeout and deadline override the connection defaults', async () => {
    const { conn, clock } = await connected({}, { timeout: 100_000 });
    const ended = new Set<string>();
    const p = caught(conn.expect('x', { timeout: 50 })).finally(() => ended.add('timeout: 50'));
    clock.advance(50);
    await settle();
    expect(ended.has('timeout: 50'), 'expect() still pending 50 ms (manual clock) past its per-call timeout of 50 ms').toBe(true);
    expect(await p).toBeInstanceOf(TimeoutError);
    const q = caught(conn.expect('x', { timeout: 0, deadline: 70 })).finally(() => ended.add('deadline: 70'));
    clock.advance(70);
    await settle();
    expect(ended.has('deadline: 70'), 'expect() still pending 70 ms (manual clock) past its per-call deadline of 70 ms').toBe(true);
    expect(await q).toBeInstanceOf(TimeoutError);
  });
  it('setTimeout/getTimeout, connect timeout and deadline accessors', async () => {
    const { conn } = make();
    conn.setTimeout(5);
    conn.setConnectTimeout(6);
    conn.setDeadline(7);
    expect([conn.getTimeout(), conn.getConnectTimeout(), conn.getDeadline()]).toEqual([5, 6, 7]);
    expect(() => conn.setTimeout(Number.NaN)).toThrow(RangeError);
  });
  it('an AbortSignal ends the wait with AbortedError', async () => {
    const { conn } = await connected();
    const ac = new AbortController();
    const p = caught(conn.expect('never', { signal: ac.signal }));
    ac.abort();
    expect(await p).toBeInstanceOf(AbortedError);
    await expect(conn.waitFor('x', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
    // The engine is free again.
    await expect(caught(conn.expect('y', { signal: AbortSignal.abort() }))).resolves.toBeInstanceOf(AbortedError);
  });
  it('EOF during a wait is a ConnectionError carrying what was received', async () => {
    const { conn, t } = await connected({ greeting: 'partial output' });
    const p = caught(conn.expect('never'));
    t.hangUp();
    const err = await p;
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).response).toBe('partial output');
    // What is in the buffer can still be matched after EOF.
    expect((await conn.expect('partial')).response).toBe('');
    await expect(conn.expect('never')).rejects.toBeInstanceOf(ConnectionError);
  });
  it('a transport error at EOF becomes the cause', async () => {
    const { conn, t } = await connected();
    const p = caught(conn.expect('never'));
    t.hangUp(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    const err = (await p) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.reason).toBe('reset');
    expect(err.cause).toBeInstanceOf(ConnectionError);
  });
  it('maxBufferSize ends a wait with BufferLimitError and bounds memory', async () => {
    const { conn, t } = await connected({}, { maxBufferSize: 1000 });
    const p = caught(conn.expect('never'));
    t.out('x'.repeat(1500));
    const err = await p;
    expect(err).toBeInstanceOf(BufferLimitError);
    expect((err as BufferLimitError).limit).toBe(1000);
    expect((err as Error).message).toMatch(/maxBufferSize/);
    expect(conn.getBuffer().length).toBeLessThanOrEqual(1000);
  });
  it('overflow while nothing waits is reported by the next wait', async () => {
    const { conn, t } = await connected({}, { maxBufferSize: 100 });
    t.out('y'.repeat(300));
    await settle();
    await expect(conn.expect('y')).rejects.toBeInstanceOf(BufferLimitError);
    await expect(conn.expect('y')).resolves.toBeDefined();
  });
});

describe('encoding and long output', () => {
  it('sends and receives with the configured encoding (UTF-8 split across chunks)', async () => {
    const { conn, t } = await connected({}, { encoding: 'utf-8' });
    const p = conn.expect('ende');
    const bytes = Buffer.from('grüße ende', 'utf8');
    for (const b of bytes) t.outBytes(new Uint8Array([b]));
    expect((await p).response).toBe('grüße ');
    await conn.send('ü');
    expect(Buffer.from(t.written, 'latin1').toString('hex')).toBe('c3bc');
  });
  it('latin1 (default) keeps every byte', async () => {
    const { conn, t } = await connected();
    const p = conn.expect('\x00END');
    t.outBytes(new Uint8Array([0x80, 0x9f, 0xff, 0x00, 0x45, 0x4e, 0x44]));
    expect((await p).response).toBe('\x80\x9f\xff');
  });
  it('collects 2 MB of output in 16 KB chunks exactly', async () => {
    const line = 'GigabitEthernet0/0/1 is up, line protocol is up\r\n';
    const body = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length));
    const { conn } = await connected(
      { onLine: (l, dev) => dev.out(`${l}\r\n${body}router#`), chunker: (text) => text.match(/[\s\S]{1,16384}/g) ?? [] },
      { clock: new ManualClock() },
    );
    const r = await conn.execute('show interfaces');
    expect(r.response).toBe(`show interfaces\r\n${body.slice(0, -1)}`);
  });
});

describe('after a failed connect', () => {
  it('waits fail at once with ConnectionError instead of hanging', async () => {
    const { conn, clock } = make({ hang: true }, { connectTimeout: 10 });
    const r = caught(conn.connect('r1.test'));
    await settle();
    clock.advance(10);
    expect(await r).toBeInstanceOf(TimeoutError);
    await expect(conn.expect('x')).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe('settleTime', () => {
  it('without it, a prompt-like output line at a chunk end ends the wait (Exscript behaviour)', async () => {
    const { conn, t } = await connected();
    const p = conn.expectPrompt();
    t.out('x\r\nDevice#');
    expect((await p).response).toBe('x\r');
    expect(t.written).toBe('');
  });
  it('with it, a match at the very end is accepted only after that many quiet ms', async () => {
    const { conn, t, clock } = await connected({}, { settleTime: 50 });
    let done = false;
    const p = conn.expectPrompt().finally(() => (done = true));
    t.out('x\r\nDevice#');
    await settle();
    clock.advance(49);
    t.out('   PID   SN\r\nrouter#');
    await settle();
    clock.advance(49);
    await settle();
    expect(done).toBe(false);
    clock.advance(1);
    expect((await p).response).toBe('x\r\nDevice#   PID   SN\r');
  });
  it('does not delay a match followed by more text, and EOF accepts at once', async () => {
    const { conn, t } = await connected({}, { settleTime: 1000 });
    const p = conn.expect('mid');
    t.out('a mid b');
    expect((await p).response).toBe('a ');
    const q = conn.expect('end');
    t.out('the end');
    await settle();
    t.hangUp();
    expect((await q).response).toBe(' bthe ');
  });
});

describe('close', () => {
  it('passes force to the transport and ends a pending wait', async () => {
    const { conn, t } = await connected();
    const calls: boolean[] = [];
    const orig = t.close.bind(t);
    t.close = (force?: boolean) => (calls.push(force ?? false), orig(force));
    const p = caught(conn.expect('never'));
    await conn.close(true);
    expect(calls).toEqual([true]);
    // Distinguishable from a peer hang-up (ConnectionError): the client closed it.
    expect(await p).toBeInstanceOf(ClosedError);
  });
});
