// `netx run`: one job over the hosts of an inventory or the URLs given, with live
// progress on stderr and the results on stdout (table, --json or --ndjson).
import { inject, injectable } from 'tsyringe';
import type { Clock, Driver } from '@netx/core';
import { runFleet, writeJson, writeNdjson, type AskFunction, type HostResult, type Job } from '@netx/fleet';
import { TOKENS } from '../tokens.js';
import { accountsFor, type CredentialFlags } from './credentials.js';
import { selectHosts, type HostFlags } from './hosts.js';
import { EXIT, UsageError, type CliIo, type HostKeyMode, type ParserSlot, type ResultListener, type TransportsProvider } from './io.js';
import { progressView } from './progress.js';
import { outputsText, summaryTable } from './table.js';

export interface RunFlags extends CredentialFlags, HostFlags {
  command: string[];
  commandFile?: string;
  parse?: boolean;
  concurrency: string;
  json?: boolean;
  ndjson?: boolean;
  quiet?: boolean;
  logDir?: string;
  timeout: string;
  deadline?: string;
  retries: string;
  retryDelay: string;
  autoInit: boolean;
  hostKeys: HostKeyMode;
  knownHosts?: string;
}

export function number(flag: string, text: string | undefined, opts: { integer?: boolean; min?: number } = {}): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || n < (opts.min ?? 0)) {
    throw new UsageError(`${flag} takes ${opts.integer ? 'a whole number' : 'a number'} >= ${opts.min ?? 0}, not ${JSON.stringify(text)}.`);
  }
  return n;
}

const seconds = (flag: string, text: string | undefined) => {
  const s = number(flag, text);
  return s === undefined ? undefined : Math.round(s * 1000);
};

@injectable()
export class RunCommand {
  constructor(
    @inject(TOKENS.Transports) private readonly transports: TransportsProvider,
    @inject(TOKENS.Drivers) private readonly drivers: readonly Driver[],
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Io) private readonly io: CliIo,
    @inject(TOKENS.Ask) private readonly ask: AskFunction,
    @inject(TOKENS.Parser) private readonly parser: ParserSlot,
    @inject(TOKENS.Results) private readonly onResult: ResultListener,
  ) {}

  async execute(urls: string[], flags: RunFlags, signal?: AbortSignal): Promise<number> {
    const { io } = this;
    if (flags.json && flags.ndjson) throw new UsageError('Choose one of --json and --ndjson.');
    if (flags.command.length === 0 && flags.commandFile === undefined) throw new UsageError('Nothing to run: give -c COMMAND (repeatable) or --command-file FILE.');
    if (flags.parse && !this.parser.parse) throw new UsageError('--parse needs a parser (@netx/textfsm), and none is installed in this build of netx.');
    const concurrency = number('-j/--concurrency', flags.concurrency, { integer: true, min: 1 })!;
    const timeout = seconds('--timeout', flags.timeout)!;
    const hostDeadline = seconds('--deadline', flags.deadline) ?? 0;
    const retries = number('--retries', flags.retries, { integer: true })!;
    const retryDelay = seconds('--retry-delay', flags.retryDelay)!;
    const transports = this.transports({ hostKeys: flags.hostKeys, ...(flags.knownHosts ? { knownHosts: flags.knownHosts } : {}), agent: io.env.SSH_AUTH_SOCK ?? false });
    const hosts = await selectHosts(urls, flags, Object.keys(transports), this.drivers);
    const accounts = accountsFor(io, flags, this.ask);
    const job: Job = {
      commands: flags.command,
      ...(flags.commandFile !== undefined ? { commandFile: flags.commandFile } : {}),
      autoInit: flags.autoInit,
      enable: flags.enable === true,
      parse: flags.parse === true,
    };
    let run;
    try {
      run = runFleet(hosts, job, {
        transports,
        accounts,
        drivers: this.drivers,
        clock: this.clock,
        ...(this.parser.parse ? { parse: this.parser.parse } : {}),
        concurrency,
        timeout,
        connectTimeout: timeout,
        hostDeadline,
        retries,
        retryDelay,
        verifyFingerprint: flags.hostKeys !== 'off',
        ...(flags.logDir !== undefined ? { logDir: flags.logDir } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const view = progressView(io.stderr, () => run.progress(), this.clock);
    const seen = (r: HostResult) => {
      this.onResult(r);
      view.result(r);
    };
    const onAbort = () => view.note(`Interrupted: closing ${run.progress().running} running session(s); finished hosts are kept.`);
    signal?.addEventListener('abort', onAbort, { once: true });
    const order = hosts.map((h) => h.name);
    let summary;
    let results: HostResult[] = [];
    try {
      if (flags.ndjson) summary = await writeNdjson(run, io.stdout, seen);
      else if (flags.json) summary = await writeJson(run, io.stdout, order, seen);
      else {
        for await (const r of run) seen(r);
        ({ results, summary } = await run.collect());
      }
    } finally {
      view.stop();
      signal?.removeEventListener('abort', onAbort);
    }
    if (!flags.json && !flags.ndjson) {
      results.sort((a, b) => order.indexOf(a.host) - order.indexOf(b.host));
      io.stdout.write(`${flags.quiet ? '' : outputsText(results)}${summaryTable(results, summary)}`);
    }
    if (signal?.aborted) return EXIT.INTERRUPTED;
    return summary.failed > 0 ? EXIT.FAILED : EXIT.OK;
  }
}
