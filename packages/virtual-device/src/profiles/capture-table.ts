// Captured outputs (src/profiles/captures/*.ts) as a command table: each command
// answers with its real output; where the capture names the device, the session's
// host name can stand in for it.
import type { CommandContext, CommandResponse } from '../types.js';

/** A command table as a list (spreadable into another table). */
export type CommandList = Array<readonly [string | RegExp, CommandResponse]>;

export interface CaptureTableOptions {
  /** Commands the profile answers with its own handlers instead (left out of the table). */
  readonly except?: readonly string[];
  /**
   * Per command: a pattern whose first group is the captured device's name, replaced by
   * the session's host name in every match (`/^(\S+) uptime is/m`).
   */
  readonly hostname?: Readonly<Record<string, RegExp>>;
  /** The start of the captured session's next prompt at the end of captures (Junos `{master:0}`): dropped, the device prints its own. */
  readonly promptTail?: RegExp;
  /** Commands whose capture starts with the captured session's own prompt and command line (dropped: the device echoes its own). */
  readonly echoLine?: readonly string[];
  /** Also answer each command with a leading `/` (RouterOS's absolute menu path). */
  readonly slashAliases?: boolean;
}

/** Replaces group 1 of every match of `re` in `text` with `hostname`. */
export function withHostname(text: string, re: RegExp, hostname: string): string {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return text.replace(global, (match: string, name: string | undefined) => (name === undefined ? match : match.replace(name, hostname)));
}

/** The text a device with this host name answers `command` with. */
export function servedText(text: string, command: string, opts: CaptureTableOptions, hostname: string): string {
  const head = opts.echoLine?.includes(command) ? text.slice(text.indexOf('\n') + 1) : text;
  const body = opts.promptTail ? head.replace(opts.promptTail, '') : head;
  const re = opts.hostname?.[command];
  return re ? withHostname(body, re, hostname) : body;
}

function response(text: string, command: string, opts: CaptureTableOptions): CommandResponse {
  // Without a host name pattern the text is the same for every session: computed once.
  if (!opts.hostname?.[command]) return servedText(text, command, opts, '');
  return (ctx: CommandContext) => servedText(text, command, opts, ctx.hostname);
}

/** A command table serving `captures` (command -> output). */
export function captureTable(captures: Readonly<Record<string, string>>, opts: CaptureTableOptions = {}): CommandList {
  const except = new Set(opts.except ?? []);
  const table: CommandList = [];
  for (const [command, text] of Object.entries(captures)) {
    if (except.has(command)) continue;
    const r = response(text, command, opts);
    table.push([command, r]);
    if (opts.slashAliases) table.push([`/${command}`, r]);
  }
  return table;
}

/** The commands a capture set serves after `except`. */
export function capturedCommands(captures: Readonly<Record<string, string>>, except: readonly string[] = []): string[] {
  return Object.keys(captures).filter((c) => !except.includes(c));
}
