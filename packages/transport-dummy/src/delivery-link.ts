// The DeviceLink a DummyTransport hands to its device: output is queued and
// delivered one chunk per event-loop turn, like bytes arriving on a socket, so
// a device never answers inside the client's write() call.
import type { Clock, NetxError } from '@netx/core';
import type { DeviceLink, TerminalInfo } from '@netx/virtual-device';

type Item = { kind: 'data'; bytes: Uint8Array } | { kind: 'end'; error?: NetxError };

export interface LinkSink {
  data(bytes: Uint8Array): void;
  end(error?: NetxError): void;
}

const nextTurn: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => void setImmediate(fn) : (fn) => void setTimeout(fn, 0);

export class DeliveryLink implements DeviceLink {
  private readonly queue: Item[] = [];
  private scheduled = false;
  private ended = false;
  private detached = false;
  private idle: Array<() => void> = [];

  constructor(
    readonly host: string,
    readonly port: number,
    readonly clock: Clock,
    readonly terminal: TerminalInfo,
    private readonly sink: LinkSink,
  ) {}

  send(bytes: Uint8Array): void {
    if (this.ended || this.detached || bytes.length === 0) return;
    this.queue.push({ kind: 'data', bytes });
    this.schedule();
  }

  close(): void {
    this.finish(undefined);
  }

  fail(error: NetxError): void {
    this.finish(error);
  }

  whenDelivered(): Promise<void> {
    if (this.queue.length === 0 || this.detached) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** The client went away: drop what is still queued. */
  detach(): void {
    this.detached = true;
    this.queue.length = 0;
    this.wakeIdle();
  }

  private finish(error: NetxError | undefined): void {
    if (this.ended || this.detached) return;
    this.ended = true;
    this.queue.push(error === undefined ? { kind: 'end' } : { kind: 'end', error });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    nextTurn(() => this.pump());
  }

  private pump(): void {
    this.scheduled = false;
    if (this.detached) return;
    const item = this.queue.shift();
    if (item) {
      if (item.kind === 'data') this.sink.data(item.bytes);
      else this.sink.end(item.error);
    }
    if (this.queue.length > 0) this.schedule();
    else this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const fn of waiting) fn();
  }
}
