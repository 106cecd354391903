// Decides whether one server's host key is acceptable: known_hosts lookup plus
// the policy (strict / accept-new), producing HostKeyError with what to do next.
import { HostKeyError } from '@netx/core';
import {
  appendKnownHostsLine,
  formatKnownHostsLine,
  keyBlobType,
  knownHostsName,
  knownKeyTypes,
  lookupHostKey,
  readKnownHostsFile,
  sha256Fingerprint,
  type KnownHostsEntry,
} from './known-hosts.js';
import type { HostKeyPolicy } from './options.js';

export interface HostKeyCheckerOptions {
  host: string;
  port: number;
  verify: boolean;
  knownHostsPath: string;
  policy: HostKeyPolicy;
  hashKnownHosts: boolean;
  debug(message: string): void;
}

export class HostKeyChecker {
  private readonly name: string;
  private entries: KnownHostsEntry[] = [];
  private pendingLine: string | undefined;
  private accepted: Buffer | undefined;

  constructor(private readonly o: HostKeyCheckerOptions) {
    this.name = knownHostsName(o.host, o.port);
    if (!o.verify) return;
    // Read before connecting, so the key types we already know can be preferred in the offer.
    const parsed = readKnownHostsFile(o.knownHostsPath);
    this.entries = parsed.entries;
    if (parsed.invalidLines.length > 0) {
      o.debug(`${o.knownHostsPath}: ignoring unreadable line(s) ${parsed.invalidLines.slice(0, 10).join(', ')}`);
    }
  }

  /** Key types known for this host, best first (empty when not verifying). */
  knownKeyTypes(): string[] {
    return this.o.verify ? knownKeyTypes(this.entries, this.name) : [];
  }

  /** Returns undefined if the key may be used, else the error to fail the connection with. */
  check(key: Buffer): HostKeyError | undefined {
    // ssh2 asks again on every re-key: the key must stay the one accepted first.
    if (this.accepted) {
      if (this.accepted.equals(key)) return undefined;
      return new HostKeyError('changed', `${this.name} presented a different host key (${sha256Fingerprint(key)}) when re-keying the open connection; refusing it.`, {
        host: this.o.host,
        fingerprint: sha256Fingerprint(key),
      });
    }
    const problem = this.firstCheck(key);
    if (!problem) this.accepted = Buffer.from(key);
    return problem;
  }

  private firstCheck(key: Buffer): HostKeyError | undefined {
    const fingerprint = sha256Fingerprint(key);
    const type = keyBlobType(key) ?? 'unknown-type';
    const { debug, knownHostsPath: path, host } = this.o;
    if (!this.o.verify) {
      debug(`host key of ${this.name} not checked (verifyFingerprint is false): ${type} ${fingerprint}`);
      return undefined;
    }
    const result = lookupHostKey(this.entries, this.name, key);
    switch (result.status) {
      case 'known':
        debug(`host key of ${this.name} matches ${path} line ${result.entry.line}: ${type} ${fingerprint}`);
        return undefined;
      case 'revoked':
        return new HostKeyError(
          'rejected',
          `The ${type} host key of ${this.name} (${fingerprint}) is marked @revoked in ${path} line ${result.entry.line}; refusing to connect. Ask the device's owner for its current key.`,
          { host, fingerprint },
        );
      case 'changed':
        return new HostKeyError(
          'changed',
          `The ${type} host key of ${this.name} has CHANGED: the server sent ${fingerprint}, but ${path} line ${result.entries.map((e) => e.line).join(', ')} holds a different key. Someone may be intercepting the connection, or the device was re-keyed. If the change is expected, remove the old entry (ssh-keygen -R '${this.name}' -f ${path}) and connect again.`,
          { host, fingerprint },
        );
      case 'unknown': {
        const others = result.otherKeyTypes.length > 0 ? ` (${path} only holds ${result.otherKeyTypes.join(', ')} key(s) for it)` : '';
        if (this.o.policy === 'accept-new') {
          this.pendingLine = formatKnownHostsLine(this.name, key, this.o.hashKnownHosts);
          debug(`host key of ${this.name} is new${others}; accepting ${type} ${fingerprint} (hostKeyPolicy 'accept-new')`);
          return undefined;
        }
        return new HostKeyError(
          'unknown',
          `The host key of ${this.name} is not known: ${type} ${fingerprint}${others}. Check this fingerprint with the device's owner, then add the key to ${path} (for example: ssh-keyscan${this.o.port === 22 ? '' : ` -p ${this.o.port}`} ${host} >> ${path}), or connect once with hostKeyPolicy 'accept-new', or set verifyFingerprint to false to skip the check.`,
          { host, fingerprint },
        );
      }
    }
  }

  /** After the key exchange proved the key, write an entry accepted under 'accept-new'. */
  commit(): void {
    if (this.pendingLine === undefined) return;
    const line = this.pendingLine;
    this.pendingLine = undefined;
    appendKnownHostsLine(this.o.knownHostsPath, line);
    this.o.debug(`added ${this.name} to ${this.o.knownHostsPath}`);
  }
}
