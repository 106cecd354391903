// ANSI helpers for prompt matching. Drivers clean the searched text with their
// `cleanSearchText` hook; the engine maps a match in the cleaned text back to
// the received text, so `response` and consuming stay exact.
import { stripAnsi } from '../drivers/pagers.js';

/**
 * A driver's `cleanSearchText` for colour prompts: stripAnsi itself (complete CSI and
 * OSC sequences and a half-received escape sequence at the end go), under the name
 * the hook is known by.
 */
export const cleanPromptText: (text: string) => string = stripAnsi;

/**
 * Maps positions in `cleaned` (the result of deleting characters from `original`)
 * to positions in `original`. Aligns from the end, because prompts sit at the end:
 * `map[i]` is where cleaned[i] is in original, `map[cleaned.length]` = original.length.
 * A hook that does more than delete gets a best-effort map (unmatched positions -> 0).
 */
export function alignCleaned(original: string, cleaned: string): Int32Array {
  const map = new Int32Array(cleaned.length + 1);
  map[cleaned.length] = original.length;
  let i = original.length - 1;
  let j = cleaned.length - 1;
  while (j >= 0 && i >= 0) {
    if (original.charCodeAt(i) === cleaned.charCodeAt(j)) {
      map[j] = i;
      j--;
    }
    i--;
  }
  for (; j >= 0; j--) map[j] = 0;
  return map;
}
