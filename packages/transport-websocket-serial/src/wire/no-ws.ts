// Outside Node there is no `ws`: the transport uses the platform's WebSocket.
// (The package's `#ws-dialer` import resolves here unless the "node" condition is set.)
import type { Dialer } from './wire.js';

export const loadWsDialer: (() => Promise<Dialer>) | undefined = undefined;
