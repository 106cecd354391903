// The `netx` program run in-process (runCli) with virtual devices behind a `lab://`
// transport: outputs, exit codes, usage errors, password prompt, shell, guess, help.
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iosDevice } from '@netx/transport-dummy';
import { runCli } from '../src/cli/program.js';
import { labContainer, labDevices, LAB_USER, testIo } from './helpers/cli-io.js';

const env = { NETX_PASSWORD: LAB_USER.password, NETX_ENABLE_PASSWORD: LAB_USER.enable };
const tmp = mkdtempSync(join(tmpdir(), 'netx-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function netx(argv: string[], opts: Parameters<typeof testIo>[0] = { env }, devices = labDevices()) {
  const io = testIo(opts);
  const { c, made } = labContainer(io, devices);
  const code = await runCli(argv, c);
  return { code, out: io.stdout.text, err: io.stderr.text, io, made };
}

describe('netx run (in-process)', () => {
  it('prints each output and a table; exit 1 when a host fails; plain progress lines off a terminal', async () => {
    const r = await netx(['run', 'lab://admin@r1', 'lab://admin@j1', 'lab://admin@ghost', '-c', 'show version', '--enable']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('=== r1: show version ===\nCisco IOS Software, C2900 Software');
    expect(r.out).toContain('=== j1: show version ===\nHostname: j1');
    expect(r.out).toMatch(/^HOST +STATUS +DRIVER +TIME +DETAIL$/m);
    expect(r.out).toMatch(/^r1 +ok +ios +\d+\.\d\ds +1 command\(s\)$/m);
    expect(r.out).toMatch(/^ghost +FAILED +- +\d+\.\d\ds +NETX_CONNECTION: No virtual device answers at ghost:23/m);
    expect(r.out).toMatch(/^3 host\(s\): 2 ok, 1 failed in \d+\.\d\ds$/m);
    expect(r.err.split('\n').filter((l) => /^\[\d\/3\] /.test(l))).toHaveLength(3);
    expect(r.out + r.err).not.toContain(LAB_USER.password);
  });

  it('--json: one document, results in the order given, field by field', async () => {
    const r = await netx(['run', 'lab://admin@r2', 'lab://admin@r1', '-c', 'show clock', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { results: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(doc.results.map((x) => x.host)).toEqual(['r2', 'r1']);
    const r1 = doc.results[1]!;
    expect(r1).toMatchObject({ host: 'r1', url: 'lab://admin@r1', ok: true, started: true, driver: 'ios', attempts: 1 });
    expect(r1.outputs).toEqual([{ command: 'show clock', output: expect.stringMatching(/^\*\d\d:\d\d:\d\d/) as unknown, ms: expect.any(Number) as unknown }]);
    expect(doc.summary).toMatchObject({ total: 2, ok: 2, failed: 0, aborted: 0, errors: {} });
  });

  it('--ndjson with an inventory, a filter and a parser', async () => {
    const inv = join(tmp, 'inv.yaml');
    writeFileSync(inv, 'defaults: { username: admin }\ngroups: { core: {} }\nhosts:\n  r1: { url: "lab://r1", groups: [core] }\n  r2: lab://r2\n  r3: { url: "lab://r3", groups: [core] }\n');
    const io = testIo({ env });
    const { c } = labContainer(io, labDevices(), { name: 'test', parse: (platform, command, text) => [{ platform, command, lines: text.split('\n').length }] });
    const code = await runCli(['run', '-i', inv, '--filter', 'group=core', '-c', 'show clock', '--parse', '--ndjson'], c);
    expect(code).toBe(0);
    const lines = io.stdout.text.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; host?: string; outputs?: { parsed: unknown }[] });
    expect(lines.map((l) => l.type)).toEqual(['host', 'host', 'summary']);
    expect(lines.slice(0, 2).map((l) => l.host).sort()).toEqual(['r1', 'r3']);
    expect(lines[0]!.outputs![0]!.parsed).toEqual([{ platform: 'ios', command: 'show clock', lines: 1 }]);
  });

  it('usage errors exit 2 and say what to do', async () => {
    const cases: [string[], string][] = [
      [['run', '-c', 'x'], 'netx: No hosts: give URLs'],
      [['run', 'lab://r1', '-i', 'x.yaml', '-c', 'x'], 'netx: Give hosts either as URLs or with -i FILE, not both.'],
      [['run', 'lab://r1'], 'netx: Nothing to run: give -c COMMAND'],
      [['run', 'lab://r1', '-c', 'x', '--parse'], 'netx: --parse needs a parser (@netx/textfsm)'],
      [['run', 'lab://r1', '-c', 'x', '-j', '0'], 'netx: -j/--concurrency takes a whole number >= 1, not "0".'],
      [['run', 'ftp://r1', '-c', 'x'], 'unknown scheme "ftp"; known: lab'],
      [['run', 'lab://r1', '-c', 'x', '--driver', 'nosuch'], 'netx: Unknown driver "nosuch"; known drivers: generic, ios'],
      [['run', 'lab://r1', '-c', 'x', '--json', '--ndjson'], 'netx: Choose one of --json and --ndjson.'],
      [['run', 'lab://r1', '-c', 'x', '--bogus'], "error: unknown option '--bogus'"],
      [['frobnicate'], "error: unknown command 'frobnicate'"],
      [['inventory'], "error: required option '-i, --inventory <file>' not specified"],
    ];
    for (const [argv, message] of cases) {
      const r = await netx(argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.err).toContain(message);
    }
    const noPw = await netx(['run', 'lab://admin@r1', '-c', 'show clock'], { env: {} });
    expect(noPw.code).toBe(2);
    expect(noPw.err).toBe('netx: No password: set NETX_PASSWORD (and NETX_ENABLE_PASSWORD for --enable), give --credentials FILE, --key FILE or --agent, or run on a terminal to be asked.\n');
    const creds = join(tmp, 'creds.yaml');
    writeFileSync(creds, 'default: { password: x }\n', { mode: 0o644 });
    const open = await netx(['run', 'lab://admin@r1', '-c', 'x', '--credentials', creds]);
    expect(open.code).toBe(2);
    expect(open.err).toContain(`netx: Refusing the credentials file ${creds}: its mode is 0644`);
  });

  it('asks the password once on a terminal (hidden, raw mode) for hosts that share the account', async () => {
    const io = testIo({ tty: true, size: { columns: 100, rows: 30 } });
    const { c } = labContainer(io, labDevices());
    const done = runCli(['run', 'lab://admin@r1', 'lab://admin@r2', 'lab://admin@r3', '-c', 'show clock', '-q'], c);
    await io.stderr.waitFor('Password for admin: ', 'the password prompt');
    io.stdin.write(`${LAB_USER.password}\r`);
    expect(await done).toBe(0);
    expect(io.stderr.text.match(/Password for admin: /g)).toHaveLength(1);
    expect(io.stdin.rawModes).toEqual([true, false]);
    expect(io.stderr.text).not.toContain(LAB_USER.password);
    expect(io.stderr.text).toMatch(/\[=+\] 3\/3 ok 3 failed 0 running 0 \| [\d.]+\/s ETA/);
    expect(io.stdout.text).toMatch(/^3 host\(s\): 3 ok, 0 failed/m);
  });
});

describe('netx shell, guess, inventory, completion, help (in-process)', () => {
  it('shell: logs in, shows the prompt, forwards keys and the window size; Ctrl-] closes', async () => {
    const io = testIo({ env, tty: true, size: { columns: 132, rows: 40 } });
    const { c, made } = labContainer(io, labDevices());
    const done = runCli(['shell', 'lab://admin@r1'], c);
    await io.stdout.waitFor('r1>', 'the prompt');
    io.stdout.columns = 100;
    io.stdout.emit('resize');
    io.stdin.write('show clock\r');
    await io.stdout.waitFor(/\*\d\d:\d\d/, 'the output of show clock');
    io.stdin.write('\u001d');
    expect(await done).toBe(0);
    expect(io.stderr.text).toContain('netx: connected to lab://admin@r1 (driver ios); Ctrl-] closes the session.');
    expect(made[0]!.resizes).toEqual([
      { columns: 132, rows: 40 },
      { columns: 132, rows: 40 },
      { columns: 100, rows: 40 },
    ]);
    expect(io.stdin.rawModes).toEqual([true, false]);
  });

  it('guess: prints the guessed driver and the scores', async () => {
    const r = await netx(['guess', 'lab://admin@r1', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { driver: string; scores: { name: string; score: number }[] };
    expect(doc.driver).toBe('ios');
    expect(doc.scores[0]!.name).toBe('ios');
    expect(doc.scores[0]!.score).toBeGreaterThan(0);
    const text = await netx(['guess', 'lab://admin@j1']);
    expect(text.out).toMatch(/^lab:\/\/admin@j1: junos\nDRIVER +SCORE\njunos +\d+/);
  });

  it('inventory: lists hosts; a broken file exits 1 naming file and line', async () => {
    const good = join(tmp, 'good.yaml');
    writeFileSync(good, 'hosts:\n  r1: lab://admin@r1\n  r2: { url: "lab://r2", driver: ios }\n');
    const r = await netx(['inventory', '-i', good]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`NAME  URL             DRIVER   GROUPS\nr1    lab://admin@r1  (guess)  -\nr2    lab://r2        ios      -\n2 host(s) in ${good}\n`);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'hosts:\n  r1: lab://r1\n  r2: { url: "ssh://r2" }\n');
    const b = await netx(['inventory', '-i', bad]);
    expect(b.code).toBe(1);
    expect(b.err).toBe(`${bad}:3:14: host "r2": unknown scheme "ssh"; known: lab\n`);
  });

  it('completion bash lists the commands and flags; every command has --help with examples', async () => {
    const r = await netx(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('complete -o filenames -F _netx netx');
    expect(r.out).toContain('compgen -W "run shell guess inventory completion --help --version"');
    expect(r.out).toMatch(/run\) words="[^"]*-i --inventory[^"]*--ndjson/);
    expect((await netx(['completion', 'fish'])).code).toBe(2);
    for (const cmd of ['run', 'shell', 'guess', 'inventory', 'completion']) {
      const h = await netx([cmd, '--help']);
      expect([cmd, h.code]).toEqual([cmd, 0]);
      expect(h.out).toContain('Examples:');
    }
  });

  it('a device that never answers the login is a failure with the timeout, not a hang', async () => {
    const devices = { quiet: iosDevice({ hostname: 'quiet', greetingDelay: 3_600_000 }) };
    const r = await netx(['run', 'lab://admin@quiet', '-c', 'x', '--timeout', '0.2', '--json'], { env }, devices);
    expect(r.code).toBe(1);
    const error = JSON.parse(r.out).results[0].error as { code: string; message: string };
    expect(error, JSON.stringify(error)).toMatchObject({ code: 'NETX_TIMEOUT' });
  });
});
