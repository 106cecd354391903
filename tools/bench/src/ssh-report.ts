// Turns the SSH benchmark's medians into the BENCHMARKS.md table: netx against
// the bare ssh2 floor, with the overhead the issue's target (within 10%) reads.
import { runSshBench } from './ssh.js';

function fmt(seconds: number): string {
  return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(2)} ms`;
}

export async function renderSshSection(): Promise<string> {
  const { results, executeTrials, pinning } = await runSshBench();
  const ids = [...new Set(results.map((r) => r.id))];
  const rows = ids.map((id) => {
    const netx = results.find((r) => r.id === id && r.client === 'netx');
    const floor = results.find((r) => r.id === id && r.client === 'ssh2 floor');
    if (!netx || !floor) throw new Error(`ssh bench: missing a result for ${id}`);
    const overhead = (netx.seconds / floor.seconds - 1) * 100;
    return `| ${netx.label} | ${fmt(netx.seconds)} | ${fmt(floor.seconds)} | ${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}% | ${netx.runs} |`;
  });
  return [
    '## SSH against a loopback OpenSSH sshd (`tools/bench/src/ssh.ts`)',
    '',
    'netx (`Protocol` over `SshTransport`, built packages as installed) and the floor (a bare ssh2',
    'shell channel doing the same reads, TCP_NODELAY on both) against one sshd whose ForceCommand is',
    'the test device (a virtual IOS router of `@netx/virtual-device` on the pty; its `show version` is',
    '1.7 KB). The clients alternate, the order swapped every round. Medians; the round',
    `trip is the median of ${executeTrials.length} trials, each on a fresh pair of connections.`,
    `CPUs: ${pinning || 'not pinned (one CPU or no taskset)'}. Target: netx within 10% of the floor on each row.`,
    '',
    '| measurement | netx | ssh2 floor | netx overhead | runs |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Round-trip overhead in each trial: ${executeTrials.map((x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`).join(', ')}.`,
    '',
  ].join('\n');
}
