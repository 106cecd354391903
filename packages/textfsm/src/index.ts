// @netx/textfsm: Google's TextFSM template engine with Python's regex semantics, and the
// ntc-templates index (clitable). Runtime-neutral: nothing here reads files; see ./node.ts.
export { TextFSM, type Row, type RecordDict, type ParseOptions, type ValueInfo } from './engine/textfsm.js';
export { TextFSMValue, OPTION_NAMES, type OptionName, type Cell, type ListItem } from './engine/value.js';
export { TextFSMRule } from './engine/rule.js';
export { clearTemplateCache } from './engine/template.js';
export { PyRegex, PyMatch, type PyRegexOptions } from './pyre/index.js';
export {
  TextFsmErrorCodes,
  TextFsmBaseError,
  TextFSMTemplateError,
  TextFSMError,
  TemplateNotFoundError,
  TemplateIndexError,
  PyRegexError,
  type TextFsmErrorCode,
} from './errors.js';
export { parseCmd, findTemplates, type TemplateSource, type Table, type TableCell } from './clitable/cli-table.js';
export { parseIndex, expandCompletion, findRow, type IndexTable, type IndexRow } from './clitable/index-table.js';
export { parseOutput, parseResponse, resolvePlatform, stripEcho, type OutputRecord, type ParseOutputOptions } from './parse-output.js';
export { DRIVER_PLATFORMS, ntcPlatforms } from './platforms.js';
export { templatesFromRecord } from './memory-source.js';
