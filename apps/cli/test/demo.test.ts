// The demo as users run it (`pnpm --filter @netx/cli run demo`): spawned from source,
// once with pipes and once in a real pseudo-terminal; and in-process with a lab where
// a device misbehaves, to see the demo fail loudly.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { demoDevices, type DemoDevice } from '../src/demo/lab.js';
import { runDemo } from '../src/demo.js';
import { testIo } from './helpers/cli-io.js';
import { spawnNetx } from './helpers/spawn.js';

const lab = demoDevices();
const faulty = lab.filter((d) => !d.expect.ok);
const healthy = lab.filter((d) => d.expect.ok);

/** The verdict table's row of a device: name, OS, transport, then the rest. */
const row = (text: string, d: DemoDevice) => text.split(/\r?\n/).find((l) => new RegExp(`^${d.name} +${d.profile} +${d.over} +`).test(l));

describe('the demo, spawned', () => {
  it('visits every device of the lab; the faulty ones fail as they should; exit 0', { timeout: 90_000 }, async () => {
    const p = spawnNetx([], { entry: 'demo' });
    expect(await p.exit, p.stdout() + p.stderr()).toBe(0);
    const out = p.stdout();
    expect(out).toMatch(new RegExp(`^netx demo: ${lab.length} simulated devices on 127\\.0\\.0\\.1`, 'm'));
    // One `netx run` per command, printed as a user would type it.
    expect(out).toMatch(/^\$ NETX_PASSWORD=admin NETX_ENABLE_PASSWORD=enable netx run -i \$LAB\/lab\.yaml --filter group=show-version -c 'show version' --enable --known-hosts \$LAB\/known_hosts /m);
    expect(out).toMatch(/^HOST +STATUS +DRIVER +TIME +DETAIL$/m);
    expect(out).toMatch(/^DEVICE +OS +OVER +LOGIN +EXPECTED +GOT +VERDICT$/m);
    for (const d of healthy) expect(row(out, d), d.name).toMatch(/ ok \(\S+, \d+ lines\) +ok$/);
    for (const d of faulty) {
      const code = d.expect.ok ? '' : d.expect.code;
      expect(row(out, d), d.name).toMatch(new RegExp(` ${code} +failed as expected$`));
    }
    expect(out).toMatch(new RegExp(`^Demo passed in [\\d.]+ s: ${healthy.length} device\\(s\\) answered, ${faulty.length} faulty device\\(s\\) failed as they should`, 'm'));
    // Off a terminal, netx reports one plain line per host on stderr, nothing else.
    const err = p.stderr().trimEnd().split('\n');
    expect(err.filter((l) => !/^\[\d+\/\d+\] (ok|FAILED) /.test(l))).toEqual([]);
    expect(err).toHaveLength(lab.length);
  });

  it('draws the live progress bar in a pseudo-terminal', { timeout: 90_000 }, async () => {
    const p = spawnNetx([], { entry: 'demo', pty: { columns: 120, rows: 40 } });
    expect(await p.exit, p.stdout()).toBe(0);
    const screen = p.stdout();
    const bars = screen.split('\r\x1b[2K').map((f) => f.split(/[\r\n]/)[0]!).filter((f) => f.startsWith('['));
    const n = lab.filter((d) => d.command === 'show version').length;
    expect(bars.some((f) => new RegExp(`^\\[[=> ]+\\] \\d+/${n} ok \\d+ failed \\d+ running [1-9]\\d* \\| `).test(f)), bars.join('\n')).toBe(true);
    expect(bars.some((f) => new RegExp(`^\\[=+\\] ${n}/${n} ok ${n - faulty.length} failed ${faulty.length} running 0 \\| `).test(f)), bars.join('\n')).toBe(true);
    expect(screen).toMatch(/\r\nDemo passed in /);
  });
});

describe('the demo, in-process', () => {
  it('fails with exit 1 and says which device misbehaved', async () => {
    const ios = lab.find((d) => d.name === 'ios-1')!;
    // A device expected to answer that hangs instead.
    const liar: DemoDevice = { ...ios, name: 'liar-1', login: 'SSH password, then silence', timeout: 500, sim: { faults: { hang: true } } };
    const io = testIo();
    const code = await runDemo({ io, devices: [ios, liar] });
    expect(code, io.stdout.text).toBe(1);
    expect(row(io.stdout.text, ios)).toMatch(/ ok \(ios, \d+ lines\) +ok$/);
    expect(row(io.stdout.text, liar)).toMatch(/ NETX_TIMEOUT +UNEXPECTED: NETX_TIMEOUT: appAuthenticate: nothing matched/);
    expect(io.stdout.text).toMatch(/^Demo FAILED in [\d.]+ s: 1 device\(s\) did not behave as expected: liar-1 \(NETX_TIMEOUT: /m);
  });
});
