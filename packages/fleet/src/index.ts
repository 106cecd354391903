// @netx/fleet: one job over many devices. Inventories, credentials, the runner, writers.
export {
  FleetErrorCodes,
  InventoryError,
  isInventoryError,
  CredentialError,
  UnknownDriverError,
  UnknownSchemeError,
  JobError,
  formatLocation,
  type FleetErrorCode,
  type InventoryProblem,
  type SourceLocation,
} from './errors.js';
export { parseHostUrl, hostUrl, type HostUrl, type HostUrlParts } from './url.js';
export type { BuildOptions, EntityInit, Host, HostInit, HostOptions, InventoryData, Locator } from './inventory/types.js';
export { Inventory } from './inventory/inventory.js';
export { buildInventory } from './inventory/build.js';
export { loadInventory, parseInventory, type InventoryFormat, type LoadOptions } from './inventory/load.js';
export { inventoryFromUrls } from './inventory/from-urls.js';
export { parseFilters, type HostFilter } from './inventory/filter.js';
export type { AskFunction, FleetAccountContext } from './credentials/context.js';
export { envAccounts, promptAccounts, agentAccounts, chainAccounts, type EnvAccountsOptions, type PromptAccountsOptions, type AgentAccountsOptions } from './credentials/sources.js';
export { fileAccounts } from './credentials/file-accounts.js';
export { checkPrivateFile, readKeyFile } from './credentials/files.js';
export { runFleet, FleetRun } from './runner/run.js';
export { readCommandFile } from './runner/job.js';
export { sessionLogPath } from './runner/session.js';
export type {
  CommandOutput,
  FleetOptions,
  HostErrorInfo,
  HostResult,
  HostTimings,
  Job,
  ParseHook,
  RunProgress,
  RunSummary,
  TaskContext,
  TaskFunction,
  TransportFactory,
} from './runner/types.js';
export { writeNdjson, writeJson, type TextSink } from './writers.js';
