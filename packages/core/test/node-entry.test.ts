// On Node, the file features work from the main entry as before, and @netx/core/node
// hands out the file sink for use as a logSink.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileLogSink } from '@netx/core/node';
import { PrivateKey } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'netx-node-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@netx/core on Node', () => {
  it('PrivateKey.fromFile reads the key file', () => {
    const path = join(dir, 'id_test');
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    writeFileSync(path, pem);
    const key = PrivateKey.fromFile(path, 'pass');
    expect(new TextDecoder().decode(key.data)).toBe(pem);
    expect(key.passphrase).toBe('pass');
    expect(() => PrivateKey.fromFile(join(dir, 'missing'))).toThrow(/ENOENT/);
  });

  it('FileLogSink from @netx/core/node appends in order', async () => {
    const path = join(dir, 'session.log');
    writeFileSync(path, 'before\n');
    const sink = new FileLogSink(path);
    const errors: unknown[] = [];
    await sink.open((err) => errors.push(err));
    for (const line of ['one\n', 'two\n', 'three\n']) sink.write(new TextEncoder().encode(line));
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('before\none\ntwo\nthree\n');
    expect(errors).toEqual([]);
  });
});
