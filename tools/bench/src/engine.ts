// Engine throughput: device output pushed in 16 KB chunks through Protocol's
// expect engine with prompt detection, as a transport would deliver it.
import { AbstractTransport, Protocol, type TransportCapabilities, type TransportSession } from '@netx/core';

const CHUNK = 16 * 1024;
const LINE = 'GigabitEthernet0/0/1 is up, line protocol is up, 1234567 packets input, 89 errors\r\n';

/** Answers every command with `bytes` of output in CHUNK-sized pieces, then the prompt. */
class FloodTransport extends AbstractTransport {
  readonly kind = 'bench-flood';
  readonly defaultPort = 0;
  readonly capabilities: TransportCapabilities = {
    protocolAuth: false, banner: false, remoteVersion: false, windowSize: false,
    keepalive: false, binarySafe: true, peerClose: true,
  };
  private readonly chunks: Uint8Array[];
  private readonly prompt = new TextEncoder().encode('\r\nrouter1#');

  constructor(bytes: number) {
    super();
    const block = new TextEncoder().encode(LINE.repeat(Math.ceil(CHUNK / LINE.length)).slice(0, CHUNK));
    this.chunks = Array.from({ length: Math.ceil(bytes / CHUNK) }, () => block);
  }

  protected async _open(_session: TransportSession): Promise<void> {
    queueMicrotask(() => this.push(this.prompt));
  }

  protected async _write(_bytes: Uint8Array): Promise<void> {
    // Deliver asynchronously in macrotask-sized batches, like a socket would.
    let i = 0;
    const pump = () => {
      const stop = Math.min(this.chunks.length, i + 64);
      for (; i < stop; i++) this.push(this.chunks[i]!);
      if (i < this.chunks.length) setImmediate(pump);
      else this.push(this.prompt);
    };
    setImmediate(pump);
  }

  protected async _close(): Promise<void> {}
}

export interface EngineResult {
  bytes: number;
  seconds: number;
  mbPerSecond: number;
}

export async function runEngineBench(megabytes: number): Promise<EngineResult> {
  const bytes = megabytes * 1024 * 1024;
  const conn = new Protocol({ transport: new FloodTransport(bytes), driver: 'generic', timeout: 120_000, maxBufferSize: bytes * 2 });
  await conn.connect('bench.invalid', 0);
  await conn.expectPrompt();
  const started = process.hrtime.bigint();
  const { response } = await conn.execute('show interfaces');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (response.length < bytes) throw new Error(`engine bench: got ${response.length} characters, expected at least ${bytes}`);
  await conn.close();
  return { bytes, seconds, mbPerSecond: megabytes / seconds };
}
