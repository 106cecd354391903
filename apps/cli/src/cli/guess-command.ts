// `netx guess URL`: logs in and prints the driver the OS guesser picks, with the
// score of every driver that scored (fed the same text the Protocol saw).
import { inject, injectable } from 'tsyringe';
import { OsGuesser } from '@netx/core';
import { EXIT } from './io.js';
import { login, prepareSession, SessionDeps, type SessionFlags } from './session.js';
import { formatTable } from './table.js';

@injectable()
export class GuessCommand {
  constructor(@inject(SessionDeps) private readonly deps: SessionDeps) {}

  async execute(url: string, flags: SessionFlags & { json?: boolean }): Promise<number> {
    const s = await prepareSession(url, flags, this.deps);
    const guesser = new OsGuesser(this.deps.drivers);
    const off = s.conn.on('dataReceived', (text) => guesser.data(text));
    try {
      await login(s, flags, true);
      const version = s.conn.getRemoteVersion();
      if (version) guesser.protocolInfo(version);
      const banner = s.conn.getBanner();
      if (banner) guesser.bannerInfo(banner);
      guesser.endHead();
      const driver = s.conn.guessOs();
      const scores = guesser.scores();
      if (flags.json) this.deps.io.stdout.write(`${JSON.stringify({ host: s.host.name, url: s.host.url.href, driver, scores }, null, 2)}\n`);
      else {
        const rows = [['DRIVER', 'SCORE'], ...scores.map((x) => [x.name, String(x.score)])];
        this.deps.io.stdout.write(`${s.host.url.href}: ${driver}\n${scores.length ? formatTable(rows) : '(no driver scored: generic)'}\n`);
      }
      return EXIT.OK;
    } finally {
      off();
      await s.conn.close().catch(() => s.conn.close(true));
    }
  }
}
