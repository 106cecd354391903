// `netx shell URL`: logs in and hands the terminal to the device (interact()), with
// the window size forwarded; Ctrl-] closes the session.
import { inject, injectable } from 'tsyringe';
import type { Clock, Driver } from '@netx/core';
import type { AskFunction } from '@netx/fleet';
import { TOKENS } from '../tokens.js';
import { EXIT, type CliIo, type TransportsProvider } from './io.js';
import { login, prepareSession, type SessionFlags } from './session.js';

@injectable()
export class ShellCommand {
  constructor(
    @inject(TOKENS.Transports) readonly transports: TransportsProvider,
    @inject(TOKENS.Drivers) readonly drivers: readonly Driver[],
    @inject(TOKENS.Clock) readonly clock: Clock,
    @inject(TOKENS.Io) readonly io: CliIo,
    @inject(TOKENS.Ask) readonly ask: AskFunction,
  ) {}

  async execute(url: string, flags: SessionFlags): Promise<number> {
    const { io } = this;
    const s = await prepareSession(url, flags, this, { ...(io.stdout.columns ? { columns: io.stdout.columns } : {}), ...(io.stdout.rows ? { rows: io.stdout.rows } : {}) });
    try {
      await login(s, flags, false);
      io.stderr.write(`netx: connected to ${s.host.url.href} (driver ${s.conn.getDriver().name}); Ctrl-] closes the session.\n`);
      await s.conn.interact({
        input: io.stdin,
        output: io.stdout,
        handleWindowSize: true,
        keyHandlers: { '\u001d': (conn) => void conn.close().catch(() => conn.close(true)) },
      });
      io.stderr.write('\nnetx: session closed.\n');
      return EXIT.OK;
    } finally {
      await s.conn.close().catch(() => s.conn.close(true));
    }
  }
}
