import { AbstractTransport } from '@netx/core';
import { runOverheadBench } from './overhead.js';
void AbstractTransport;
const r = await runOverheadBench();
console.log(r.map((x) => `${x.label}: +${(x.netx - x.floor).toFixed(1)}`).join('\n'));
