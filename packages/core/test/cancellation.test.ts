// AbortSignals end to end (#15): each step takes a signal, the Protocol may have one
// for the whole session; an abort rejects the step at once with AbortedError, closes
// the session and the transport. close() during a call is a ClosedError, told apart
// from a peer hang-up (ConnectionError). All on a ManualClock: nothing here waits for time.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AbortedError, Account, ClosedError, ConnectionError, isNetxError, StateError, TimeoutError, type AccountFactory } from '../src/index.js';
import { cli } from './helpers/fake-transport.js';
import { loginDevice } from './helpers/login-device.js';
import { caught, connected, make, settle } from './helpers/setup.js';

const admin = new Account({ name: 'admin', password: 'pw' });

describe('a step aborted by its own signal', () => {
  it('connect(): rejects with AbortedError while the transport still connects; the transport is closed', async () => {
    const { conn, t } = make({ hang: true });
    const ac = new AbortController();
    const p = caught(conn.connect('r1.test', 22, { signal: ac.signal }));
    await settle();
    expect(t.state).toBe('opening');
    ac.abort();
    const err = await p;
    expect(err).toBeInstanceOf(AbortedError);
    expect((err as AbortedError).code).toBe('NETX_ABORTED');
    expect((err as Error).message).toMatch(/^connect\(\) was aborted by its AbortSignal/);
    await settle();
    expect(t.state).toBe('closed');
    await expect(conn.execute('x')).rejects.toBeInstanceOf(StateError);
  });
  it('connect() with a signal that already fired never reaches the transport', async () => {
    const { conn, t } = make();
    expect(await caught(conn.connect('r1.test', 22, { signal: AbortSignal.abort() }))).toBeInstanceOf(AbortedError);
    expect(t.session_).toBeUndefined();
    expect(t.state).toBe('idle');
    await expect(conn.connect('r1.test')).rejects.toBeInstanceOf(StateError);
  });
  it('login(): aborted in the middle of the dialogue', async () => {
    const { conn, t } = await connected({ greeting: 'Username: ' });
    const ac = new AbortController();
    const p = caught(conn.login(admin, { signal: ac.signal }));
    await settle();
    expect(t.written).toBe('admin\r');
    ac.abort();
    expect(await p).toBeInstanceOf(AbortedError);
    await settle();
    expect(t.state).toBe('closed');
    expect(conn.isAppAuthenticated()).toBe(false);
  });
  it('login(): aborted while the transport authenticates (SSH-like) or the account factory thinks', async () => {
    const hanging = make({ protocolAuth: true, authenticate: () => new Promise<void>(() => undefined) });
    await hanging.conn.connect('r1.test');
    const ac = new AbortController();
    const p = caught(hanging.conn.login(admin, { signal: ac.signal }));
    await settle();
    ac.abort();
    expect(await p).toBeInstanceOf(AbortedError);
    await settle();
    expect(hanging.t.state).toBe('closed');

    const never: AccountFactory = { create: () => new Promise<Account>(() => undefined) };
    const slow = await connected({ greeting: 'Username: ' }, { accountFactory: never });
    const bc = new AbortController();
    const q = caught(slow.conn.login(undefined, { signal: bc.signal }));
    await settle();
    bc.abort();
    expect(await q).toBeInstanceOf(AbortedError);
    await settle();
    expect(slow.t.state).toBe('closed');
  });
  it('execute(): aborted while the device is silent; later calls are StateErrors', async () => {
    const { conn, t } = await connected({ greeting: '\r\nr1>' });
    await conn.expectPrompt();
    const ac = new AbortController();
    const p = caught(conn.execute('show tech', { signal: ac.signal }));
    await settle();
    expect(t.written).toBe('show tech\r');
    ac.abort();
    expect(await p).toBeInstanceOf(AbortedError);
    await settle();
    expect(t.state).toBe('closed');
    await expect(conn.execute('show clock')).rejects.toBeInstanceOf(StateError);
    await expect(conn.send('x')).rejects.toBeInstanceOf(StateError);
    await conn.close();
  });
  it('expect() and expectPrompt(): aborted; the reason is kept when it is a NetxError', async () => {
    const a = await connected();
    const ac = new AbortController();
    const p = caught(a.conn.expect('never', { signal: ac.signal }));
    ac.abort();
    expect(await p).toBeInstanceOf(AbortedError);

    const b = await connected();
    const bc = new AbortController();
    const q = caught(b.conn.expectPrompt({ signal: bc.signal }));
    const reason = new TimeoutError('host', 5000, 'the fleet gave this host 5000 ms');
    bc.abort(reason);
    expect(await q).toBe(reason);
    await settle();
    expect(b.t.state).toBe('closed');
  });
  it('a signal that fires after the step finished changes nothing', async () => {
    const { conn, t } = await connected({ greeting: '\r\nr1>', onLine: cli('\r\nr1>', { 'show clock': '12:00' }) });
    await conn.expectPrompt();
    const ac = new AbortController();
    expect((await conn.execute('show clock', { signal: ac.signal })).response).toBe('show clock\r\n12:00\r');
    ac.abort();
    await settle();
    expect(t.state).toBe('open');
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
  });
});

