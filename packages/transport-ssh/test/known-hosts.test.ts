// known_hosts parsing and matching, checked against OpenSSH's own ssh-keygen
// (-H hashes entries, -F looks names up) so both sides agree on the format.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatKnownHostsLine,
  hostFieldMatches,
  keyBlobType,
  knownHostsName,
  lookupHostKey,
  parseKnownHosts,
  sha256Fingerprint,
} from '../src/index.js';
import { knownKeyTypes } from '../src/known-hosts.js';
import { HostKeyChecker } from '../src/host-key-checker.js';
import { generateKey, type KeyPair } from './helpers/sshd.js';

let dir: string;
let ed: KeyPair;
let ed2: KeyPair;
let rsa: KeyPair;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netx-kh-'));
  ed = generateKey(dir, 'a', 'ed25519');
  ed2 = generateKey(dir, 'b', 'ed25519');
  rsa = generateKey(dir, 'c', 'rsa');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pub = (k: KeyPair) => k.publicLine.split(' ').slice(0, 2).join(' ');

/** Does OpenSSH's ssh-keygen -F find `name` in `file`? */
function opensshFinds(file: string, name: string): boolean {
  try {
    return execFileSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes('found');
  } catch {
    return false; // exit status 1: not found
  }
}

describe('knownHostsName', () => {
  it('uses the bare host on port 22 and [host]:port elsewhere, lower-cased', () => {
    expect(knownHostsName('Router1.Example', 22)).toBe('router1.example');
    expect(knownHostsName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
    expect(knownHostsName('::1', 830)).toBe('[::1]:830');
  });
});

describe('host patterns', () => {
  it.each([
    ['router1,10.0.0.1', 'router1', true],
    ['router1,10.0.0.1', '10.0.0.1', true],
    ['router1,10.0.0.1', 'router2', false],
    ['*.example.com', 'r1.example.com', true],
    ['*.example.com', 'example.com', false],
    ['r?.lab', 'r1.lab', true],
    ['r?.lab', 'r10.lab', false],
    ['*.lab,!r9.lab', 'r1.lab', true],
    ['*.lab,!r9.lab', 'r9.lab', false],
    ['[127.0.0.1]:2222', '[127.0.0.1]:2222', true],
    ['[127.0.0.1]:2222', '127.0.0.1', false],
    ['127.0.0.1', '[127.0.0.1]:2222', false],
    ['[127.0.0.1]:*', '[127.0.0.1]:2222', true],
    ['ROUTER1', 'router1', true],
    ['*', 'anything', true],
  ])('%s vs %s -> %s', (field, name, want) => {
    expect(hostFieldMatches(field, name)).toBe(want);
  });

  it('matches entries hashed by ssh-keygen -H, for both name forms', () => {
    const file = join(dir, 'hashed');
    writeFileSync(file, `router1.example ${pub(ed)}\n[127.0.0.1]:2222 ${pub(rsa)}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const { entries } = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.hosts.startsWith('|1|'))).toBe(true);
    expect(lookupHostKey(entries, 'router1.example', ed.blob).status).toBe('known');
    expect(lookupHostKey(entries, '[127.0.0.1]:2222', rsa.blob).status).toBe('known');
    expect(lookupHostKey(entries, 'router2.example', ed.blob).status).toBe('unknown');
    expect(lookupHostKey(entries, '127.0.0.1', rsa.blob).status).toBe('unknown');
  });
});

describe('parseKnownHosts', () => {
  it('reads entries, markers and comments, and lists unreadable lines', () => {
    const text = [
      '# comment',
      '',
      `r1 ${pub(ed)} a comment with spaces`,
      `@revoked r2 ${pub(ed2)}`,
      `@cert-authority *.lab ${pub(rsa)}`,
      '@bogus r3 ssh-ed25519 AAAA',
      'r4 ssh-ed25519',
      `r5 ssh-rsa ${ed.publicLine.split(' ')[1]}`, // type field disagrees with the key
      'r6 ssh-ed25519 !!notbase64!!',
    ].join('\n');
    const parsed = parseKnownHosts(text);
    expect(parsed.entries.map((e) => [e.line, e.marker ?? '', e.hosts, e.keyType])).toEqual([
      [3, '', 'r1', 'ssh-ed25519'],
      [4, 'revoked', 'r2', 'ssh-ed25519'],
      [5, 'cert-authority', '*.lab', 'ssh-rsa'],
    ]);
    expect(parsed.invalidLines).toEqual([6, 7, 8, 9]);
  });
});

describe('lookupHostKey', () => {
  it('known, changed (same type, other key), unknown (other types only), revoked', () => {
    const { entries } = parseKnownHosts([`r1 ${pub(ed)}`, `r2 ${pub(rsa)}`, `@revoked r3 ${pub(ed2)}`, `r3 ${pub(ed)}`].join('\n'));
    expect(lookupHostKey(entries, 'r1', ed.blob)).toMatchObject({ status: 'known', entry: { line: 1 } });
    expect(lookupHostKey(entries, 'r1', ed2.blob)).toMatchObject({ status: 'changed' });
    expect(lookupHostKey(entries, 'r2', ed.blob)).toEqual({ status: 'unknown', otherKeyTypes: ['ssh-rsa'] });
    expect(lookupHostKey(entries, 'r3', ed2.blob)).toMatchObject({ status: 'revoked', entry: { line: 3 } });
    expect(lookupHostKey(entries, 'r3', ed.blob).status).toBe('known');
    expect(lookupHostKey(entries, 'nowhere', ed.blob)).toEqual({ status: 'unknown', otherKeyTypes: [] });
  });

  it('ignores @cert-authority lines (host certificates are not supported)', () => {
    const { entries } = parseKnownHosts(`@cert-authority r1 ${pub(ed)}`);
    expect(lookupHostKey(entries, 'r1', ed.blob).status).toBe('unknown');
  });

  it('knownKeyTypes lists the types on file for a name', () => {
    const { entries } = parseKnownHosts([`r1 ${pub(rsa)}`, `r1,r2 ${pub(ed)}`, `@revoked r1 ${pub(ed2)}`].join('\n'));
    expect(knownKeyTypes(entries, 'r1')).toEqual(['ssh-rsa', 'ssh-ed25519']);
    expect(knownKeyTypes(entries, 'r2')).toEqual(['ssh-ed25519']);
  });
});

describe('writing entries', () => {
  it('formatKnownHostsLine writes lines OpenSSH finds, plain and hashed', () => {
    const file = join(dir, 'written');
    writeFileSync(file, `${formatKnownHostsLine('[127.0.0.1]:2200', ed.blob)}\n${formatKnownHostsLine('router9', rsa.blob, true)}\n`);
    expect(opensshFinds(file, '[127.0.0.1]:2200')).toBe(true);
    expect(opensshFinds(file, 'router9')).toBe(true);
    expect(opensshFinds(file, 'router8')).toBe(false);
    expect(readFileSync(file, 'utf8')).not.toContain('router9');
  });

  it('fingerprints match ssh-keygen -l', () => {
    const out = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${ed.privatePath}.pub`], { encoding: 'utf8' });
    expect(out).toContain(sha256Fingerprint(ed.blob));
    expect(keyBlobType(ed.blob)).toBe('ssh-ed25519');
    expect(keyBlobType(rsa.blob)).toBe('ssh-rsa');
  });
});

describe('HostKeyChecker across re-keying', () => {
  it('accept-new writes once; the same key later passes; a different key on re-key is "changed"', () => {
    const file = join(dir, 'rekey');
    const checker = new HostKeyChecker({ host: '127.0.0.1', port: 2201, verify: true, knownHostsPath: file, policy: 'accept-new', hashKnownHosts: false, debug: () => undefined });
    expect(checker.check(ed.blob)).toBeUndefined();
    checker.commit();
    expect(checker.check(ed.blob)).toBeUndefined();
    checker.commit();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(checker.check(ed2.blob)?.problem).toBe('changed');
  });
});
