// OpenSSH known_hosts: parsing, host matching (plain, wildcard, negated,
// hashed `|1|salt|hash`, `[host]:port`), lookups and appending new entries.
// Pure functions over text and bytes, apart from the two small file helpers at the end.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type KnownHostsMarker = 'revoked' | 'cert-authority';

export interface KnownHostsEntry {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly marker?: KnownHostsMarker;
  /** The host pattern field as written (comma list, or one `|1|salt|hash`). */
  readonly hosts: string;
  readonly keyType: string;
  readonly key: Buffer;
}

export interface ParsedKnownHosts {
  readonly entries: KnownHostsEntry[];
  /** Lines that were neither blank, comments nor valid entries. */
  readonly invalidLines: number[];
}

export function parseKnownHosts(text: string): ParsedKnownHosts {
  const entries: KnownHostsEntry[] = [];
  const invalidLines: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const fields = raw.split(/[ \t]+/);
    let marker: KnownHostsMarker | undefined;
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift()!.slice(1);
      if (m !== 'revoked' && m !== 'cert-authority') {
        invalidLines.push(i + 1);
        continue;
      }
      marker = m;
    }
    const [hosts, keyType, keyText] = fields;
    if (!hosts || !keyType || !keyText || !/^[A-Za-z0-9+/]+={0,2}$/.test(keyText)) {
      invalidLines.push(i + 1);
      continue;
    }
    const key = Buffer.from(keyText, 'base64');
    if (keyBlobType(key) !== keyType) {
      invalidLines.push(i + 1);
      continue;
    }
    entries.push({ line: i + 1, hosts, keyType, key, ...(marker ? { marker } : {}) });
  }
  return { entries, invalidLines };
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/** True if `hosts` (one known_hosts host field) matches `name` (from knownHostsName). */
export function hostFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) return hashedHostMatches(hosts, name);
  let matched = false;
  for (const raw of hosts.split(',')) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    if (!wildcardMatch(pattern, name)) continue;
    if (negated) return false; // a matching negation vetoes the whole line, as in OpenSSH
    matched = true;
  }
  return matched;
}

function hashedHostMatches(field: string, name: string): boolean {
  const parts = field.split('|'); // ['', '1', salt, hash]
  if (parts.length !== 4 || !parts[2] || !parts[3]) return false;
  const salt = Buffer.from(parts[2], 'base64');
  const expected = Buffer.from(parts[3], 'base64');
  const actual = createHmac('sha1', salt).update(name).digest();
  return actual.length === expected.length && actual.equals(expected);
}

/** `*` any run, `?` one character; everything else literal. Iterative, linear-ish, no regex. */
function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === '?' || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

export type HostKeyLookup =
  | { readonly status: 'known'; readonly entry: KnownHostsEntry }
  | { readonly status: 'revoked'; readonly entry: KnownHostsEntry }
  | { readonly status: 'changed'; readonly entries: KnownHostsEntry[] }
  | { readonly status: 'unknown'; readonly otherKeyTypes: string[] };

/** Looks `key` (an SSH public key blob) up for `name`, with OpenSSH's precedence: revoked, known, changed, unknown. */
export function lookupHostKey(entries: readonly KnownHostsEntry[], name: string, key: Buffer): HostKeyLookup {
  const mine = entries.filter((e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, name));
  const revoked = mine.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', entry: revoked };
  const plain = mine.filter((e) => e.marker === undefined);
  const known = plain.find((e) => e.key.equals(key));
  if (known) return { status: 'known', entry: known };
  const type = keyBlobType(key);
  const sameType = plain.filter((e) => e.keyType === type);
  if (sameType.length > 0) return { status: 'changed', entries: sameType };
  return { status: 'unknown', otherKeyTypes: [...new Set(plain.map((e) => e.keyType))] };
}

/** Key types known for `name` (unmarked entries), in file order, so the client can prefer them. */
export function knownKeyTypes(entries: readonly KnownHostsEntry[], name: string): string[] {
  const types = entries.filter((e) => e.marker === undefined && hostFieldMatches(e.hosts, name)).map((e) => e.keyType);
  return [...new Set(types)];
}

/** The type string at the start of an SSH public key blob ('ssh-ed25519', 'ssh-rsa', ...). */
export function keyBlobType(key: Uint8Array): string | undefined {
  if (key.length < 4) return undefined;
  const len = ((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) >>> 0;
  if (len === 0 || len > 64 || 4 + len > key.length) return undefined;
  return Buffer.from(key.subarray(4, 4 + len)).toString('latin1');
}

/** OpenSSH's `SHA256:...` fingerprint (base64 without padding). */
export function sha256Fingerprint(key: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** One known_hosts line for `name`, optionally with the name hashed (HashKnownHosts). */
export function formatKnownHostsLine(name: string, key: Buffer, hash = false): string {
  const type = keyBlobType(key);
  if (!type) throw new TypeError('formatKnownHostsLine: not an SSH public key blob.');
  let hosts = name;
  if (hash) {
    const salt = randomBytes(20);
    hosts = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
  }
  return `${hosts} ${type} ${key.toString('base64')}`;
}

/** Reads and parses a known_hosts file; a missing file is an empty one. */
export function readKnownHostsFile(path: string): ParsedKnownHosts {
  if (!existsSync(path)) return { entries: [], invalidLines: [] };
  return parseKnownHosts(readFileSync(path, 'utf8'));
}

/** Appends one line, creating the directory (0700) and file (0600) like OpenSSH. */
export function appendKnownHostsLine(path: string, line: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  let prefix = '';
  if (existsSync(path)) {
    const current = readFileSync(path);
    if (current.length > 0 && current[current.length - 1] !== 0x0a) prefix = '\n';
  }
  // `mode` applies only when the file is created; an existing file keeps its owner's choice.
  appendFileSync(path, `${prefix}${line}\n`, { mode: 0o600 });
}
