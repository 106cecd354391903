// Error answers that point at the offending word: a caret line under it (Cisco,
// Huawei, Junos), built from where the typed line leaves the known commands.
import type { CommandContext } from '../types.js';
import { locateFault, type WordFault } from './cli-words.js';

/** Texts per fault kind; each gets the fault (for quoted words or columns) and the line as typed. */
export interface CaretTexts {
  readonly unknown: (f: WordFault, line: string) => string;
  readonly ambiguous: (f: WordFault, line: string) => string;
  readonly incomplete: (f: WordFault, line: string) => string;
  /** Draw no caret line for these kinds (EOS prints none, IOS none for an incomplete command). */
  readonly noCaret?: readonly WordFault['kind'][];
}

/**
 * An unknown/ambiguous-command handler: a caret under the word where the line goes
 * wrong (the prompt is on the same screen line, so its width counts), then the text.
 */
export function caretError(
  commands: () => readonly string[],
  prompt: (ctx: CommandContext) => string,
  texts: CaretTexts,
): (line: string, ctx: CommandContext) => string {
  return (line, ctx) => {
    const fault = locateFault(line, commands());
    const text = texts[fault.kind](fault, line);
    if (texts.noCaret?.includes(fault.kind)) return text;
    // The caret sits under the first character of the word (past the end when incomplete).
    return `${' '.repeat(prompt(ctx).length + fault.column)}^\n${text}`;
  };
}
