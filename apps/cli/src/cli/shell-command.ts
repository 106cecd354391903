// `netx shell URL`: logs in and hands the terminal to the device (interact()), with
// the window size forwarded; Ctrl-] closes the session.
import { inject, injectable } from 'tsyringe';
import { EXIT } from './io.js';
import { login, prepareSession, SessionDeps, type SessionFlags } from './session.js';

@injectable()
export class ShellCommand {
  constructor(@inject(SessionDeps) private readonly deps: SessionDeps) {}

  async execute(url: string, flags: SessionFlags): Promise<number> {
    const { io } = this.deps;
    const s = await prepareSession(url, flags, this.deps, { ...(io.stdout.columns ? { columns: io.stdout.columns } : {}), ...(io.stdout.rows ? { rows: io.stdout.rows } : {}) });
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
