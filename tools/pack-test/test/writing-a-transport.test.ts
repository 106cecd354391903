// docs/writing-a-transport.md §3 claims its smallest transport passes the transport
// kit's contract: the doc's code block is test/helpers/raw-tcp-transport.ts verbatim,
// and the contract runs on that file against the kit's TCP peer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpPeer, transportContractSuite } from '@netx/transport-test-kit';
import { REPO_ROOT } from '../src/workspace.js';
import { RawTcpTransport } from './helpers/raw-tcp-transport.js';

describe('docs/writing-a-transport.md', () => {
  it('§3 shows test/helpers/raw-tcp-transport.ts verbatim', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/writing-a-transport.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## 3. The smallest transport'));
    const block = /```ts\n([\s\S]*?)```\n/.exec(section)?.[1];
    const file = readFileSync(new URL('./helpers/raw-tcp-transport.ts', import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '');
    expect(block).toBe(file);
  });
});

transportContractSuite({ describe, it, expect, beforeAll, afterAll }, {
  name: 'raw-tcp (docs/writing-a-transport.md)',
  createTransport: () => new RawTcpTransport(),
  expectedCapabilities: { protocolAuth: false, banner: false, remoteVersion: false, windowSize: false, keepalive: false, binarySafe: true, peerClose: true },
  startPeer: () => tcpPeer(),
});
