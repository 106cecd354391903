// Error messages are sentences built from parts, some of them other messages
// (a transport's error, a callback's exception). A part goes in as a clause, with
// its closing full stop dropped, so no message ever reads "closed.. Last received".

/** `text` without trailing full stops and blanks, for use inside a sentence. */
export function clause(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** The message of anything thrown, as a clause. */
export function reasonOf(err: unknown): string {
  return clause(err instanceof Error ? err.message : String(err));
}