describe('the session signal (ProtocolOptions.signal)', () => {
  it('aborts whatever step runs, and closes the session between steps too', async () => {
    const ac = new AbortController();
    const d = loginDevice({ ask: ['username', 'password'], user: 'admin', password: 'pw', prompt: '\r\nr1>' });
    const { conn, t } = await connected(d, { signal: ac.signal });
    await conn.login(admin);
    ac.abort();
    await settle();
    expect(t.state).toBe('closed');
    // The session's signal stays aborted: every later call says so.
    const err = await caught(conn.execute('show clock'));
    expect(err).toBeInstanceOf(AbortedError);
    expect((err as Error).message).toMatch(/^execute\(\) was aborted/);

    const bc = new AbortController();
    const s = await connected({}, { signal: bc.signal });
    const p = caught(s.conn.expect('never'));
    bc.abort();
    expect(await p).toBeInstanceOf(AbortedError);
  });
  it('one signal for many sessions: a single listener on it, every session closed by one abort', async () => {
    const ac = new AbortController();
    const sessions = await Promise.all(Array.from({ length: 25 }, () => connected({}, { signal: ac.signal })));
    const pending = sessions.map((s) => caught(s.conn.expect('never', { signal: ac.signal })));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    ac.abort();
    for (const err of await Promise.all(pending)) expect(err).toBeInstanceOf(AbortedError);
    await settle();
    for (const s of sessions) expect(s.t.state).toBe('closed');
  });
  it('a Protocol whose session signal already fired does not connect', async () => {
    const { conn, t } = make({}, { signal: AbortSignal.abort() });
    expect(await caught(conn.connect('r1.test'))).toBeInstanceOf(AbortedError);
    expect(t.session_).toBeUndefined();
  });
});

describe('close() versus a peer hang-up', () => {
  it('close() during a wait is ClosedError (NETX_CLOSED_BY_CLIENT); a hang-up is ConnectionError', async () => {
    const mine = await connected();
    const p = caught(mine.conn.execute('show tech'));
    await settle();
    await mine.conn.close();
    const err = await p;
    expect(err).toBeInstanceOf(ClosedError);
    expect(isNetxError(err, 'NETX_CLOSED_BY_CLIENT')).toBe(true);

    const theirs = await connected();
    const q = caught(theirs.conn.execute('show tech'));
    await settle();
    theirs.t.hangUp();
    expect(await q).toBeInstanceOf(ConnectionError);
    // After a hang-up, sending is a ConnectionError; after close(), a StateError.
    await expect(theirs.conn.send('x')).rejects.toBeInstanceOf(ConnectionError);
    await expect(mine.conn.execute('x')).rejects.toBeInstanceOf(StateError);
    await expect(mine.conn.expect('x')).rejects.toBeInstanceOf(StateError);
  });
  it('close() while connecting: connect() rejects with ClosedError and the transport is closed', async () => {
    const { conn, t } = make({ hang: true });
    const p = caught(conn.connect('r1.test'));
    await settle();
    await conn.close();
    expect(await p).toBeInstanceOf(ClosedError);
    expect(t.state).toBe('closed');
  });
  it('close() while the transport authenticates: login() rejects with ClosedError', async () => {
    const { conn, t } = make({ protocolAuth: true, authenticate: () => new Promise<void>(() => undefined) });
    await conn.connect('r1.test');
    const p = caught(conn.login(admin));
    await settle();
    await conn.close();
    expect(t.state).toBe('closed');
    // The transport's own authentication never settles here: the step still ends.
    const err = await Promise.race([p, settle().then(() => 'still pending')]);
    expect(err).toBeInstanceOf(ClosedError);
  });
});
