// The lab the page talks to, all on 127.0.0.1: a simulated IOS device on a raw TCP
// console port, the real websockify (Debian) bridging it to a WebSocket, and the
// built page served over HTTP. Used by the test and by `pnpm demo`.
import { startWebsockify, type Websockify } from '../../../../packages/transport-websocket-serial/test/helpers/websockify.js';
import { serveDir, type StaticServer } from '../../../../tools/pack-test/src/browser.js';
import { buildPage } from '../../scripts/build.js';
import { startSerialConsole, type SerialConsole } from './serial-console.js';

export interface Lab {
  readonly console: SerialConsole;
  readonly websockify: Websockify;
  readonly site: StaticServer;
  /** The page with the WebSocket port filled in. */
  readonly pageUrl: string;
  stop(): Promise<void>;
}

export const DEVICE = { name: 'r1', profile: 'ios', username: 'admin', password: 'netx-pw', enablePassword: 'netx-enable' } as const;

export async function startLab(outdir: string): Promise<Lab> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    const serial = await startSerialConsole({ ...DEVICE });
    stops.push(serial.stop);
    const websockify = await startWebsockify({ target: { host: '127.0.0.1', port: serial.port } });
    stops.push(websockify.stop);
    await buildPage(outdir);
    const site = await serveDir(outdir);
    stops.push(site.close);
    return { console: serial, websockify, site, pageUrl: `${site.url}?port=${websockify.port}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
