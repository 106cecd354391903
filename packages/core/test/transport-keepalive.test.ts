// AbstractTransport's keepalive, on a ManualClock: the one scheduler every adapter uses.
// The adapter here only counts pings and reports answers, as real adapters do.
import { describe, expect, it } from 'vitest';
import { AbstractTransport, ErrorCodes, TimeoutError, type NetxError, type TransportSession } from '../src/index.js';
import { ManualClock } from '../src/testing/index.js';

class PingTransport extends AbstractTransport {
  readonly kind = 'ping-test';
  readonly defaultPort = 1;
  readonly capabilities = { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: true, binarySafe: true, peerClose: true };
  pings = 0;
  closedWith: boolean[] = [];
  private releaseOpen: (() => void) | undefined;

  constructor(
    private readonly settings: { interval: number; countMax: number },
    private readonly mayIgnorePings = false,
    private readonly holdOpen = false,
  ) {
    super();
  }

  protected _open(): Promise<void> {
    if (this.holdOpen) return new Promise((resolve) => (this.releaseOpen = resolve));
    this.startKeepalive(this.settings, { what: 'test ping', ping: () => this.pings++, mayIgnorePings: this.mayIgnorePings });
    return Promise.resolve();
  }
  protected async _write(): Promise<void> {}
  protected async _close(force: boolean): Promise<void> {
    this.closedWith.push(force);
    this.releaseOpen?.();
  }
  data(text: string): void {
    this.push(new TextEncoder().encode(text));
  }
  answer(): void {
    this.keepaliveAnswered();
  }
  alive(): void {
    this.peerAlive();
  }
  get exposedSession(): TransportSession | undefined {
    return this.sessionOrUndefined;
  }
  get exposedClosing(): boolean {
    return this.closingOrClosed;
  }
}

function session(clock: ManualClock) {
  const closes: Array<NetxError | undefined> = [];
  const debug: string[] = [];
  const s: TransportSession = {
    host: '127.0.0.1',
    port: 7,
    connectTimeout: 0,
    termType: 'xterm',
    columns: 80,
    rows: 24,
    verifyFingerprint: false,
    clock,
    debug: (level, message) => debug.push(`${level} ${message}`),
    onData: () => undefined,
    onClose: (error) => closes.push(error),
  };
  return { s, closes, debug };
}

async function open(settings = { interval: 1000, countMax: 2 }, mayIgnorePings = false) {
  const clock = new ManualClock();
  const t = new PingTransport(settings, mayIgnorePings);
  const { s, closes, debug } = session(clock);
  await t.connect(s);
  return { t, clock, closes, debug };
}

describe('AbstractTransport keepalive', () => {
  it('pings only after interval ms of silence; data restarts the quiet period', async () => {
    const { t, clock } = await open();
    clock.advance(999);
    expect(t.pings).toBe(0);
    t.data('banner');
    clock.advance(999);
    expect(t.pings).toBe(0);
    clock.advance(1);
    expect(t.pings).toBe(1);
    await t.close();
  });

  it('after countMax pings with nothing received, ends with TimeoutError (keepalive, NETX_TIMEOUT) carrying the silence', async () => {
    const { t, clock, closes } = await open({ interval: 1000, countMax: 2 });
    clock.advance(1000);
    clock.advance(1000);
    expect(t.pings).toBe(2);
    expect(closes).toEqual([]);
    clock.advance(1000);
    expect(closes).toHaveLength(1);
    const err = closes[0] as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.code).toBe(ErrorCodes.TIMEOUT);
    expect(err.operation).toBe('keepalive');
    expect(err.ms).toBe(3000);
    expect(err.message).toMatch(/ping-test: 127\.0\.0\.1:7 answered none of 2 keepalive pings \(test ping\) and sent nothing for 3000 ms/);
    await new Promise<void>((resolve) => setImmediate(resolve)); // the forced teardown runs
    expect(t.state).toBe('closed');
    expect(t.closedWith).toEqual([true]);
    expect(clock.pending(), 'timers left on the clock').toBe(0);
  });

  it('answers and other signs of life clear the count: a peer that keeps answering stays', async () => {
    const { t, clock, closes } = await open({ interval: 1000, countMax: 1 });
    for (let i = 0; i < 6; i++) {
      clock.advance(1000);
      if (i % 2) t.answer();
      else t.alive();
    }
    expect(t.pings).toBe(6);
    expect(closes).toEqual([]);
    await t.close();
    expect(clock.pending()).toBe(0);
  });

  it('mayIgnorePings: a peer that never answered is kept warm, never ended, and a debug line says so', async () => {
    const { t, clock, closes, debug } = await open({ interval: 1000, countMax: 1 }, true);
    for (let i = 0; i < 5; i++) clock.advance(1000);
    expect(t.pings).toBe(5);
    expect(closes).toEqual([]);
    expect(debug.join('\n')).toMatch(/has not answered a test ping; pings keep the connection warm/);
    // Once it has answered, its silence counts.
    t.answer();
    clock.advance(1000);
    clock.advance(1000);
    expect((closes[0] as TimeoutError | undefined)?.operation).toBe('keepalive');
  });

  it('close() and the end of the stream stop it; interval 0 starts nothing', async () => {
    const a = await open();
    await a.t.close();
    expect(a.clock.pending()).toBe(0);
    a.clock.advance(10_000);
    expect(a.t.pings).toBe(0);
    const off = await open({ interval: 0, countMax: 3 });
    expect(off.clock.pending()).toBe(0);
    await off.t.close();
  });
});

describe('AbstractTransport accessors and close while opening', () => {
  it('sessionOrUndefined and closingOrClosed never throw', async () => {
    const clock = new ManualClock();
    const t = new PingTransport({ interval: 0, countMax: 1 });
    expect(t.exposedSession).toBeUndefined();
    expect(t.exposedClosing).toBe(false);
    const { s } = session(clock);
    await t.connect(s);
    expect(t.exposedSession).toBe(s);
    await t.close();
    expect(t.exposedClosing).toBe(true);
  });

  it('close() while connect() is in flight tears down with force (no goodbye to a half-open link)', async () => {
    const clock = new ManualClock();
    const t = new PingTransport({ interval: 0, countMax: 1 }, false, true);
    const connecting = t.connect(session(clock).s).catch((e: unknown) => e);
    await t.close();
    expect(t.closedWith[0]).toBe(true);
    await connecting;
  });
});
