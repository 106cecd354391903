// The fleet's SSH host key: generated once (ed25519) and kept in a file, so
// clients that learnt it (known_hosts) keep trusting the simulator across runs.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ssh2 from 'ssh2';
import { SimConfigError } from './errors.js';

const { utils } = ssh2;

export interface HostKey {
  /** OpenSSH private key text. */
  readonly privateKey: string;
  /** `ssh-ed25519 AAAA...` */
  readonly publicKey: string;
  /** `SHA256:...` as OpenSSH prints it. */
  readonly fingerprint: string;
  /** The file it was read from or written to; undefined for a key made in memory. */
  readonly file: string | undefined;
}

/**
 * A new ed25519 key pair in OpenSSH format. ssh2 1.17's generateKeyPairSync now and
 * then writes a private key its own parser rejects (about 1 in 300): keep the first that parses.
 */
export function generateKeyPair(comment = 'netx-sim'): { private: string; public: string } {
  for (let i = 0; i < 20; i++) {
    const pair = utils.generateKeyPairSync('ed25519', { comment });
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
  }
  throw new Error('ssh2 generated 20 ed25519 keys it cannot parse itself; check the ssh2 version.');
}

/** A new ed25519 host key, in memory only (e.g. a device's "changed" host key). */
export function generateHostKey(comment = 'netx-sim'): HostKey {
  return describe(generateKeyPair(comment).private, undefined);
}

/** Reads the key in `file`, or generates one and writes it there (mode 0600, folders created). */
export function loadOrCreateHostKey(file: string): HostKey {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    return describe(text, file);
  }
  const key = generateHostKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.privateKey, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { ...key, file };
}

function describe(privateKey: string, file: string | undefined): HostKey {
  const parsed = utils.parseKey(privateKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) {
    throw new SimConfigError(`the SSH host key file is not a private key ssh2 can read${key instanceof Error ? ` (${key.message})` : ''}; delete it to let netx-sim generate a new one.`, { file });
  }
  const blob = key.getPublicSSH();
  const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  return { privateKey, publicKey: `${key.type} ${blob.toString('base64')}`, fingerprint, file };
}
