import { it } from 'vitest';
import { Account, Protocol, pagers, defineDriver } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport, iosDevice } from '../src/index.js';
it('dbg', async () => {
  for (const chunkSize of [1, 2, 3, 5, 7, 9, 10, 11]) {
    const drv = defineDriver({ name: 'ios', prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?$/, pagers: [pagers.MORE], authorizeCommand: 'enable\r' });
    const conn = new Protocol({ transport: new DummyTransport({ device: iosDevice({ chunkSize }) }), clock: new ManualClock(), driver: drv });
    await conn.connect('r1');
    await conn.login(new Account({ name: 'admin', password: 'admin', password2: 'enable' }));
    const r = await conn.execute('show version');
    const i = r.response.indexOf('memory.');
    console.log(chunkSize, JSON.stringify(r.response.slice(i, i + 60)));
  }
});
