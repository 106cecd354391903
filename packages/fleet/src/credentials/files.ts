// Secret-bearing files (credentials files, SSH keys) must be private to their owner,
// as OpenSSH demands of keys: a file that group or others may read is refused.
import { readFileSync, statSync } from 'node:fs';
import { isNetxError, PrivateKey } from '@netx/core';
import { CredentialError, FleetErrorCodes } from '../errors.js';

/** Throws CredentialError unless `path` is a regular file that only its owner may read or write. */
export function checkPrivateFile(path: string, what: string): void {
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CredentialError(`Cannot read the ${what} ${path}: it is not a regular file.`);
    mode = st.mode;
  } catch (err) {
    if (isNetxError(err, FleetErrorCodes.CREDENTIALS)) throw err;
    throw new CredentialError(`Cannot read the ${what} ${path}: ${reason(err)}.`, { cause: err });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new CredentialError(
      `Refusing the ${what} ${path}: its mode is ${octal}, so ${mode & 0o070 ? 'its group' : 'other users'} may read or change it. Run "chmod 600 ${path}" and try again.`,
    );
  }
}

/** Reads a private file after checkPrivateFile(). */
export function readPrivateFile(path: string, what: string): Buffer {
  checkPrivateFile(path, what);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CredentialError(`Cannot read the ${what} ${path}: ${reason(err)}.`, { cause: err });
  }
}

/** An SSH private key from a file that must be private (OpenSSH refuses others too). */
export function readKeyFile(path: string, passphrase?: string): PrivateKey {
  const data = readPrivateFile(path, 'key file');
  try {
    return PrivateKey.fromString(data, passphrase);
  } catch (err) {
    throw new CredentialError(`The key file ${path} holds no OpenSSH or PEM private key; give the private key (not the .pub file).`, { cause: err });
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return err instanceof Error ? err.message : String(err);
}
