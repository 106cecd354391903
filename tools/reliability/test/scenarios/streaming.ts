// A device command that streams a lot of output fast, paced by what the client
// has received (at most WINDOW bytes in flight), so 100 MB costs neither the
// simulator's memory nor unbounded socket buffers, and never ends with a prompt
// while the cell runs.
import type { Client } from '../helpers/harness.js';

const WINDOW = 2 * 1024 * 1024;
/** 256 KiB of show-tech-like lines; none ends in a prompt character. */
const CHUNK = (() => {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 256 * 1024; i++) {
    const line = `  counters ${String(i).padStart(7, '0')}: input 1234 packets, output 5678 packets, 0 errors, 0 drops ok\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
})();

export interface StreamingCommand {
  /** The command handler for the device's table. */
  handler(ctx: { write(text: string): void }): Promise<string>;
  /** Paces the stream by what this client receives. */
  follow(c: Client): void;
  /** Ends the handler (call once the client is gone). */
  stop(): void;
  /** True once all `total` bytes were written. */
  done(): boolean;
}

export function streamingCommand(total: number): StreamingCommand {
  let received = 0;
  let stopped = false;
  let finished = false;
  let waiter: { at: number; resolve: () => void } | undefined;
  let release: () => void = () => undefined;
  const stoppedPromise = new Promise<void>((resolve) => (release = resolve));
  const wake = () => {
    if (waiter && (stopped || received >= waiter.at)) {
      const w = waiter;
      waiter = undefined;
      w.resolve();
    }
  };
  const room = (at: number) =>
    new Promise<void>((resolve) => {
      waiter = { at, resolve };
      wake();
    });
  return {
    async handler(ctx) {
      for (let sent = 0; sent < total && !stopped; sent += CHUNK.length) {
        await room(sent - WINDOW);
        if (!stopped) ctx.write(CHUNK);
      }
      finished = true;
      await stoppedPromise; // no prompt while the cell runs
      return '';
    },
    follow(c) {
      c.conn.on('dataReceived', (text) => {
        received += text.length;
        wake();
      });
    },
    stop() {
      stopped = true;
      wake();
      release();
    },
    done: () => finished,
  };
}
