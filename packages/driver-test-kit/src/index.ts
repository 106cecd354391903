// @netx/driver-test-kit: the tests every netx driver runs against its own samples.
export { driverKitSuite, preview, type DriverKitOptions, type KitTestApi } from './suite.js';
export {
  anyMatch,
  driverRegExps,
  endsInPrompt,
  findCommandError,
  findPager,
  findPrompt,
  guessEveryWay,
  guessFromChunks,
  hasPrompt,
  onOwnLine,
  promptContexts,
  SAMPLE_ECHO,
  SAMPLE_OUTPUT,
  type ChunkedGuesses,
  type CommandErrorHit,
  type PromptMatch,
} from './checks.js';
export { COMMON_NOT_PROMPTS, commonNotPromptFailures, promptSampleWithBlanks, type CommonNotPromptKind } from './not-prompts.js';
export { randomChunks, seededRandom, seedOf } from './random.js';
export {
  acceptInitCommands,
  driverE2eScenario,
  LONG_OUTPUT,
  runDriverScenario,
  type DriverScenario,
  type ScenarioTestApi,
} from './scenario.js';
export { driverTableTests, guessScores, readBannerDir, type DriverTableOptions, type NamedText } from './table.js';
