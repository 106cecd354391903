// `pnpm demo`: the lab of the test (a simulated IOS device behind the real websockify,
// the page on a local HTTP server) left running so you can open the page yourself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVICE, startLab } from '../test/helpers/lab.js';

const lab = await startLab(mkdtempSync(join(tmpdir(), 'netx-browser-console-')));
console.log(`open ${lab.pageUrl}`);
console.log(`user ${DEVICE.username}, password ${DEVICE.password}, enable password ${DEVICE.enablePassword} (a simulated device on 127.0.0.1:${lab.console.port}, websockify on ${lab.websockify.port})`);
console.log('Ctrl-C to stop');
process.once('SIGINT', () => void lab.stop().then(() => process.exit(0)));
