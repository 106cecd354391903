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

export interface Resolution {
  /** The typed words, each replaced by the known word it stands for (as far as they fit). */
  readonly words: readonly string[];
  /** The first word that fits no known command or several; undefined when every word fits. */
  readonly fault: WordFault | undefined;
  /** The words name a known command exactly. */
  readonly isCommand: boolean;
  /** Known words that may follow the resolved ones. */
  readonly next: readonly string[];
}

/** Expands the typed words of `line` along the known `commands` (unique prefixes or exact words; exact only without `prefixes`). */
export function resolveLine(line: string, commands: readonly string[], prefixes = true): Resolution {
  let remaining = commands.map((c) => c.split(' '));
  const typed = wordsOf(line);
  const words: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    const { word, at } = typed[i]!;
    const next = [...new Set(remaining.filter((w) => w.length > i).map((w) => w[i]!))];
    const chosen = next.includes(word) ? [word] : prefixes ? next.filter((k) => k.toLowerCase().startsWith(word.toLowerCase())) : [];
    // No known word continues here (or the known commands end before it): the line is wrong at this word.
    if (chosen.length !== 1) {
      const fault: WordFault =
        chosen.length === 0
          ? { kind: 'unknown', index: i, column: at, word, candidates: [] }
          : { kind: 'ambiguous', index: i, column: at, word, candidates: chosen.sort() };
      return { words, fault, isCommand: false, next: [] };
    }
    words.push(chosen[0]!);
    remaining = remaining.filter((w) => w[i] === chosen[0]);
  }
  const n = typed.length;
  return {
    words,
    fault: undefined,
    isCommand: remaining.some((w) => w.length === n),
    next: [...new Set(remaining.filter((w) => w.length > n).map((w) => w[n]!))].sort(),
  };
}

/** The first word of `line` that the known `commands` reject, or why the line stops short. */
export function locateFault(line: string, commands: readonly string[], prefixes = true): WordFault {
  const r = resolveLine(line, commands, prefixes);
  return r.fault ?? { kind: 'incomplete', index: r.words.length, column: line.length, word: '', candidates: r.next };
}
