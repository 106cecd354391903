// transportContractSuite: every group, sharing one started peer.
import { protocolAuthTests } from './auth.js';
import { closeTests } from './close.js';
import { KitContext } from './context.js';
import { errorMappingTests } from './errors.js';
import { ioTests } from './io.js';
import { keepaliveTests } from './keepalive.js';
import { lifecycleTests } from './lifecycle.js';
import { resizeTests } from './resize.js';
import { timeoutTests } from './timeout.js';
import type { KitApi, TransportTarget } from './types.js';

/** Registers the whole contract under `transport contract: <name>`; groups are gated by the transport's capabilities. */
export function transportContractSuite(api: KitApi, target: TransportTarget): void {
  api.describe(`transport contract: ${target.name}`, () => {
    const ctx = new KitContext(api, target);
    ctx.registerHooks();
    lifecycleTests(api, target, ctx);
    ioTests(api, target, ctx);
    closeTests(api, target, ctx);
    errorMappingTests(api, target, ctx);
    timeoutTests(api, target, ctx);
    protocolAuthTests(api, target, ctx);
    resizeTests(api, target, ctx);
    keepaliveTests(api, target, ctx);
  });
}

export { lifecycleTests, ioTests, closeTests, errorMappingTests, timeoutTests, protocolAuthTests, resizeTests, keepaliveTests };
