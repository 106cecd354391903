// Test helpers for people who write transports, drivers and apps on netx.
export { ManualClock, flushMicrotasks } from './manual-clock.js';
