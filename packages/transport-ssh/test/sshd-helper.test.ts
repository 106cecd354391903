// The sshd test helper itself: a port taken between the probe and sshd's bind is retried,
// not turned into a failed (or skipped) test file.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startSshd, type Sshd } from './helpers/sshd.js';

let sshd: Sshd | undefined;
const taken = createServer();
afterAll(async () => {
  await sshd?.stop();
  await new Promise<void>((resolve) => taken.close(() => resolve()));
});

describe('startSshd', () => {
  it('retries on another port when the probed one is taken before sshd binds it', async () => {
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const takenPort = (taken.address() as { port: number }).port;
    const picked: number[] = [];
    sshd = await startSshd({
      pickPort: async () => {
        const port = picked.length === 0 ? takenPort : await freePort();
        picked.push(port);
        return port;
      },
    });
    expect(picked[0]).toBe(takenPort);
    expect(picked.length).toBe(2);
    expect(sshd.port).toBe(picked[1]);
    expect(sshd.log()).toMatch(/Server listening on 127\.0\.0\.1 port/);
  });
});
