// Monitors watch the received stream, not the buffer: they keep working after the
// buffer was consumed, and each chunk costs O(limit + chunk) per monitor.

export type MonitorCallback = (index: number, match: RegExpExecArray) => void;

interface Monitor {
  readonly patterns: readonly RegExp[];
  readonly callback: MonitorCallback;
  readonly limit: number;
  /** The last `limit` characters of the stream (or fewer). */
  tail: string;
  /** Offset in `tail` before which matches were already reported. */
  reportedTo: number;
}

export class Monitors {
  private readonly list = new Set<Monitor>();

  add(patterns: readonly RegExp[], callback: MonitorCallback, limit: number): () => void {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('addMonitor: limit must be a positive integer (characters).');
    const m: Monitor = {
      patterns: patterns.map((p) => (/[gy]/.test(p.flags) ? new RegExp(p.source, p.flags.replace(/[gy]/g, '')) : p)),
      callback,
      limit,
      tail: '',
      reportedTo: 0,
    };
    this.list.add(m);
    return () => {
      this.list.delete(m);
    };
  }

  get size(): number {
    return this.list.size;
  }

  /** Searches the last `limit` characters after this chunk; calls back once per matching pattern. */
  feed(text: string, onError: (err: unknown) => void): void {
    for (const m of [...this.list]) {
      let tail = m.tail + text;
      let reported = m.reportedTo;
      if (tail.length > m.limit) {
        const cut = tail.length - m.limit;
        tail = tail.slice(cut);
        reported = Math.max(0, reported - cut);
      }
      const window = tail.slice(reported);
      let furthest = reported;
      m.patterns.forEach((re, index) => {
        const match = re.exec(window);
        if (!match) return;
        furthest = Math.max(furthest, reported + match.index + match[0].length);
        try {
          m.callback(index, match);
        } catch (err) {
          onError(err);
        }
      });
      m.tail = tail;
      m.reportedTo = furthest;
    }
  }
}
