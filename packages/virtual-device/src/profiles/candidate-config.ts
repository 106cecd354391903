// The candidate configuration of commit-style platforms (IOS XR, VRP 8, PAN-OS,
// FortiOS `config` blocks): lines kept per session until a commit applies them.
import type { CommandContext } from '../types.js';

/** The session's uncommitted lines under `key` (created empty on first use). */
export function pendingLines(ctx: CommandContext, key: string): string[] {
  let lines = ctx.state.get(key) as string[] | undefined;
  if (!lines) ctx.state.set(key, (lines = []));
  return lines;
}

/** Applies the pending lines in order, then forgets them; returns how many there were. */
export function commitLines(ctx: CommandContext, key: string, apply: (line: string) => void): number {
  const lines = pendingLines(ctx, key);
  const count = lines.length;
  for (const line of lines) apply(line);
  lines.length = 0;
  return count;
}

/** An `apply` for commitLines: a line matching `re` renames the device to its first group. */
export const renameBy =
  (ctx: CommandContext, re: RegExp) =>
  (line: string): void => {
    const m = re.exec(line);
    if (m) ctx.hostname = m[1]!;
  };

/**
 * Leaving configuration with uncommitted lines: asks `question`; an answer in `yes`
 * commits, one in `no` discards, anything else cancels. True when the caller may leave.
 */
export async function confirmLeave(
  ctx: CommandContext,
  key: string,
  question: string,
  answers: { readonly yes: readonly string[]; readonly no: readonly string[] },
  commit: () => void,
): Promise<boolean> {
  if (pendingLines(ctx, key).length === 0) return true;
  const answer = (await ctx.ask(question)).trim().toLowerCase();
  if (answers.yes.includes(answer)) commit();
  else if (answers.no.includes(answer)) pendingLines(ctx, key).length = 0;
  else return false;
  return true;
}
