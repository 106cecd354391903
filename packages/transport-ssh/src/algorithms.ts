// Builds the ssh2 `algorithms` offer: ssh2's defaults, host key types already in
// known_hosts first (as OpenSSH does, so a known RSA host is not met with an
// "unknown" ed25519 key), legacy algorithms appended when asked, user overrides last.
import type { Algorithms } from 'ssh2';
import { hostKeyAlgorithmsForType, LEGACY_ALGORITHMS } from './options.js';

/** ssh2 1.17's default host key list (not exported by ssh2). */
const DEFAULT_HOST_KEY = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

export function buildAlgorithms(opts: {
  legacy: boolean;
  knownKeyTypes: readonly string[];
  overrides: Algorithms | undefined;
}): Algorithms | undefined {
  const out: Algorithms = {};
  let hostKeys = [...DEFAULT_HOST_KEY];
  if (opts.legacy) {
    out.kex = { append: [...LEGACY_ALGORITHMS.kex] } as Algorithms['kex'];
    out.cipher = { append: [...LEGACY_ALGORITHMS.cipher] } as Algorithms['cipher'];
    out.hmac = { append: [...LEGACY_ALGORITHMS.hmac] } as Algorithms['hmac'];
    for (const k of LEGACY_ALGORITHMS.serverHostKey) if (!hostKeys.includes(k)) hostKeys.push(k);
  }
  const preferred = opts.knownKeyTypes.flatMap(hostKeyAlgorithmsForType).filter((k) => hostKeys.includes(k));
  if (preferred.length > 0) hostKeys = [...new Set([...preferred, ...hostKeys])];
  if (opts.legacy || preferred.length > 0) out.serverHostKey = hostKeys as Algorithms['serverHostKey'];
  Object.assign(out, opts.overrides ?? {});
  return Object.keys(out).length > 0 ? out : undefined;
}
