// The DeviceLink every server hands to a device: output goes to a ByteSink (an
// SSH channel, a Telnet socket, a WebSocket), shaped by the device's faults
// (drip, a cut in the middle of a command's output). Timers run on the Clock.
// Output produced in one event-loop turn (echo, command output, prompt) leaves
// as one write: one syscall, one SSH packet, one frame.
import type { Clock, NetxError } from '@netx/core';
import type { DeviceLink, TerminalInfo } from '@netx/virtual-device';

/** Where a session's bytes go; one per connection, written by one server. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
  /** The device hung up: close cleanly (SSH: channel close and disconnect; Telnet: FIN; WS: close frame). */
  end(): void;
  /** The connection breaks without a goodbye (TCP reset / destroy). */
  drop(): void;
}

export interface LinkShape {
  /** ms between bytes (0: write as produced). */
  readonly drip: number;
}

export class SimLink implements DeviceLink {
  private readonly queue: number[] = [];
  private head = 0;
  private timer: unknown;
  private ending: 'end' | 'drop' | undefined;
  private done = false;
  private cutAfter: number | undefined;
  private idle: Array<() => void> = [];
  private batch: Uint8Array[] = [];
  private flushing = false;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly clock: Clock,
    public terminal: TerminalInfo,
    private readonly sink: ByteSink,
    private readonly shape: LinkShape = { drip: 0 },
  ) {}

  /** True once the sink was ended or dropped (or the client left). */
  get closed(): boolean {
    return this.done;
  }

  send(bytes: Uint8Array): void {
    if (this.done || this.ending || bytes.length === 0) return;
    if (this.cutAfter !== undefined) {
      const keep = Math.min(bytes.length, this.cutAfter);
      this.cutAfter -= keep;
      if (keep > 0) this.deliver(bytes.subarray(0, keep));
      if (this.cutAfter === 0) this.finish('drop');
      return;
    }
    this.deliver(bytes);
  }

  close(): void {
    this.finish('end');
  }

  fail(_error: NetxError): void {
    // A handler bug in the device: the client sees a clean hang-up, as from a crashed CLI.
    this.finish('end');
  }

  whenDelivered(): Promise<void> {
    if ((this.pending() === 0 && this.batch.length === 0) || this.done) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** From now on the connection breaks after `bytes` more bytes of output. */
  cutAfterBytes(bytes: number): void {
    this.cutAfter = bytes;
    if (bytes === 0) this.finish('drop');
  }

  /** The client went away: stop every timer, send nothing more. */
  detach(): void {
    this.done = true;
    this.batch = [];
    this.queue.length = 0;
    this.head = 0;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.wake();
  }

  private deliver(bytes: Uint8Array): void {
    if (this.shape.drip <= 0) {
      this.batch.push(bytes);
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
      return;
    }
    for (const b of bytes) this.queue.push(b);
    this.pump();
  }

  private pending(): number {
    return this.queue.length - this.head;
  }

  private pump(): void {
    if (this.timer !== undefined || this.done) return;
    if (this.pending() === 0) {
      this.queue.length = 0;
      this.head = 0;
      this.wake();
      if (this.ending) this.settle(this.ending);
      return;
    }
    // One byte per tick; each tick schedules the next, so the queue drains in order.
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.done) return;
      this.sink.write(Uint8Array.of(this.queue[this.head++]!));
      this.pump();
    }, this.shape.drip);
  }

  private flush(): void {
    this.flushing = false;
    const parts = this.batch;
    if (parts.length === 0 || this.done) return;
    this.batch = [];
    this.sink.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    if (this.pending() === 0) this.wake();
  }

  private finish(how: 'end' | 'drop'): void {
    if (this.done || this.ending) return;
    this.ending = how;
    if (this.pending() === 0 && this.timer === undefined) this.settle(how);
  }

  private settle(how: 'end' | 'drop'): void {
    if (this.done) return;
    this.flush();
    this.done = true;
    this.wake();
    if (how === 'end') this.sink.end();
    else this.sink.drop();
  }

  private wake(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const fn of waiting) fn();
  }
}
