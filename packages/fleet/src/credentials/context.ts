// What the runner tells an AccountFactory about the login it needs. A superset of
// core's context, so any AccountFactory works; fleet's factories read the extra fields.
export interface FleetAccountContext {
  /** The host's inventory name. */
  host?: string;
  purpose: string;
  /** The user name from the host URL or the inventory, if any. */
  username?: string;
  /** The host's `options.account`: a named account (credentials files key on it). */
  account?: string;
}

/** Asks the user a question; `hidden` input is not echoed (passwords). */
export type AskFunction = (question: string, opts: { hidden: boolean }) => Promise<string>;
