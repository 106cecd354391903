// The received text, kept as a list of chunks with absolute offsets. Appending
// is O(chunk); reading a window is O(window). Never `buf += chunk` then slice:
// V8 flattens the rope on every slice and the whole read turns quadratic.

export class ReceiveBuffer {
  private chunks: string[] = [];
  /** Absolute offset of chunks[i]. */
  private offsets: number[] = [];
  /** Index of the first live chunk. */
  private head = 0;
  /** Absolute offset of the first live character. */
  private _start = 0;
  /** Absolute offset just after the last character. */
  private _end = 0;

  get start(): number {
    return this._start;
  }

  get end(): number {
    return this._end;
  }

  get length(): number {
    return this._end - this._start;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    this.offsets.push(this._end);
    this._end += text.length;
  }

  /** Text between absolute offsets `from` and `to` (clamped to the live range). */
  slice(from: number, to = this._end): string {
    const a = Math.max(from, this._start);
    const b = Math.min(to, this._end);
    if (b <= a) return '';
    let i = this.chunkAt(a);
    const parts: string[] = [];
    while (i < this.chunks.length && this.offsets[i]! < b) {
      const off = this.offsets[i]!;
      const chunk = this.chunks[i]!;
      parts.push(chunk.slice(Math.max(0, a - off), Math.min(chunk.length, b - off)));
      i++;
    }
    return parts.length === 1 ? parts[0]! : parts.join('');
  }

  /** The last `n` characters. */
  tail(n: number): string {
    return this.slice(this._end - n);
  }

  text(): string {
    return this.slice(this._start);
  }

  /** Drops everything before absolute offset `to`. */
  consume(to: number): void {
    const t = Math.min(Math.max(to, this._start), this._end);
    this._start = t;
    // A consumed chunk must not stay referenced until the next compaction: a streamed
    // response consumes chunk after chunk and would otherwise keep a thousand of them.
    while (this.head < this.chunks.length && this.offsets[this.head]! + this.chunks[this.head]!.length <= t) this.chunks[this.head++] = '';
    this.compact();
  }

  /** Removes everything from absolute offset `from` to the end (a pager prompt at the tail). */
  truncate(from: number): void {
    const f = Math.min(Math.max(from, this._start), this._end);
    while (this.chunks.length > this.head && this.offsets[this.chunks.length - 1]! >= f) {
      this.chunks.pop();
      this.offsets.pop();
    }
    const last = this.chunks.length - 1;
    if (last >= this.head) this.chunks[last] = this.chunks[last]!.slice(0, f - this.offsets[last]!);
    this._end = f;
    if (this._start > f) this._start = f;
  }

  clear(): void {
    this.consume(this._end);
  }

  private chunkAt(pos: number): number {
    let lo = this.head;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.offsets = this.offsets.slice(this.head);
      this.head = 0;
    }
  }
}
