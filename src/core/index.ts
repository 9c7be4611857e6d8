// The public API of the engine (docs/interface.md §3). Importable under Node 20+ without React or a DOM.
export * from './types';
export * from './errors';
export * from './snippets';
export * from './oidc';
export * from './token';
export * from './claims';
export * from './lint';
export * from './keys';
export * from './verify';
export * from './jwks';
export * from './sign';
export * from './keygen';
export * from './templates';
export * from './json-preview';
export * from './payload-bytes';
export * from './key-exposure';
export * from './json-as-written';
// Types only: the x5c engine's values (it carries pkijs) are imported lazily from './x5c'.
export type * from './x5c/types';
export type { ChainOptions } from './x5c/validate-chain';
// SD-JWT: types only; the functions are in ./sdjwt (index.ts), which the page loads lazily.
export type * from './sdjwt/types';
export type { JwtVcIssuerUrl } from './sdjwt/issuer-metadata';
export * from './profiles';
// The negative-test pack is loaded on demand (it brings an X.509 library): import its values from
// './negative' lazily; only its types are re-exported here.
export type {
  HostedMaterial,
  NegativeCase,
  NegativeCaseId,
  NegativeCaseState,
  NegativeKeyState,
  NegativeKeys,
  NegativeOptions,
  NegativePack,
  NegativePackInput,
  NegativeScriptOptions,
  NegativeScriptResult,
  NegativeToken,
  NegativeTokenRow,
} from './negative';
export * from './token-kind';
export * from './jwe';
export * from './jws';
