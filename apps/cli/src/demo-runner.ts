// The demo itself: for each target, connect with Protocol, log in, guess the OS,
// run `show version` through the pager, autoInit, run it again, authorize.
import { inject, injectable } from 'tsyringe';
import { Protocol, type AccountFactory, type Clock, type Driver, type Transport } from '@netx/core';
import { TOKENS, type DemoOutput, type DemoTarget } from './tokens.js';

export interface TargetReport {
  readonly host: string;
  readonly os: string;
  readonly driver: string;
  readonly pagesAnswered: number;
  readonly versionLines: number;
  readonly prompt: string;
  readonly authorized: boolean;
}

/** The prompt a match ended on, without line ends. */
const promptOf = (m: RegExpExecArray) => m[0].replace(/[\r\n]/g, '').trim();

/** Counts pager prompts (the driver's rules) at the end of what arrives, until stop(). */
function countPagerPrompts(conn: Protocol): { stop(): number } {
  let tail = '';
  let count = 0;
  const off = conn.on('dataReceived', (text) => {
    tail = (tail + text).slice(-256);
    if (conn.getDriver().pagers.some((rule) => rule.pattern.test(tail))) {
      count++;
      tail = '';
    }
  });
  return {
    stop() {
      off();
      return count;
    },
  };
}

@injectable()
export class DemoRunner {
  constructor(
    @inject(TOKENS.Transport) private readonly newTransport: () => Transport,
    @inject(TOKENS.Drivers) private readonly drivers: readonly Driver[],
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.AccountFactory) private readonly accounts: AccountFactory,
    @inject(TOKENS.Output) private readonly out: DemoOutput,
    @inject(TOKENS.Targets) private readonly targets: readonly DemoTarget[],
  ) {}

  async run(): Promise<TargetReport[]> {
    const reports: TargetReport[] = [];
    for (const target of this.targets) reports.push(await this.visit(target));
    this.out.line(`\nAll ${reports.length} devices done.`);
    return reports;
  }

  private async visit(target: DemoTarget): Promise<TargetReport> {
    const { out } = this;
    const transport = this.newTransport();
    const conn = new Protocol({
      transport,
      drivers: this.drivers,
      clock: this.clock,
      accountFactory: this.accounts,
      timeout: 10_000,
      stderr: () => undefined,
    });
    out.line(`\n== ${target.label}: ${target.host} over ${transport.kind} ==`);
    try {
      await conn.connect(target.host);
      out.line(`connected; OS guess so far: ${conn.guessOs()}`);
      await conn.authenticate();
      const os = conn.guessOs();
      out.line(`logged in; OS guess: ${os}; driver: ${conn.getDriver().name}`);
      if (os !== target.expectOs) throw new Error(`expected the OS guess ${target.expectOs}, got ${os}`);

      // Before autoInit the device pages; count the pager prompts the Protocol answered.
      const pager = countPagerPrompts(conn);
      const paged = await conn.execute('show version');
      const pagesAnswered = pager.stop();
      const lines = paged.response.split('\n').slice(1);
      out.line(`show version: ${lines.length} lines, ${pagesAnswered} pager prompt(s) answered, joined into one response`);
      for (const l of lines.slice(0, 3)) out.line(`  | ${l.trimEnd()}`);
      out.line('  | ...');

      await conn.autoInit();
      const whole = await conn.execute('show version');
      const same = whole.response === paged.response;
      out.line(`autoInit done (paging off); show version again: ${same ? 'identical' : 'DIFFERENT'}`);
      if (!same) throw new Error('show version differs with and without the pager');

      await conn.autoAppAuthorize();
      const check = await conn.execute('show version');
      const prompt = promptOf(check.match);
      out.line(`authorization: ${conn.getDriver().supportsAutoAuthorize() ? 'enable done' : 'not needed on this OS'}; prompt now ${prompt}`);
      await conn.close();
      out.line('closed');
      return { host: target.host, os, driver: conn.getDriver().name, pagesAnswered, versionLines: lines.length, prompt, authorized: conn.isAppAuthorized() };
    } catch (err) {
      await conn.close(true).catch(() => undefined);
      throw err;
    }
  }
}
