// Shared machinery of the groups: the started peers, capability gating, test
// registration by stable id, and per-test cleanup of transports.
import { hasProtocolAuth, systemClock, type Account, type ProtocolAuthContext, type Transport, type TransportCapabilities, type TransportSession } from '@netx/core';
import { DEFAULT_WAIT_MS, withDeadline } from '../deadline.js';
import type { PeerConnection, StartedPeer } from '../peer.js';
import { startSilentPeer, type SilentPeer } from '../silent-peer.js';
import { SessionRecorder } from './session-recorder.js';
import { TEST_IDS, type TestId } from './test-ids.js';
import type { KitApi, SessionOptions, TransportTarget } from './types.js';

/** Printable, so it passes transports that are not binarySafe. */
const SYNC_MARKER = new TextEncoder().encode('<netx-kit-sync:7f3a9c>');

/** Returns why a test cannot run on these capabilities, or undefined when it can. */
export type CapabilityGate = (caps: TransportCapabilities) => string | undefined;

/** Every capability flag, in the order TransportCapabilities declares them. */
const CAPABILITY_KEYS = ['protocolAuth', 'banner', 'remoteVersion', 'windowSize', 'keepalive', 'binarySafe', 'peerClose'] as const satisfies readonly (keyof TransportCapabilities)[];

/** `{ a: true, b: false }`, for a message the reader can paste into the target. */
function formatCapabilities(caps: TransportCapabilities): string {
  return `{ ${CAPABILITY_KEYS.map((k) => `${k}: ${String(caps[k])}`).join(', ')} }`;
}

/** Where `declared` differs from `pinned`, one phrase per flag (extra or missing keys too). */
export function capabilityDifferences(declared: TransportCapabilities, pinned: TransportCapabilities): string[] {
  const keys = new Set<string>([...CAPABILITY_KEYS, ...Object.keys(declared), ...Object.keys(pinned)]);
  const diff: string[] = [];
  for (const k of keys) {
    const d = (declared as unknown as Record<string, unknown>)[k];
    const p = (pinned as unknown as Record<string, unknown>)[k];
    if (d !== p) diff.push(`${k}: declared ${String(d)}, pinned ${String(p)}`);
  }
  return diff;
}

export const needs =
  (capability: keyof TransportCapabilities): CapabilityGate =>
  (caps) =>
    caps[capability] ? undefined : `needs capabilities.${capability}`;

/** One open connection: the transport, what it reported, and the device side. */
export interface OpenSession<T extends Transport = Transport> {
  transport: T;
  recorder: SessionRecorder;
  conn: PeerConnection;
}

/** Per-test resources, released when the test ends however it ends. */
export class TestScope {
  private transports: Transport[] = [];
  private releases: Array<() => Promise<void>> = [];

  constructor(readonly ctx: KitContext) {}

  transport(): Transport {
    return this.track(this.ctx.target.createTransport());
  }

  /** Closes `t` (forced) when the test ends. */
  track<T extends Transport>(t: T): T {
    this.transports.push(t);
    return t;
  }

  /** Runs `fn` when the test ends, after the transports are closed. */
  onRelease(fn: () => Promise<void>): void {
    this.releases.push(fn);
  }

  /** Connects a fresh transport to the peer, logs in where the protocol does, and claims the device side. */
  async open(options: SessionOptions = {}): Promise<OpenSession> {
    const { ctx } = this;
    const peer = ctx.peer();
    const transport = this.transport();
    const { recorder, session } = ctx.newSession(peer.host, peer.port, options);
    await ctx.bounded(transport.connect(session), 'connect()');
    if (hasProtocolAuth(transport)) {
      await ctx.bounded(transport.protocolAuthenticate(ctx.account(), ctx.authContext()), 'protocolAuthenticate()');
    }
    const conn = await ctx.claimConnection(recorder);
    return { transport, recorder, conn };
  }

  async release(): Promise<void> {
    await Promise.all(
      this.transports.splice(0).map((t) => withDeadline(Promise.resolve().then(() => t.close(true)), this.ctx.waitMs, 'close').catch(() => undefined)),
    );
    for (const fn of this.releases.splice(0)) await withDeadline(fn(), this.ctx.waitMs, 'test cleanup').catch(() => undefined);
  }
}

export class KitContext {
  readonly waitMs: number;
  readonly testTimeoutMs: number;
  /** The target's pinned expectedCapabilities: tests are gated on these, never on what the transport declares. */
  readonly capabilities: TransportCapabilities;
  private started: StartedPeer | undefined;
  private silent: Promise<SilentPeer> | undefined;

  constructor(
    readonly api: KitApi,
    readonly target: TransportTarget,
  ) {
    if (!target || typeof target.name !== 'string' || target.name === '') throw new TypeError('transport-test-kit: target.name must be a non-empty string.');
    if (typeof target.createTransport !== 'function') throw new TypeError(`transport-test-kit (${target.name}): target.createTransport must be a function.`);
    if (typeof target.startPeer !== 'function') throw new TypeError(`transport-test-kit (${target.name}): target.startPeer must be a function.`);
    if (target.skip && 'capabilities.pinned' in target.skip) {
      throw new Error(`transport-test-kit (${target.name}): capabilities.pinned cannot be skipped; update expectedCapabilities instead.`);
    }
    for (const [id, reason] of Object.entries(target.skip ?? {})) {
      if (!(TEST_IDS as readonly string[]).includes(id)) {
        throw new Error(`transport-test-kit (${target.name}): skip lists "${id}", which is no test id; known ids: ${TEST_IDS.join(', ')}.`);
      }
      if (typeof reason !== 'string' || reason.trim() === '') {
        throw new Error(`transport-test-kit (${target.name}): skip "${id}" needs a reason string.`);
      }
    }
    this.waitMs = target.waitMs ?? DEFAULT_WAIT_MS;
    this.testTimeoutMs = target.testTimeoutMs ?? Math.max(60_000, this.waitMs * 4);
    const pinned = target.expectedCapabilities;
    if (typeof pinned !== 'object' || pinned === null || CAPABILITY_KEYS.some((k) => typeof pinned[k] !== 'boolean')) {
      throw new TypeError(
        `transport-test-kit (${target.name}): target.expectedCapabilities must pin every flag (${CAPABILITY_KEYS.join(', ')}); the transport declares ${formatCapabilities(this.declaredCapabilities())}.`,
      );
    }
    this.capabilities = { ...pinned };
  }

