// A recorded login played back to a real Protocol: the transcript is cut after each
// login question (`Username:`, `login:`, `Password:`), and each piece is sent once the
// client answered the one before it, so the Protocol's login loop answers the same
// questions it would on the device. After authenticate() the guess is read (that is
// the driver login() then uses for enable).
import { Account, Protocol, type Driver } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport, type DeviceLink, type PeerSession, type VirtualPeer } from '@netx/transport-dummy';

/** A login question and its echoed answer run to the end of the line; `Last login:` lines are not questions. */
const QUESTION = /(?:user ?name|login(?: name)?|password)[ \t]*: ?/gi;

/** The transcript cut right after each login question (the last piece ends with the prompt). */
export function piecesOf(transcript: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const m of transcript.matchAll(QUESTION)) {
    const lineStart = Math.max(transcript.lastIndexOf('\n', m.index), transcript.lastIndexOf('\r', m.index)) + 1;
    if (/^\s*last\b/i.test(transcript.slice(lineStart, m.index))) continue;
    const end = m.index + m[0].length;
    pieces.push(transcript.slice(from, end));
    from = end;
  }
  // A device sends nothing after its prompt: the trailing line break of the recording goes.
  pieces.push(transcript.slice(from).replace(/[\r\n]+$/, ''));
  return pieces.filter((p) => p.length > 0);
}

/** Plays the pieces: the first at connect, the next one after each line the client sends. */
class TranscriptPeer implements VirtualPeer {
  constructor(
    private readonly pieces: readonly string[],
    readonly remoteVersion: string | undefined,
  ) {}

  /** Pieces sent so far (the replay moves the clock only while this stands still). */
  sent = 0;

  open(link: DeviceLink): PeerSession {
    const send = () => {
      const piece = this.pieces[this.sent++];
      if (piece !== undefined) link.send(new Uint8Array(Buffer.from(piece, 'latin1')));
    };
    send();
    return {
      receive: (bytes) => {
        for (const b of bytes) if (b === 0x0d) send();
      },
      clientClosed: () => undefined,
    };
  }
}

export interface ReplayResult {
  /** guessOs() once authenticate() ended. */
  guess: string;
  /** The login reached a prompt and the driver login() authorizes with has an authorizeCommand (`enable`). */
  enables: boolean;
  /** The error code when the login did not reach a prompt (a cut recording). */
  error?: string;
}

const account = new Account({ name: 'test', password: 'secret' });

/**
 * Logs in over the transcript. Time only moves when nothing else can happen: a
 * recording that never reaches a prompt the login understands (some were cut, some
 * lost the blank after the prompt) ends in the login's TimeoutError, at once.
 */
export async function replayLogin(drivers: readonly Driver[], transcript: string, opts: { remoteVersion?: string } = {}): Promise<ReplayResult> {
  const device = new TranscriptPeer(piecesOf(transcript), opts.remoteVersion);
  const clock = new ManualClock();
  const conn = new Protocol({ transport: new DummyTransport({ device }), clock, drivers, timeout: 1000, stderr: () => undefined });
  let outcome: unknown;
  const done = conn
    .connect('device')
    .then(() => conn.authenticate(account))
    .then(
      () => (outcome = true),
      (err: unknown) => (outcome = err),
    );
  // Bounded: the clock moves past the login's timeout only after three rounds in which
  // the device sent nothing new (the login waits for what the recording does not hold).
  for (let round = 0, idle = 0, sent = -1; outcome === undefined && round < 1000; round++) {
    for (let i = 0; i < 10 && outcome === undefined; i++) await new Promise<void>((r) => setImmediate(r));
    idle = device.sent === sent ? idle + 1 : 0;
    sent = device.sent;
    if (outcome === undefined && idle >= 3) clock.advance(1000);
  }
  await done;
  const guess = conn.guessOs();
  const enables = outcome === true && conn.getDriver().authorizeCommand !== undefined;
  await conn.close().catch(() => undefined);
  if (outcome === true) return { guess, enables };
  return { guess, enables, error: (outcome as { code?: string }).code ?? String(outcome) };
}
