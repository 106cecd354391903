// netx as a third party gets it: every publishable package packed with `pnpm pack`
// (prepack builds it), checked with publint and attw (ESM-only profile), installed from
// the tarballs into a fresh npm project, typechecked there with skipLibCheck false under
// nodenext and bundler resolution (TypeScript 5), and run against real servers: busybox
// telnetd and OpenSSH sshd on 127.0.0.1 (the transport tests' own helpers start them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, TEST_USER } from '../../../packages/transport-ssh/test/helpers/sshd.js';
import { ttyDeviceProgram } from '../../../packages/transport-ssh/test/device/tty-device.js';
import { startTelnetd } from '../../../packages/transport-telnet/test/helpers/telnetd.js';
import { CONSUMER, createConsumer, exec, installable, typecheck, type RunResult } from '../src/consumer.js';
import { packAll, type PackResult } from '../src/pack.js';
import { publishablePackages, type Manifest } from '../src/workspace.js';

const packages = publishablePackages();
const PUBLISH_CHECKS = fileURLToPath(new URL('../src/publish-checks.mjs', import.meta.url));

let work: string;
let project: string;
let packed: PackResult[] = [];
let install: RunResult;
let installed: Manifest[] = [];
let checks: Record<string, { publint: string[]; attw: string }> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'netx-pack-test-'));
  project = join(work, 'netx-driver-acme');
  const started = Date.now();
  packed = await packAll(join(work, 'tarballs'), packages);
  const packSeconds = (Date.now() - started) / 1000;
  const ok = packed.filter((p) => p.tarball);
  installed = installable(packed, packages.map((p) => p.manifest));
  // The checks read the tarballs while npm installs them: two cores, two jobs.
  const [checked, npmInstall] = await Promise.all([
    exec(process.execPath, [PUBLISH_CHECKS, ...ok.map((p) => p.tarball!)], work, 240_000),
    createConsumer(project, packed, installed),
  ]);
  if (checked.code !== 0) throw new Error(`publish-checks.mjs failed: ${checked.stderr}`);
  checks = JSON.parse(checked.stdout);
  install = npmInstall;
  // The CI budget for this file is ~3 minutes; the log says where the time went.
  console.log(`pack-test: packed ${ok.length} in ${packSeconds}s; publint/attw + npm install in ${(Date.now() - started) / 1000 - packSeconds}s`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function tarballOf(name: string): string {
  const p = packed.find((r) => r.name === name);
  expect(p?.error ?? '', `pnpm pack ${name}`).toBe('');
  return p!.tarball!;
}

// Both typechecks start together (two cores); the nodenext one also emits out/*.js,
// which the run tests execute.
let typechecks: Record<'nodenext' | 'bundler', Promise<RunResult>> | undefined;
const typechecked = (mode: 'nodenext' | 'bundler') =>
  (typechecks ??= { nodenext: typecheck(project, 'nodenext'), bundler: typecheck(project, 'bundler') })[mode];
const compiled = () => typechecked('nodenext');

async function nodeRun(program: string, ...args: string[]): Promise<RunResult> {
  expect((await compiled()).code, 'the consumer compiles').toBe(0);
  return exec(process.execPath, [`${CONSUMER}/out/${program}`, ...args], project, 90_000);
}

describe.each(packages.map((p) => [p.manifest.name]))('%s, packed', (name) => {
  it('packs: prepack builds it and every file its exports name is there', () => {
    expect(tarballOf(name)).toMatch(/\.tgz$/);
  });

  it('publint --strict finds nothing', () => {
    expect(checks[tarballOf(name)]?.publint).toEqual([]);
  });

  it('attw --profile esm-only finds no problem', () => {
    expect(checks[tarballOf(name)]?.attw).toBe('');
  });
});

describe('a fresh npm project with every tarball installed', () => {
  it('npm installs every tarball (third-party dependencies from the registry)', () => {
    expect(install.stderr.replace(/^npm warn.*$/gim, '').trim(), install.stdout).toBe('');
    expect(install.code).toBe(0);
    const left = packages.map((p) => p.manifest.name).filter((n) => !installed.some((m) => m.name === n));
    expect(left, 'left out: not packed, or a @netx dependency was not').toEqual([]);
  });

  it.each(['nodenext', 'bundler'] as const)('typechecks with skipLibCheck false, moduleResolution %s, TypeScript 5', async (mode) => {
    const r = await typechecked(mode);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('every entry point loads in Node and exports something', async () => {
    const r = await nodeRun('all-entries.js');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { entries: number; empty: string[] };
    expect(out.empty).toEqual([]);
    expect(out.entries).toBeGreaterThanOrEqual(installed.length);
  });

  it('logs into busybox telnetd, enables and runs show version', async () => {
    const d = await startTelnetd(ttyDeviceProgram({ login: 'username+password', username: 'admin', password: 'secret', enablePassword: 'enable-secret' }));
    try {
      const r = await nodeRun('login.js', 'telnet', d.host, String(d.port), 'admin', 'secret', 'enable-secret');
      expect(r.stdout + r.stderr, `telnetd: ${d.stderr()}`).not.toContain('"error"');
      expect(r.stderr, d.stderr()).toBe('');
      const out = JSON.parse(r.stdout) as { driver?: string; response?: string };
      expect(out.driver).toBe('ios');
      expect(out.response).toContain('Version 15.7(3)M8');
    } finally {
      await d.stop();
    }
  });

  it('logs into OpenSSH sshd (host key checked in known_hosts) and runs show version', async () => {
    const sshd = await startSshd();
    try {
      const knownHosts = join(work, 'known_hosts');
      const [type, blob] = sshd.hostKeys.ed25519.publicLine.split(' ');
      writeFileSync(knownHosts, `[${sshd.host}]:${sshd.port} ${type} ${blob}\n`);
      const r = await nodeRun('login.js', 'ssh', sshd.host, String(sshd.port), TEST_USER.name, TEST_USER.password, knownHosts);
      expect(r.stdout + r.stderr, `sshd: ${sshd.log()}`).not.toContain('"error"');
      expect(r.stderr, sshd.log()).toBe('');
      const out = JSON.parse(r.stdout) as { driver?: string; response?: string };
      expect(out.response).toContain('Version');
    } finally {
      await sshd.stop();
    }
  });
});

describe('the project is a copy of examples/netx-driver-example (docs/writing-a-driver.md §7)', () => {
  it.each([
    ['typecheck', 'tsc -p tsconfig.json --noEmit'],
    ['test', 'vitest run: the driver kit and the end-to-end test'],
    ['lint', 'build, publint --strict, attw --pack . --profile esm-only'],
  ])('npm run %s (%s) passes outside the repository', async (script) => {
    expect(install.code, 'npm install').toBe(0);
    const r = await exec('npm', ['run', script], project, 180_000);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  });
});
