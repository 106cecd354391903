// The `netx` program spawned from source against in-process virtual devices (the
// lab entry point): the progress bar in a real pseudo-terminal, flags, exit codes.
import { describe, expect, it } from 'vitest';
import { LAB_USER } from './helpers/cli-io.js';
import { spawnNetx } from './helpers/spawn.js';

const env = { NETX_PASSWORD: LAB_USER.password, NETX_ENABLE_PASSWORD: LAB_USER.enable };

describe('netx spawned, virtual devices', () => {
  it('draws a live progress bar in a pseudo-terminal, then the table; exit 1 with one host down', async () => {
    const p = spawnNetx(['run', 'lab://admin@s1', 'lab://admin@s2', 'lab://admin@s3', 'lab://admin@s4', 'lab://admin@ghost', '-j', '2', '-c', 'show clock', '-q'], {
      entry: 'lab',
      env: { ...env, NETX_LAB_DELAY: '300' },
      pty: { columns: 120, rows: 40 },
    });
    expect(await p.exit, p.stdout()).toBe(1);
    const screen = p.stdout();
    const frames = screen.split('\r\x1b[2K').slice(1).map((f) => f.split(/[\r\n]/)[0]!);
    const bars = frames.filter((f) => f.startsWith('['));
    // Redrawn while hosts were running, with counts, rate and ETA.
    expect(bars.some((f) => /^\[[=> ]+\] [1-4]\/5 ok \d failed [01] running [12] \| [\d.]+\/s ETA /.test(f)), bars.join('\n')).toBe(true);
    expect(bars.at(-1)).toMatch(/^\[=+\] 5\/5 ok 4 failed 1 running 0 \| [\d.]+\/s ETA 0\.0s$/);
    expect(frames.some((f) => /^\[\d\/5\] FAILED ghost NETX_CONNECTION: No virtual device answers at ghost:23/.test(f))).toBe(true);
    expect(screen).toMatch(/\r\nHOST +STATUS +DRIVER +TIME +DETAIL\r\n/);
    expect(screen).toMatch(/\r\n5 host\(s\): 4 ok, 1 failed in \d+\.\d\ds\r\n/);
  });

  it('without a terminal: one plain line per host on stderr, the JSON document alone on stdout', async () => {
    const p = spawnNetx(['run', 'lab://admin@r1', 'lab://admin@j1', '-c', 'show version', '--json'], { entry: 'lab', env });
    expect(await p.exit, p.stderr()).toBe(0);
    const lines = p.stderr().trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/^\[\d\/2\] /, '').replace(/ \d+\.\ds$/, '')).sort()).toEqual(['ok j1 (junos)', 'ok r1 (ios)']);
    expect(lines.map((l) => l.slice(0, 6)).sort()).toEqual(['[1/2] ', '[2/2] ']);
    const doc = JSON.parse(p.stdout()) as { results: { host: string; ok: boolean; driver: string }[]; summary: { ok: number } };
    expect(doc.results.map((r) => [r.host, r.ok, r.driver])).toEqual([
      ['r1', true, 'ios'],
      ['j1', true, 'junos'],
    ]);
    expect(doc.summary.ok).toBe(2);
  });

  it('unknown flags and commands exit 2; --help exits 0', async () => {
    const bad = spawnNetx(['run', '--frobnicate', 'ssh://r1', '-c', 'x']);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toContain("error: unknown option '--frobnicate'");
    const help = spawnNetx(['run', '--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('Usage: netx run [options] [urls...]');
    expect(help.stdout()).toContain('Examples:');
  });
});
