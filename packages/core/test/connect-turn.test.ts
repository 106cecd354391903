// connect() reaches the transport in the same turn when there is no log to open, so an
// abort right after connect() finds the transport opening (transport abort tests rely
// on it); with a log sink, the sink is opened first.
import { describe, expect, it } from 'vitest';
import type { LogSink } from '../src/index.js';
import { make } from './helpers/setup.js';

describe('connect() and the log sink', () => {
  it('without a log, the transport is opening right after connect() returns', async () => {
    const { conn, t } = make();
    const step = conn.connect('r1.test');
    expect(t.state).toBe('opening');
    await step;
    expect(t.state).toBe('open');
  });

  it('with a log sink, the sink is open before the transport starts', async () => {
    const seen: string[] = [];
    let t: { state: string } | undefined;
    const sink: LogSink = {
      name: 'memory',
      open: async () => {
        seen.push(`sink opened while the transport was ${t?.state}`);
      },
      write: () => undefined,
      close: async () => undefined,
    };
    const s = make({}, { logSink: sink });
    t = s.t;
    await s.conn.connect('r1.test');
    expect(seen).toEqual(['sink opened while the transport was idle']);
    expect(s.t.state).toBe('open');
  });
});
