// Streaming benchmark (issue #13, item 6): 100 MB of `show tech` read by execute(),
// execute(cmd, { onData }) and stream(cmd) (and the streaming forms at 400 MB), each in
// its own process, with RSS before, at its peak and after. Standalone (`tsx src/stream.ts [MB]`) it rewrites only its own
// section of BENCHMARKS.md; run.ts includes it in a full run (`pnpm bench stream`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StreamMeasurement, StreamMode } from './stream-child.js';

export const STREAM_HEADING = '## Streaming a huge output (`tools/bench/src/stream*.ts`)';
const MODES: readonly StreamMode[] = ['execute', 'onData', 'stream'];

function runChild(mode: StreamMode, megabytes: number): StreamMeasurement {
  const file = fileURLToPath(new URL('./stream-child.ts', import.meta.url));
  // The workspace's sources (the `@netx/source` export condition), not a dist/ that may be stale.
  const args = ['--expose-gc', '--conditions=@netx/source', '--import', 'tsx', file, mode, String(megabytes)];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as StreamMeasurement;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function renderStreamSection(megabytes = 100): Promise<string> {
  // The streaming forms again at four times the size: what they hold must not grow with it.
  const rows = [...MODES.map((mode) => runChild(mode, megabytes)), runChild('onData', megabytes * 4), runChild('stream', megabytes * 4)];
  const label: Record<StreamMode, string> = {
    execute: '`execute(cmd)` (whole response held; `maxBufferSize` raised to fit)',
    onData: '`execute(cmd, { onData })`',
    stream: '`for await (const chunk of conn.stream(cmd))`',
  };
  const byMode = Object.fromEntries(rows.filter((r) => r.megabytes === megabytes).map((r) => [r.mode, r])) as Record<StreamMode, StreamMeasurement>;
  const growth = (r: StreamMeasurement) => r.rssPeak - r.rssBefore;
  return [
    STREAM_HEADING,
    '',
    `\`show tech\` (64 KiB chunks, one per event-loop turn as a socket read delivers them, from an in-process transport that`,
    'holds nothing itself), generic driver, each form in its own Node process (RSS is that process\'s),',
    'garbage collected before the command. The consumer only counts the characters.',
    '',
    '| form | output | time | MB/s | RSS before | RSS peak | RSS after | heap peak |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${label[r.mode]} | ${r.megabytes} MB | ${r.seconds.toFixed(2)} s | ${(r.megabytes / r.seconds).toFixed(0)} | ${mb(r.rssBefore)} | **${mb(r.rssPeak)}** | ${mb(r.rssAfter)} | ${mb(r.heapPeak)} |`,
    ),
    '',
    `Peak RSS growth over the baseline at ${megabytes} MB: execute() ${mb(growth(byMode.execute))}, onData ${mb(growth(byMode.onData))}, ` +
      `stream() ${mb(growth(byMode.stream))}. The streaming forms hold the last 1 KiB of the buffer (what a prompt or` +
      ' a pager prompt can still need; 4 KiB with a prompt pattern not anchored at the end), the chunk being read' +
      ' and the line it cuts; the rest is garbage the young-generation collector takes as it goes. Two things made' +
      ' that so: the receive buffer and the stream queue drop a chunk as soon as it is consumed (before, up to' +
      ' 1,024 consumed chunks stayed referenced until the next compaction, ~100 MB of heap at this size).',
  ].join('\n');
}

/** Replaces this section in BENCHMARKS.md (or appends it), leaving the others as they are. */
function updateBenchmarks(section: string): void {
  const path = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(STREAM_HEADING);
  if (start < 0) {
    writeFileSync(path, `${doc.trimEnd()}\n\n${section}\n`);
    return;
  }
  const next = doc.indexOf('\n## ', start + STREAM_HEADING.length);
  writeFileSync(path, `${doc.slice(0, start)}${section}\n${next < 0 ? '' : doc.slice(next)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = await renderStreamSection(Number(process.argv[2] ?? 100));
  console.log(section);
  updateBenchmarks(section);
}
