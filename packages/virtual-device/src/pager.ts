// Shows long output a page at a time behind a more-prompt, as a device's pager
// does: space shows the next page, return the next line, q stops the output.
import type { PagerAction, PagerOptions, PagerState } from './types.js';

export interface ResolvedPager {
  readonly prompt: (shown: number, total: number) => string;
  /** Text that wipes the given more-prompt. */
  readonly erase: (prompt: string) => string;
  readonly keys: Readonly<Record<string, PagerAction>>;
  readonly otherKey: PagerAction;
  readonly initial: PagerState;
}

const DEFAULT_KEYS: Readonly<Record<string, PagerAction>> = Object.freeze({ ' ': 'page', '\r': 'line', '\n': 'line', q: 'quit', Q: 'quit' });

export function resolvePager(opts: PagerOptions | false | undefined): ResolvedPager | undefined {
  if (!opts) return undefined;
  const p = opts.prompt ?? ' --More-- ';
  const prompt = typeof p === 'function' ? p : () => p;
  const erase = opts.erase;
  const pageLength = opts.pageLength ?? 24;
  if (!Number.isInteger(pageLength) || pageLength < 1) {
    throw new TypeError(`VirtualDevice: pager.pageLength must be a whole number of lines >= 1, got ${pageLength}.`);
  }
  return {
    prompt,
    erase: typeof erase === 'function' ? erase : erase !== undefined ? () => erase : (shown) => '\b'.repeat(shown.length) + ' '.repeat(shown.length) + '\b'.repeat(shown.length),
    keys: opts.keys ?? DEFAULT_KEYS,
    otherKey: opts.otherKey ?? 'quit',
    initial: { enabled: opts.enabled ?? true, pageLength },
  };
}

/** Splits text into lines that keep their line ends. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

export interface PagerIo {
  write(text: string): void;
  readKey(): Promise<string>;
}

/** Writes `text` through the pager; resolves when it was shown or the user quit. */
export async function pageOut(text: string, state: PagerState, pager: ResolvedPager | undefined, io: PagerIo): Promise<void> {
  if (!pager || !state.enabled || state.pageLength <= 0) {
    io.write(text);
    return;
  }
  const lines = splitLines(text);
  let shown = Math.min(state.pageLength, lines.length);
  io.write(lines.slice(0, shown).join(''));
  // Each round needs a key from the client, so the loop ends with the output or the input.
  while (shown < lines.length) {
    const more = pager.prompt(shown, lines.length);
    io.write(more);
    const key = await io.readKey();
    io.write(pager.erase(more));
    const action = pager.keys[key] ?? pager.otherKey;
    if (action === 'quit') return;
    const step = action === 'page' ? state.pageLength : action === 'all' ? lines.length - shown : 1;
    io.write(lines.slice(shown, shown + step).join(''));
    shown += step;
  }
}
