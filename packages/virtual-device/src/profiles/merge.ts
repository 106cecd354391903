// Profile tables first, then the user's additions: later entries win for the
// same literal key because the user's table is searched first.
import type { CommandResponse, CommandTable } from '../types.js';

/** The entries of a command table in its order (a record's in key order). */
export function pairs(table: CommandTable | undefined): Array<readonly [string | RegExp, CommandResponse]> {
  if (!table) return [];
  const proto = Object.getPrototypeOf(table);
  if (proto === Object.prototype || proto === null) return Object.entries(table as Record<string, CommandResponse>);
  return [...(table as Iterable<readonly [string | RegExp, CommandResponse]>)];
}

/** The user's entries take precedence over the profile's. */
export function mergeTables(profile: CommandTable, user: CommandTable | undefined): CommandTable {
  return [...pairs(user), ...pairs(profile)];
}