  /** What a fresh transport declares; the probe is never connected. */
  declaredCapabilities(): TransportCapabilities {
    const probe = this.target.createTransport();
    const declared = { ...probe.capabilities };
    Promise.resolve()
      .then(() => probe.close())
      .catch(() => undefined);
    return declared;
  }

  /** Registers starting and stopping the peers, and the capability pin check, in the current describe block. */
  registerHooks(): void {
    this.test('capabilities.pinned', 'the transport declares exactly the capabilities the target pins (expectedCapabilities)', undefined, async () => {
      const declared = this.declaredCapabilities();
      const diff = capabilityDifferences(declared, this.capabilities);
      this.api
        .expect(
          diff,
          `${this.target.name}: the transport's capabilities differ from the target's expectedCapabilities (${diff.join('; ')}). ` +
            `The kit skips by the pinned set, so this must be a deliberate change: if it is, set expectedCapabilities to ${formatCapabilities(declared)} ` +
            `and update the expected skips (tools/scripts/expected-skips.json).`,
        )
        .toEqual([]);
    });
    this.api.beforeAll(async () => {
      this.started = await this.target.startPeer();
    }, 180_000);
    this.api.afterAll(async () => {
      const silent = this.silent;
      this.silent = undefined;
      await Promise.all([this.started?.stop(), silent?.then((s) => s.stop())]);
      this.started = undefined;
    }, 60_000);
  }

  peer(): StartedPeer {
    if (!this.started) throw new Error(`transport-test-kit (${this.target.name}): the peer is not started; did startPeer() fail in beforeAll?`);
    return this.started;
  }

  silentPeer(): Promise<SilentPeer> {
    this.silent ??= (this.target.startSilentPeer ?? startSilentPeer)();
    return this.silent;
  }

  account(): Account {
    const { account } = this.target;
    if (!account) {
      throw new Error(`transport-test-kit (${this.target.name}): capabilities.protocolAuth is true, so the target needs an \`account\` the peer accepts.`);
    }
    return account;
  }

  /** The context protocolAuthenticate() gets; debug lines go to `debugLines` when given. */
  authContext(debugLines?: string[]): ProtocolAuthContext {
    const { target } = this;
    return {
      clock: target.sessionOptions?.clock ?? systemClock,
      debug: (level, message) => debugLines?.push(`${level} ${message}`),
      requestOtp:
        target.requestOtp ??
        (async () => {
          throw new Error(`transport-test-kit (${target.name}): the server asked for a one-time password; give the target a requestOtp().`);
        }),
    };
  }

  /**
   * The device side of the connection just made; with `serverPreamble`, also drops what the
   * server itself wrote before the device spoke.
   */
  async claimConnection(recorder: SessionRecorder): Promise<PeerConnection> {
    const conn = await this.peer().nextConnection(this.waitMs);
    if (this.target.serverPreamble) {
      await conn.write(SYNC_MARKER);
      await recorder.dropThrough(SYNC_MARKER, this.waitMs, 'the kit\'s sync marker after the server preamble (serverPreamble: true)');
    }
    return conn;
  }

  /** A recording TransportSession for host:port with the target's sessionOptions, then `options`. */
  newSession(host: string, port: number, options: SessionOptions & { signal?: AbortSignal } = {}): { recorder: SessionRecorder; session: TransportSession } {
    const recorder = new SessionRecorder(this.target.name);
    return { recorder, session: recorder.session(host, port, { ...this.target.sessionOptions, ...options }) };
  }

  /** `promise` bounded by waitMs, failing with `${name}: ${what}: nothing after N ms`. */
  bounded<T>(promise: Promise<T>, what: string): Promise<T> {
    return withDeadline(promise, this.waitMs, `${this.target.name}: ${what}`);
  }

  /** Registers one test under its stable id, skipped (with the reason in the title) when gated off. */
  test(id: TestId, title: string, gate: CapabilityGate | undefined, body: (scope: TestScope) => Promise<void>): void {
    const name = `[${id}] ${title}`;
    const reason = this.target.skip?.[id] ?? gate?.(this.capabilities);
    if (reason !== undefined) {
      this.api.it.skip?.(`${name} (skipped: ${reason})`, async () => undefined);
      return;
    }
    this.api.it(
      name,
      async () => {
        const scope = new TestScope(this);
        try {
          await body(scope);
        } finally {
          await scope.release();
        }
      },
      this.testTimeoutMs,
    );
  }
}

/** Runs `group` inside its own describe block, with its own peer unless a context is shared. */
export function defineGroup(
  api: KitApi,
  target: TransportTarget,
  title: string,
  shared: KitContext | undefined,
  group: (ctx: KitContext) => void,
): void {
  api.describe(title, () => {
    const ctx = shared ?? new KitContext(api, target);
    if (!shared) ctx.registerHooks();
    group(ctx);
  });
}
