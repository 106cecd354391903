// Writers for run results: NDJSON (one record per line as hosts finish, then the
// summary) and JSON (one document at the end).
import type { FleetRun } from './runner/run.js';
import type { HostResult, RunSummary } from './runner/types.js';

/** Anything with write(text): a stream, or a collecting array's push wrapper. */
export interface TextSink {
  write(text: string): unknown;
}

/** One line per host (`"type":"host"`), as each finishes, then a `"type":"summary"` line. */
export async function writeNdjson(run: FleetRun, out: TextSink, onResult?: (r: HostResult) => void): Promise<RunSummary> {
  for await (const r of run) {
    out.write(`${JSON.stringify({ type: 'host', ...r })}\n`);
    onResult?.(r);
  }
  const summary = await run.summary;
  out.write(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
  return summary;
}

/** `{ "results": [...], "summary": {...} }` once the run is over (results in inventory order). */
export async function writeJson(run: FleetRun, out: TextSink, order?: readonly string[], onResult?: (r: HostResult) => void): Promise<RunSummary> {
  const results: HostResult[] = [];
  for await (const r of run) {
    results.push(r);
    onResult?.(r);
  }
  const summary = await run.summary;
  if (order) results.sort((a, b) => order.indexOf(a.host) - order.indexOf(b.host));
  out.write(`${JSON.stringify({ results, summary }, null, 2)}\n`);
  return summary;
}
