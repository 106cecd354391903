// Errors of @netx/textfsm. They carry the brand of @netx/core's NetxError
// (Symbol.for('netx:error')) and a stable `code`, so core's isNetxError() recognises them,
// while this package stays free of any dependency on core (it runs in a browser too).

const BRAND = Symbol.for('netx:error');

export const TextFsmErrorCodes = {
  /** The template (or one of its regular expressions) is invalid. */
  TEMPLATE: 'NETX_TEXTFSM_TEMPLATE',
  /** A rule with the `Error` action matched a line of the input. */
  ERROR_ACTION: 'NETX_TEXTFSM_ERROR_ACTION',
  /** The index has no template for this platform and command. */
  NO_TEMPLATE: 'NETX_TEXTFSM_NO_TEMPLATE',
  /** The index file itself is malformed, or names a template that cannot be read. */
  INDEX: 'NETX_TEXTFSM_INDEX',
} as const;
export type TextFsmErrorCode = (typeof TextFsmErrorCodes)[keyof typeof TextFsmErrorCodes];

/** Base class: a NetxError (by brand) with one of the codes above. */
export class TextFsmBaseError extends Error {
  readonly code: TextFsmErrorCode;
  readonly [BRAND] = true;
  constructor(code: TextFsmErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** A bad template: the message names the template line (as Python TextFSM's does). */
export class TextFSMTemplateError extends TextFsmBaseError {
  /** 1-based line of the template, when known. */
  readonly line?: number;
  constructor(message: string, options: { line?: number; cause?: unknown } = {}) {
    super(TextFsmErrorCodes.TEMPLATE, message, options);
    if (options.line !== undefined) this.line = options.line;
  }
}

/** The template's `Error` action fired on an input line: the text is not what it expects. */
export class TextFSMError extends TextFsmBaseError {
  readonly ruleLine: number;
  readonly inputLine: string;
  constructor(message: string, ruleLine: number, inputLine: string) {
    super(TextFsmErrorCodes.ERROR_ACTION, message);
    this.ruleLine = ruleLine;
    this.inputLine = inputLine;
  }
}

/** No row of the index matches the platform and command. */
export class TemplateNotFoundError extends TextFsmBaseError {
  readonly attributes: Readonly<Record<string, string>>;
  constructor(message: string, attributes: Record<string, string>) {
    super(TextFsmErrorCodes.NO_TEMPLATE, message);
    this.attributes = attributes;
  }
}

/** The index is malformed (no Template column, bad regex) or a template cannot be read. */
export class TemplateIndexError extends TextFsmBaseError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(TextFsmErrorCodes.INDEX, message, options);
  }
}

/** A regular expression error, before the engine adds where it is in the template. */
export class PyRegexError extends Error {
  readonly position: number | undefined;
  /** True when the pattern is valid Python but has no JavaScript translation. */
  readonly untranslatable: boolean;
  constructor(message: string, position?: number, untranslatable = false) {
    super(position === undefined ? message : `${message} at position ${position}`);
    this.name = 'PyRegexError';
    this.position = position;
    this.untranslatable = untranslatable;
  }
}
