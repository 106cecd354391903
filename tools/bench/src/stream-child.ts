// One measurement of the streaming benchmark, alone in its process so its RSS is its
// own: `show tech` answered with N MB in 64 KiB chunks (one block sent again and again,
// nothing held on the device side), read by execute(), execute(cmd, { onData }) or
// stream(cmd). Prints one JSON line. Run by stream.ts.
import { AbstractTransport, Protocol, type TransportCapabilities, type TransportSession } from '@netx/core';

export type StreamMode = 'execute' | 'onData' | 'stream';

export interface StreamMeasurement {
  mode: StreamMode;
  megabytes: number;
  seconds: number;
  /** Characters the caller got (response length, or the streamed total). */
  characters: number;
  rssBefore: number;
  rssPeak: number;
  /** Right after the call returned (execute(): its response still referenced). */
  rssAfter: number;
  heapPeak: number;
}

const CHUNK = 64 * 1024;
/** Chunks delivered per event-loop turn: a socket hands over one read (up to 64 KiB) per callback. */
const PER_TURN = 1;
const LINE = 'GigabitEthernet0/0/1 is up, line protocol is up, 1234567 packets input, 89 errors\r\n';

const peak = { rss: 0, heap: 0 };
function sample(): void {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak.rss = m.rss;
  if (m.heapUsed > peak.heap) peak.heap = m.heapUsed;
}

/** Answers the command with `bytes` of output in CHUNK pieces (one per event-loop turn, as a socket would), then the prompt. */
class ShowTechTransport extends AbstractTransport {
  readonly kind = 'bench-show-tech';
  readonly defaultPort = 0;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false, banner: false, remoteVersion: false, windowSize: false,
    keepalive: false, binarySafe: true, peerClose: true,
  };
  private readonly block = new TextEncoder().encode(LINE.repeat(Math.ceil(CHUNK / LINE.length)).slice(0, CHUNK));
  private readonly prompt = new TextEncoder().encode('\r\nrouter1#');

  constructor(private readonly bytes: number) {
    super();
  }

  protected async _open(_session: TransportSession): Promise<void> {
    queueMicrotask(() => this.push(this.prompt));
  }

  protected async _write(bytes: Uint8Array): Promise<void> {
    this.push(bytes); // the echo
    const count = Math.ceil(this.bytes / CHUNK);
    let i = 0;
    const pump = () => {
      const stop = Math.min(count, i + PER_TURN);
      for (; i < stop; i++) this.push(this.block);
      sample();
      if (i < count) setImmediate(pump);
      else this.push(this.prompt);
    };
    setImmediate(pump);
  }

  protected async _close(): Promise<void> {}
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measure(mode: StreamMode, megabytes: number): Promise<StreamMeasurement> {
  const bytes = megabytes * 1024 * 1024;
  const conn = new Protocol({
    transport: new ShowTechTransport(bytes),
    driver: 'generic',
    timeout: 120_000,
    // execute() holds the whole response: its buffer must be allowed to; the streaming forms keep the default.
    ...(mode === 'execute' ? { maxBufferSize: bytes * 2 } : {}),
  });
  await conn.connect('bench.invalid', 0);
  await conn.expectPrompt();
  gc();
  const rssBefore = process.memoryUsage().rss;
  peak.rss = rssBefore;
  peak.heap = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  let characters = 0;
  let kept: string | undefined;
  if (mode === 'execute') {
    kept = (await conn.execute('show tech')).response;
    characters = kept.length;
  } else if (mode === 'onData') {
    await conn.execute('show tech', { onData: (chunk) => void (characters += chunk.length) });
  } else {
    const s = conn.stream('show tech');
    for await (const chunk of s) characters += chunk.length;
    await s.result;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  sample();
  const rssAfter = process.memoryUsage().rss;
  if (characters < bytes) throw new Error(`stream bench (${mode}): got ${characters} characters, expected at least ${bytes}`);
  void kept;
  await conn.close();
  return { mode, megabytes, seconds, characters, rssBefore, rssPeak: peak.rss, rssAfter, heapPeak: peak.heap };
}

const [mode, mb] = process.argv.slice(2);
if (mode !== 'execute' && mode !== 'onData' && mode !== 'stream') throw new Error('usage: stream-child.ts execute|onData|stream <megabytes>');
console.log(JSON.stringify(await measure(mode, Number(mb ?? 100))));
