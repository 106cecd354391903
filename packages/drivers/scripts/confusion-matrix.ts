// Prints, as markdown, how the OS guesser (all built-in drivers) labels the Exscript
// corpus and every driver's own banner samples: a per-file table for the corpus and
// a sparse confusion matrix (expected driver -> guessed drivers with counts); then the
// corpus behind each console server, by the text alone and through a real login.
// Run: pnpm --filter @netx/drivers run confusion-matrix
import { allDrivers } from '../src/index.js';
import { CONSOLE_SERVERS, consoleVariants } from './console-servers.js';
import { corpusTexts, sampleBanners, type LabelledText } from './corpus-data.js';
import { agreed, guessWays } from './guess-ways.js';
import { replayLogin } from './login-replay.js';

function label(t: LabelledText): { t: LabelledText; got: string; ways: ReturnType<typeof guessWays> } {
  const ways = guessWays(allDrivers, t.text, t.source);
  return { t, got: agreed(ways), ways };
}

const corpus = corpusTexts().map(label);
const samples = sampleBanners(allDrivers).map(label);
const lines: string[] = [];

const right = (rows: { t: LabelledText; got: string }[]) => rows.filter((r) => r.got === r.t.expected).length;
lines.push(`Drivers: ${allDrivers.length}. Corpus: ${right(corpus)}/${corpus.length} right. Driver banner samples: ${right(samples)}/${samples.length} right.`);
lines.push('Every text is fed whole, one character at a time, in seeded random chunks and as random byte chunks');
lines.push('decoded like the Protocol does; a cell shows one name when all four agree.');
lines.push('');
lines.push('### Exscript corpus');
lines.push('');
lines.push('| file | expected | guessed | |');
lines.push('|---|---|---|---|');
for (const r of corpus) lines.push(`| ${r.t.source.slice(7)} | ${r.t.expected} | ${r.got} | ${r.got === r.t.expected ? 'ok' : '**wrong**'} |`);
lines.push('');
lines.push('### Confusion matrix (corpus + banner samples; expected -> guessed)');
lines.push('');
lines.push('| expected | texts | right | guessed as (count) |');
lines.push('|---|---|---|---|');
const byExpected = new Map<string, { got: string }[]>();
for (const r of [...corpus, ...samples]) byExpected.set(r.t.expected, [...(byExpected.get(r.t.expected) ?? []), { got: r.got }]);
for (const [expected, rows] of [...byExpected.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.got, (counts.get(r.got) ?? 0) + 1);
  const cells = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([g, n]) => (g === expected ? `${g} (${n})` : `**${g} (${n})**`))
    .join(', ');
  lines.push(`| ${expected} | ${rows.length} | ${counts.get(expected) ?? 0} | ${cells} |`);
}
lines.push('');
lines.push('### Behind a console server (the labelled transcripts; text alone / through a login)');
lines.push('');
lines.push('| console server | text alone | through a login |');
lines.push('|---|---|---|');
const labelled = corpusTexts().filter((t) => t.expected !== 'unknown');
for (const server of CONSOLE_SERVERS) {
  const vs = consoleVariants(labelled, [server]);
  let text = 0;
  let login = 0;
  for (const v of vs) {
    if (agreed(guessWays(allDrivers, v.text, v.source)) === v.expected) text++;
    if ((await replayLogin(allDrivers, v.text, server.remoteVersion ? { remoteVersion: server.remoteVersion } : {})).guess === v.expected) login++;
  }
  lines.push(`| ${server.name} | ${text}/${vs.length} | ${login}/${vs.length} |`);
}
console.log(lines.join('\n'));
