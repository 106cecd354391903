// The default output of `netx run`: each host's outputs, then a summary table.
import type { HostResult, RunSummary } from '@netx/fleet';

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function outputsText(results: readonly HostResult[]): string {
  const parts: string[] = [];
  for (const r of results) {
    for (const o of r.outputs) {
      parts.push(`=== ${r.host}: ${o.command}${o.error ? ` (${o.error})` : ''} ===`);
      if (o.output !== '') parts.push(o.output);
      if (o.parsed) parts.push(JSON.stringify(o.parsed, null, 2));
    }
    if (r.result !== undefined) parts.push(`=== ${r.host}: result ===`, JSON.stringify(r.result, null, 2));
  }
  return parts.length ? `${parts.join('\n')}\n` : '';
}

export function summaryTable(results: readonly HostResult[], summary: RunSummary): string {
  const rows = [['HOST', 'STATUS', 'DRIVER', 'TIME', 'DETAIL']];
  for (const r of results) {
    const status = r.ok ? 'ok' : r.started ? 'FAILED' : 'not started';
    const detail = r.error ? `${r.error.code}: ${r.error.message.split('\n')[0]}` : `${r.outputs.length} command(s)`;
    rows.push([r.host, status, r.driver ?? '-', `${(r.timings.totalMs / 1000).toFixed(2)}s`, detail]);
  }
  const line = `${summary.total} host(s): ${summary.ok} ok, ${summary.failed} failed${summary.aborted ? ` (${summary.aborted} stopped)` : ''} in ${(summary.durationMs / 1000).toFixed(2)}s`;
  return `${formatTable(rows)}\n${line}\n`;
}
