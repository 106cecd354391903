// Did every device of the lab do what it should? Healthy devices must succeed
// with the right driver and output; faulty ones must fail with their error code.
import type { HostResult } from '@netx/fleet';
import { formatTable } from '../cli/table.js';
import type { DemoDevice } from './lab.js';

export interface Check {
  readonly device: DemoDevice;
  readonly result: HostResult | undefined;
  /** Empty when the device behaved as expected. */
  readonly problem: string;
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

export function check(device: DemoDevice, result: HostResult | undefined): Check {
  const want = device.expect;
  const problem = (() => {
    if (!result) return 'no result';
    if (!want.ok) {
      if (result.ok) return `succeeded, but should fail with ${want.code}`;
      return result.error?.code === want.code ? '' : `failed with ${result.error?.code ?? '?'} instead of ${want.code}`;
    }
    if (!result.ok) return `${result.error?.code ?? 'failed'}: ${firstLine(result.error?.message ?? '')}`;
    if (!want.drivers.includes(result.driver ?? '')) return `driver ${result.driver ?? '-'} instead of ${want.drivers.join(' or ')}`;
    const output = result.outputs.map((o) => o.output).join('\n');
    return output.includes(want.contains) ? '' : `the output lacks "${want.contains}"`;
  })();
  return { device, result, problem };
}

function got(c: Check): string {
  const r = c.result;
  if (!r) return '-';
  if (!r.ok) return r.error?.code ?? 'failed';
  const lines = r.outputs.reduce((n, o) => n + o.output.split('\n').length, 0);
  return `ok (${r.driver}, ${lines} lines)`;
}

export function verdictTable(checks: readonly Check[]): string {
  const rows = [['DEVICE', 'OS', 'OVER', 'LOGIN', 'EXPECTED', 'GOT', 'VERDICT']];
  for (const c of checks) {
    const d = c.device;
    const expected = d.expect.ok ? 'ok' : `${d.expect.code} (${d.expect.why})`;
    const verdict = c.problem === '' ? (d.expect.ok ? 'ok' : 'failed as expected') : `UNEXPECTED: ${c.problem}`;
    rows.push([d.name, d.profile, d.over, d.login, expected, got(c), verdict]);
  }
  return formatTable(rows);
}

/** The last lines: passed or failed, and why. */
export function verdictSummary(checks: readonly Check[], seconds: number): { passed: boolean; text: string } {
  const bad = checks.filter((c) => c.problem !== '');
  const healthy = checks.filter((c) => c.device.expect.ok && c.problem === '').length;
  const faulty = checks.filter((c) => !c.device.expect.ok && c.problem === '');
  const codes = faulty.map((c) => (c.device.expect.ok ? '' : c.device.expect.code));
  const took = `in ${seconds.toFixed(1)} s`;
  if (bad.length === 0) {
    return {
      passed: true,
      text: `Demo passed ${took}: ${healthy} device(s) answered, ${faulty.length} faulty device(s) failed as they should (${codes.join(', ')}).`,
    };
  }
  return {
    passed: false,
    text: `Demo FAILED ${took}: ${bad.length} device(s) did not behave as expected: ${bad.map((c) => `${c.device.name} (${c.problem})`).join('; ')}.`,
  };
}
