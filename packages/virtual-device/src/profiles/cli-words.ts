// Where a typed command leaves a profile's known commands, so error texts can put
// their caret (`^`), column or quoted word where the real CLI does. Commands match
// word by word, each typed word a unique prefix (or an exact match) of a known one,
// the same rule the command table applies.
import type { CommandTable } from '../types.js';
import { pairs } from './merge.js';

export interface WordFault {
  /** 'unknown': no known command continues with this word; 'ambiguous': several do; 'incomplete': every word fits but the command needs more. */
  readonly kind: 'unknown' | 'ambiguous' | 'incomplete';
  /** Index of the word in the typed line (the word count when incomplete). */
  readonly index: number;
  /** Character offset of that word in the line as typed (the line length when incomplete). */
  readonly column: number;
  /** The typed word ('' when incomplete). */
  readonly word: string;
  /** Known words the typed one could be (ambiguous) or that may follow (incomplete). */
  readonly candidates: readonly string[];
}

/** The literal (string-keyed) commands of tables, blanks collapsed. */
export function literalCommands(...tables: readonly (CommandTable | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of tables) for (const [key] of pairs(t)) if (typeof key === 'string') out.add(key.trim().split(/\s+/).join(' '));
  return [...out];
}

/** Typed words with their offsets in the line. */
function wordsOf(line: string): { word: string; at: number }[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: m.index }));
}

/** The first word of `line` that the known `commands` reject, or why the line stops short. */
export function locateFault(line: string, commands: readonly string[]): WordFault {
  let remaining = commands.map((c) => c.split(' '));
  const typed = wordsOf(line);
  for (let i = 0; i < typed.length; i++) {
    const { word, at } = typed[i]!;
    const next = [...new Set(remaining.filter((w) => w.length > i).map((w) => w[i]!))];
    // Past every known word (arguments the table does not list): the line is wrong at its end.
    if (next.length === 0) return { kind: 'unknown', index: i, column: at, word, candidates: [] };
    const chosen = next.includes(word) ? [word] : next.filter((k) => k.toLowerCase().startsWith(word.toLowerCase()));
    if (chosen.length === 0) return { kind: 'unknown', index: i, column: at, word, candidates: [] };
    if (chosen.length > 1) return { kind: 'ambiguous', index: i, column: at, word, candidates: chosen.sort() };
    remaining = remaining.filter((w) => w[i] === chosen[0]);
  }
  const more = [...new Set(remaining.filter((w) => w.length > typed.length).map((w) => w[typed.length]!))].sort();
  return { kind: 'incomplete', index: typed.length, column: line.length, word: '', candidates: more };
}
