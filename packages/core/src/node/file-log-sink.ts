// The log file behind `logfile`: appended, written asynchronously in order (a slow
// disk never stalls the receive path), chunks queued meanwhile go out in one write.
import { open, type FileHandle } from 'node:fs/promises';
import type { LogSink } from '../protocol/log-sink.js';

export class FileLogSink implements LogSink {
  private fh: FileHandle | undefined;
  private queue: Uint8Array[] = [];
  private draining: Promise<void> | undefined;
  private failed = false;
  private onError: (err: unknown) => void = () => undefined;

  constructor(readonly name: string) {}

  async open(onError: (err: unknown) => void): Promise<void> {
    this.onError = onError;
    this.fh = await open(this.name, 'a');
  }

  write(bytes: Uint8Array): void {
    if (this.failed || !this.fh || bytes.length === 0) return;
    this.queue.push(bytes);
    this.draining ??= this.drain(this.fh);
  }

  async close(): Promise<void> {
    await this.draining;
    const fh = this.fh;
    this.fh = undefined;
    if (!fh) return;
    try {
      await fh.close();
    } catch (err) {
      this.fail(err);
    }
  }

  private async drain(fh: FileHandle): Promise<void> {
    while (this.queue.length > 0 && !this.failed) {
      const batch = this.queue.length === 1 ? this.queue[0]! : Buffer.concat(this.queue);
      this.queue = [];
      try {
        // A regular file takes it all; the loop covers short writes anyway.
        for (let at = 0; at < batch.length; ) {
          const { bytesWritten } = await fh.write(batch, at, batch.length - at);
          if (bytesWritten <= 0) throw new Error('the file took no bytes');
          at += bytesWritten;
        }
      } catch (err) {
        this.fail(err);
      }
    }
    this.draining = undefined;
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.queue = [];
    // The session drops a failed sink and never calls close(): release the file now.
    const fh = this.fh;
    this.fh = undefined;
    if (fh) void fh.close().catch(() => undefined);
    this.onError(err);
  }
}
