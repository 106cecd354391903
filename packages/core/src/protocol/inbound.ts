// What happens to every chunk the transport delivers, in this order: raw taps
// (interact), decode, the redacted copy for people (debug trace, stdout, log file),
// the OS guesser, monitors, dataReceived listeners, and last the expect engine,
// which may settle a wait. Nothing here may throw into the transport's data handler.
import type { TextCodec } from './decoder.js';
import type { DriverContext } from './driver-context.js';
import { visible, type ConversationLog, type DebugLog, type SecretRedactor } from './logging.js';
import type { Monitors } from './monitors.js';
import type { WaitEngine } from './wait-engine.js';

export type DataListener = (text: string) => void;

export class Inbound {
  readonly dataListeners = new Set<DataListener>();
  readonly rawTaps = new Set<(bytes: Uint8Array) => void>();

  constructor(
    private readonly codec: TextCodec,
    private readonly redactor: SecretRedactor,
    private readonly log: ConversationLog,
    private readonly dbg: DebugLog,
    private readonly drivers: DriverContext,
    private readonly monitors: Monitors,
    private readonly engine: WaitEngine,
  ) {}

  bytes(bytes: Uint8Array): void {
    if (this.rawTaps.size > 0) for (const tap of [...this.rawTaps]) tap(bytes);
    const text = this.codec.decode(bytes);
    if (text.length > 0) this.text(text);
  }

  /** The stream ended: text held back (a partial character, a possible secret) goes through. */
  end(): void {
    const rest = this.codec.flush();
    if (rest.length > 0) this.text(rest);
    this.log.write(this.redactor.flush());
  }

  private text(text: string): void {
    // Redacting costs a pass over every chunk: only pay for it when someone reads the copy.
    const traced = this.dbg.enabled(5);
    if (traced || this.log.active) {
      const safe = this.redactor.stream(text);
      if (traced) this.dbg.log(5, `recv ${visible(safe)}`);
      this.log.write(safe);
    } else if (this.dbg.enabled(4)) this.dbg.log(4, `recv ${text.length} characters`);
    this.drivers.data(text);
    if (this.monitors.size > 0) this.monitors.feed(text, (err) => this.dbg.log(1, `monitor callback failed: ${String(err)}`));
    if (this.dataListeners.size > 0) {
      for (const fn of [...this.dataListeners]) {
        try {
          fn(text);
        } catch (err) {
          this.dbg.log(1, `dataReceived listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    this.engine.push(text);
  }
}
