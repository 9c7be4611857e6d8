// The one place that says which panels show which kind of token. A compact JWS (also partial or detached)
// gets the page's own first-load panels (DecodePanes); every other kind's panels are code-split and load
// only when such a token is pasted, so a new token kind costs the first load nothing. Adding a kind is one
// entry here, naming the components its feature folder exports.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TokenKind } from '../core/token-kind';

export type KindPanels = {
  /** The middle pane: what the token holds (headers, payload, claims…). */
  decoded: LazyExoticComponent<ComponentType>;
  /** The top of the key pane: this kind's verdicts. */
  verdicts: LazyExoticComponent<ComponentType>;
  /** Under the key box: the inputs this kind needs besides the key (a second key, expected values…). */
  keyExtras?: LazyExoticComponent<ComponentType>;
  /** What the key box is for with this kind of token. */
  keyPurpose: 'verify' | 'decrypt';
};

/** Loads one named component of a feature module, for React.lazy. */
export function panel<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}

const loadSdJwtPanels = () => import('../features/sdjwt/decodePanels');

export const KIND_PANELS: Partial<Record<TokenKind, KindPanels>> = {
  // RFC 9901: the issuer's JWT, its disclosures and the key binding; the key box holds the issuer's key.
  'sd-jwt': {
    decoded: panel(loadSdJwtPanels, 'SdJwtDecoded'),
    verdicts: panel(loadSdJwtPanels, 'SdJwtVerdicts'),
    keyExtras: panel(loadSdJwtPanels, 'SdJwtKeyExtras'),
    keyPurpose: 'verify',
  },
};
