// "Nothing is left": the process's active handles and requests (sockets, servers,
// timers, DNS requests) are counted before a cell and must be back to that count
// after it, so the process could exit.
import { until } from './wait.js';

/** Kinds that come and go with no session involved (the event loop's own). */
const IGNORED = new Set(['Immediate', 'CloseReq', 'FSReqCallback', 'FSReqPromise', 'TTYWrap', 'PipeWrap', 'ProcessWrap', 'SignalWrap', 'StatWatcher', 'MessagePort']);

export type ResourceCounts = ReadonlyMap<string, number>;

export function activeResources(): ResourceCounts {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (IGNORED.has(kind)) continue;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** What `now` holds beyond `before`, e.g. `TCPSocketWrap +2, Timeout +1`; empty when nothing. */
export function excess(before: ResourceCounts, now: ResourceCounts = activeResources()): string {
  const extra: string[] = [];
  for (const [kind, n] of now) {
    const was = before.get(kind) ?? 0;
    if (n > was) extra.push(`${kind} +${n - was}`);
  }
  return extra.join(', ');
}

/** Waits until the active resources are back to `before` (sockets close asynchronously); fails naming what is left. */
export async function expectNoneLeft(before: ResourceCounts, what: string): Promise<void> {
  await until(
    () => excess(before) === '',
    () => `${what}: the process's active handles to return to where they were (left: ${excess(before)})`,
    undefined,
    true,
  );
}
