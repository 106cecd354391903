// Live progress on a terminal (one redrawn line) or plain lines elsewhere.
import type { Clock } from '@netx/core';
import type { HostResult, RunProgress } from '@netx/fleet';
import type { OutStream } from './io.js';

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`);

/** `[=====>    ] 12/100 ok 10 failed 2 running 8 | 3.2/s ETA 27s` fitted to `width`. */
export function renderBar(p: RunProgress, width = 80): string {
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = rate > 0 ? seconds(((p.total - p.done) / rate) * 1000) : '?';
  const tail = ` ${p.done}/${p.total} ok ${p.ok} failed ${p.failed} running ${p.running} | ${rate.toFixed(1)}/s ETA ${eta}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 3));
  const filled = p.total === 0 ? barWidth : Math.floor((p.done / p.total) * barWidth);
  const bar = filled >= barWidth ? '='.repeat(barWidth) : `${'='.repeat(filled)}>${' '.repeat(barWidth - filled - 1)}`;
  return `[${bar}]${tail}`.slice(0, Math.max(20, width - 1));
}

/** One line per finished host, for logs and pipes. */
export function resultLine(r: HostResult, index: number, total: number): string {
  const head = `[${index}/${total}]`;
  if (r.ok) return `${head} ok ${r.host}${r.driver ? ` (${r.driver})` : ''} ${seconds(r.timings.totalMs)}`;
  const why = r.error ? `${r.error.code}: ${r.error.message.split('\n')[0]}` : 'failed';
  return `${head} ${r.started ? 'FAILED' : 'not started'} ${r.host} ${why}`;
}

export interface ProgressView {
  result(r: HostResult): void;
  /** Extra text above the bar (messages). */
  note(text: string): void;
  stop(): void;
}

/** A redrawn bar on a TTY (every 250 ms on the clock and at each result), plain lines otherwise. */
export function progressView(out: OutStream, progress: () => RunProgress, clock: Clock): ProgressView {
  let count = 0;
  if (!out.isTTY) {
    return {
      result: (r) => void out.write(`${resultLine(r, ++count, progress().total)}\n`),
      note: (text) => void out.write(`${text}\n`),
      stop: () => undefined,
    };
  }
  let timer: unknown;
  let stopped = false;
  const draw = () => void out.write(`\r\x1b[2K${renderBar(progress(), out.columns || 80)}`);
  const tick = () => {
    if (stopped) return;
    draw();
    timer = clock.setTimeout(tick, 250);
  };
  tick();
  return {
    result: (r) => {
      count++;
      if (!r.ok) out.write(`\r\x1b[2K${resultLine(r, count, progress().total)}\n`);
      draw();
    },
    note: (text) => {
      out.write(`\r\x1b[2K${text}\n`);
      draw();
    },
    stop: () => {
      stopped = true;
      clock.clearTimeout(timer);
      draw();
      out.write('\n');
    },
  };
}
