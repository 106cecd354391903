// ntc_templates.parse.parse_output: the index picks the template(s), the records come back
// as objects with lower-case keys (list values as lists of strings, as clitable stores them).
import { findTemplates, parseCmd, type TableCell, type TemplateSource } from './clitable/cli-table.js';
import { TemplateNotFoundError } from './errors.js';
import { ntcPlatforms } from './platforms.js';

export type OutputRecord = Record<string, TableCell>;

export interface ParseOutputOptions {
  /** ntc-templates platform, e.g. `cisco_ios`. Either this or `driver`. */
  platform?: string;
  /** netx driver name (e.g. from `conn.guessOs()`), mapped with ntcPlatforms(). */
  driver?: string;
  /** The command as typed; abbreviations work as the index allows (`sh ver`). */
  command: string;
  /** The device's output. */
  data: string;
}

/** The ntc platform to use: `platform`, or the first of the driver's platforms with a template. */
export function resolvePlatform(templates: TemplateSource, options: Omit<ParseOutputOptions, 'data'>): string {
  if (options.platform !== undefined) return options.platform;
  if (options.driver === undefined) throw new TypeError('parseOutput needs `platform` (an ntc-templates platform) or `driver` (a netx driver name).');
  const candidates = ntcPlatforms(options.driver);
  if (candidates.length === 0) {
    throw new TemplateNotFoundError(
      `netx driver '${options.driver}' has no ntc-templates platform; pass \`platform\` (e.g. 'cisco_ios') instead of \`driver\`.`,
      { Command: options.command, Driver: options.driver },
    );
  }
  for (const platform of candidates) {
    try {
      findTemplates(templates, { Command: options.command, Platform: platform });
      return platform;
    } catch (err) {
      if (!(err instanceof TemplateNotFoundError)) throw err;
    }
  }
  return candidates[0]!;
}

/** Records of `data` as ntc_templates.parse.parse_output returns them. */
export function parseOutput(options: ParseOutputOptions & { templates: TemplateSource }): OutputRecord[] {
  const { templates, command, data } = options;
  const platform = resolvePlatform(templates, options);
  let table;
  try {
    table = parseCmd(templates, data, { Command: command, Platform: platform });
  } catch (err) {
    if (!(err instanceof TemplateNotFoundError)) throw err;
    throw new TemplateNotFoundError(
      `Unable to parse command "${command}" on platform ${platform} - ${err.message.trimEnd().replace(/\.+$/, '')}. Check the platform and command, or give a template folder that has one (templatesDir).`,
      err.attributes as Record<string, string>,
    );
  }
  const names = table.header.map((h) => h.toLowerCase());
  return table.rows.map((row) => {
    const out: OutputRecord = {};
    names.forEach((name, i) => (out[name] = row[i]!));
    return out;
  });
}

/**
 * Records from a command's MatchResult (`conn.execute()`), for the connection's driver.
 * The first line is dropped when it is the command's echo (it ends with the command).
 */
export function parseResponse(
  result: { readonly response: string },
  options: { driver: string; command: string; platform?: string; templates: TemplateSource },
): OutputRecord[] {
  return parseOutput({ ...options, data: stripEcho(result.response, options.command) });
}

export function stripEcho(response: string, command: string): string {
  const nl = response.indexOf('\n');
  const first = (nl < 0 ? response : response.slice(0, nl)).replace(/\r+$/, '').trimEnd();
  const cmd = command.trim();
  if (cmd !== '' && first.endsWith(cmd)) return nl < 0 ? '' : response.slice(nl + 1);
  return response;
}
