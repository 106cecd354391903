import { runtime } from '#runtime';

/** A private key for SSH public-key login (OpenSSH or PEM format). */
export class PrivateKey {
  readonly data: Uint8Array;
  readonly passphrase?: string;

  private constructor(data: Uint8Array, passphrase?: string) {
    this.data = data;
    if (passphrase !== undefined) this.passphrase = passphrase;
  }

  /** Reads an OpenSSH or PEM key file (Node; elsewhere read it yourself and use fromString). */
  static fromFile(path: string, passphrase?: string): PrivateKey {
    return PrivateKey.fromString(runtime.readFile(path), passphrase);
  }

  static fromString(data: string | Uint8Array, passphrase?: string): PrivateKey {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data);
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
    if (!/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text) && !text.startsWith('PuTTY-User-Key-File')) {
      throw new TypeError('PrivateKey: the data is not an OpenSSH or PEM private key (expected a "-----BEGIN ... PRIVATE KEY-----" line).');
    }
    return new PrivateKey(bytes, passphrase);
  }

  /** Never print key material or passphrases. */
  toJSON(): string {
    return '[PrivateKey]';
  }
}

export interface AccountInit {
  name: string;
  password?: string;
  /** Authorization (enable) password; defaults to `password`. */
  password2?: string;
  key?: PrivateKey;
}

/** Credentials for one login: user name, password, authorization password, key. */
export class Account {
  readonly name: string;
  readonly password?: string;
  readonly authorizationPassword?: string;
  readonly key?: PrivateKey;

  constructor(init: AccountInit) {
    if (typeof init?.name !== 'string') throw new TypeError('Account: `name` must be a string.');
    for (const field of ['password', 'password2'] as const) {
      // A number would be sent as its digits by accident and never match a secret when masking.
      if (init[field] !== undefined && typeof init[field] !== 'string') throw new TypeError(`Account: \`${field}\` must be a string (got ${typeof init[field]}); write it in quotes.`);
    }
    if (init.key !== undefined && !((init.key as Partial<PrivateKey> | null)?.data instanceof Uint8Array)) throw new TypeError('Account: `key` must be a PrivateKey (PrivateKey.fromFile() or PrivateKey.fromString()).');
    this.name = init.name;
    if (init.password !== undefined) this.password = init.password;
    const auth = init.password2 ?? init.password;
    if (auth !== undefined) this.authorizationPassword = auth;
    if (init.key !== undefined) this.key = init.key;
  }

  /** Secrets stay out of logs, JSON and util.inspect. */
  toJSON(): { name: string; hasPassword: boolean; hasKey: boolean } {
    return { name: this.name, hasPassword: this.password !== undefined, hasKey: this.key !== undefined };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Account { name: ${JSON.stringify(this.name)}, password: ${this.password === undefined ? 'none' : '***'} }`;
  }
}

/** The AccountFactory port: where accounts come from when none is given. */
export interface AccountFactory {
  create(context: { host?: string; purpose: string }): Promise<Account>;
}
