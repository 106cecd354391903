// Binding a test server: always 127.0.0.1 and port 0, so the OS picks a free port at bind
// time and nothing can take it between a probe and the bind.
import type { Server } from 'node:net';

/** Listens on 127.0.0.1:0 and resolves with the port; `what` names the server in errors. */
export async function listenOnLoopback(server: Server, what: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${what}: no TCP address after listen().`);
  return address.port;
}
