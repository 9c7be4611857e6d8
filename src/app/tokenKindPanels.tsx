// The one place that says which panels show which kind of token. A compact JWS (also partial or detached)
// gets the page's own first-load panels (DecodePanes); every other kind's panels are code-split and load
// only when such a token is pasted, so a new token kind costs the first load nothing. Adding a kind is one
// entry here, naming the components its feature folder exports.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TokenKind } from '../core/token-kind';

export type KindPanels = {
  /** The middle pane: what the token holds (headers, payload, claims…). Absent: the compact JWS panels. */
  decoded?: LazyExoticComponent<ComponentType>;
  /** The top of the key pane: this kind's verdicts. Absent: the compact JWS verdicts. */
  verdicts?: LazyExoticComponent<ComponentType>;
  /** Under the key box: the inputs this kind needs besides the key (a second key, expected values…). */
  keyExtras?: LazyExoticComponent<ComponentType>;
  /** What the key box is for with this kind of token. */
  keyPurpose: 'verify' | 'decrypt';
};

/** Loads one named component of a feature module, for React.lazy. */
export function panel<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}

// One loader per feature: its panels share a chunk and one import site.
const loadJwe = () => import('../features/jwe/panels');
const loadJws = () => import('../features/jws/panels');
const loadSdJwt = () => import('../features/sdjwt/decodePanels');

// RFC 7516: an encrypted token, compact or in either JSON serialization; the key box holds the decryption key.
const JWE: KindPanels = {
  decoded: panel(loadJwe, 'JweDecoded'),
  verdicts: panel(loadJwe, 'JweVerdicts'),
  keyExtras: panel(loadJwe, 'JweKeyExtras'),
  keyPurpose: 'decrypt',
};

// RFC 7515 §7.2: a signed token in JSON serialization, one signature or several.
const JWS_JSON: KindPanels = {
  decoded: panel(loadJws, 'JwsJsonDecoded'),
  verdicts: panel(loadJws, 'JwsJsonVerdicts'),
  keyExtras: panel(loadJws, 'JwsJsonKeyExtras'),
  keyPurpose: 'verify',
};

export const KIND_PANELS: Partial<Record<TokenKind, KindPanels>> = {
  // RFC 9901: the issuer's JWT, its disclosures and the key binding; the key box holds the issuer's key.
  'sd-jwt': {
    decoded: panel(loadSdJwt, 'SdJwtDecoded'),
    verdicts: panel(loadSdJwt, 'SdJwtVerdicts'),
    keyExtras: panel(loadSdJwt, 'SdJwtKeyExtras'),
    keyPurpose: 'verify',
  },
  'jwe-compact': JWE,
  'jwe-json-flattened': JWE,
  'jwe-json-general': JWE,
  'jws-json-flattened': JWS_JSON,
  'jws-json-general': JWS_JSON,
  // RFC 7515 Appendix F: a compact JWS whose payload travels separately keeps the compact JWS panels, plus the
  // box that takes the payload (the verification runner then checks the signature over it).
  'jws-detached': {
    keyExtras: panel(loadJws, 'DetachedJwsExtras'),
    keyPurpose: 'verify',
  },
};
