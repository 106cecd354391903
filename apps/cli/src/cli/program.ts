// The `netx` command line (commander 14). Every command's work is in its own class,
// resolved from the tsyringe container; this file only declares flags and help.
import { Command, CommanderError, Option } from 'commander';
import { isNetxError } from '@netx/core';
import type { DependencyContainer } from 'tsyringe';
import { TOKENS } from '../tokens.js';
import { completionScript } from './completion.js';
import { GuessCommand } from './guess-command.js';
import { InventoryCommand } from './inventory-command.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { RunCommand } from './run-command.js';
import { ShellCommand } from './shell-command.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function sessionOptions(cmd: Command): Command {
  return cmd
    .option('-u, --user <name>', 'user name when the URL names none (default: $NETX_USERNAME, else your login name)')
    .option('--credentials <file>', 'YAML/JSON credentials file (must be chmod 600)')
    .option('--key <file>', 'SSH private key for every host (must be chmod 600)')
    .option('--agent', 'log in with the keys of ssh-agent ($SSH_AUTH_SOCK)')
    .option('--enable', 'authorize (enable) after login; password from $NETX_ENABLE_PASSWORD, else the login password')
    .addOption(new Option('--host-keys <mode>', 'SSH host key check').choices(['strict', 'accept-new', 'off']).default('strict'))
    .option('--known-hosts <file>', 'known_hosts file (default ~/.ssh/known_hosts)')
    .option('--timeout <seconds>', 'connect and inactivity limit per wait', '30');
}

/** Builds the program; `setCode` receives each command's exit code. */
export function buildProgram(c: DependencyContainer, io: CliIo, setCode: (code: number) => void, signal?: AbortSignal): Command {
  const program = new Command('netx')
    .description('Log into network devices over SSH, Telnet or a WebSocket serial console and run commands on many at once.')
    .version('0.1.0')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .addHelpText('after', '\nExamples:\n  netx run ssh://admin@192.0.2.1 telnet://r2 -c "show version"\n  netx run -i inventory.yaml --filter group=core -c "show version" --json\n  netx shell ssh://admin@192.0.2.1\n  netx completion bash > /etc/bash_completion.d/netx\n\nExit codes: 0 all hosts succeeded, 1 some failed, 2 usage error, 130 interrupted.');

  sessionOptions(
    program
      .command('run')
      .summary('run commands on many hosts at once')
      .description('Run commands on every host of an inventory (or the URLs given), N at a time, with live progress.')
      .argument('[urls...]', 'hosts as URLs: ssh://user@host:port, telnet://host, ws-serial://host:port/path?framing=ttyd')
      .option('-i, --inventory <file>', 'inventory file (.yaml, .json or .csv)')
      .option('-c, --command <command>', 'command to run (repeatable, in order)', collect, [])
      .option('--command-file <file>', 'file of commands, one per line (# comments)')
      .option('--filter <key=value>', 'only hosts that match: group=core, name=r*, driver=ios, a data field (repeatable: all must match)', collect, [])
      .option('-d, --driver <name>', 'driver for every host instead of guessing')
      .option('-j, --concurrency <n>', 'hosts worked on at once', '20')
      .option('--parse', 'parse outputs into records with TextFSM (ntc-templates for the host\'s driver); no template: no records')
      .option('--no-auto-init', 'do not set up the terminal (paging off) before the commands')
      .option('--deadline <seconds>', 'most time one host may take, retries included (0: none)', '0')
      .option('--retries <n>', 'extra tries after a connection error before login', '0')
      .option('--retry-delay <seconds>', 'first backoff, doubled per retry', '1')
      .option('--log-dir <dir>', 'write one session log per host there (passwords masked)')
      .option('--json', 'print one JSON document with every result and the summary')
      .option('--ndjson', 'print one JSON line per host as it finishes, then the summary')
      .option('-q, --quiet', 'table only, without the outputs'),
  )
    .addHelpText('after', '\nExamples:\n  NETX_PASSWORD=pw netx run ssh://admin@192.0.2.1 ssh://admin@192.0.2.2 -c "show version"\n  netx run -i lab.yaml --filter group=core --filter name=r* -c "show ip interface brief" -j 200 --ndjson\n  netx run -i lab.csv --command-file audit.txt --enable --log-dir logs/\n\nPasswords: $NETX_PASSWORD and $NETX_ENABLE_PASSWORD, else asked once on a terminal.')
    .action(async (urls: string[], flags) => setCode(await c.resolve(RunCommand).execute(urls, flags, signal)));

  sessionOptions(program.command('shell').description('Log in and work on the device interactively (Ctrl-] closes).').argument('<url>', 'the host').option('-d, --driver <name>', 'driver instead of guessing'))
    .addHelpText('after', '\nExamples:\n  netx shell ssh://admin@192.0.2.1\n  netx shell telnet://r2 --enable')
    .action(async (url: string, flags) => setCode(await c.resolve(ShellCommand).execute(url, flags)));

  sessionOptions(program.command('guess').description('Log in and print the driver the OS guesser picks, with every score.').argument('<url>', 'the host').option('--json', 'print JSON'))
    .addHelpText('after', '\nExamples:\n  netx guess ssh://admin@192.0.2.1\n  netx guess telnet://r2 --json')
    .action(async (url: string, flags) => setCode(await c.resolve(GuessCommand).execute(url, flags)));

  program
    .command('inventory')
    .description('Check an inventory file (problems with file:line) and list its hosts.')
    .requiredOption('-i, --inventory <file>', 'inventory file (.yaml, .json or .csv)')
    .option('--filter <key=value>', 'only hosts that match (repeatable)', collect, [])
    .option('--json', 'print the hosts as JSON')
    .addHelpText('after', '\nExamples:\n  netx inventory -i lab.yaml\n  netx inventory -i lab.yaml --filter group=core --json')
    .action(async (flags) => setCode(await c.resolve(InventoryCommand).execute(flags)));

  program
    .command('completion')
    .description('Print a shell completion script.')
    .argument('<shell>', 'bash (zsh users: autoload bashcompinit)')
    .addHelpText('after', '\nExamples:\n  source <(netx completion bash)')
    .action((shell: string) => {
      if (shell !== 'bash') throw new UsageError(`No completion for ${JSON.stringify(shell)}; only bash (zsh: "autoload -U bashcompinit && bashcompinit" first).`);
      io.stdout.write(completionScript(program));
      setCode(EXIT.OK);
    });

  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  return program;
}

/** Runs `netx` with argv (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], c: DependencyContainer, signal?: AbortSignal): Promise<number> {
  const io = c.resolve<CliIo>(TOKENS.Io);
  let code: number = EXIT.OK;
  const program = buildProgram(c, io, (n) => (code = n), signal);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (err instanceof UsageError) {
      io.stderr.write(`netx: ${err.message}\n`);
      return EXIT.USAGE;
    }
    const what = isNetxError(err) ? `${err.name} [${err.code}]` : err instanceof Error ? err.name : 'Error';
    io.stderr.write(`netx: ${what}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.FAILED;
  }
}
