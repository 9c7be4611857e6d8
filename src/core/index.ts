// The public API of the engine (CONTRACT.md §3). Importable under Node 20+ without React or a DOM.
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
export * from './token-kind';
export * from './jwe';
export * from './jws';
