// The app store's public face for every feature folder (keygen, jwks, decode, encode, snippet).
export * from './appState';
export * as actions from './actions';
export { isAlgorithmChoice } from './actions';
export { appStore, useAppState, useIdleAppState } from './store';
export { whenIdle } from './whenIdle';
export {
  selectDecode,
  selectTokenKind,
  selectSendableToken,
  selectKeyDetection,
  selectEncKeyDetection,
  selectKeyExposure,
  selectTimeClaims,
  selectClaimRows,
  selectLint,
  selectTokenHasX5c,
  selectKeyHasX5c,
  prettyHeader,
  prettyPayload,
} from './derived';
export type { DecodeOutcome, KeyReading, TokenProblem } from './derived';
export { loadKeyEngine } from './keyEngine';
export type { KeyEngine } from './keyEngine';
export { useIsDark } from './theme';
export { bodyAllowed, snippetRequestOf } from './snippetRequest';
export { useNow } from './useNow';
export { clockOptions, useVerdictClock } from './clock';
export type { VerdictClock } from './clock';
export { LARGE_TEXT_CHARS, LIST_PREVIEW_ITEMS, formatCount, useDeferredDecode } from './deferredDecode';
export type { DecodeSnapshot } from './deferredDecode';
export { createAsyncResults } from './asyncResults';
export type { AsyncResults, AsyncView } from './asyncResults';
