// The app's state: only what the user typed or chose. Everything else (decoded parts, verdicts,
// lint findings, snippets) is derived from it (derive, don't store), except the results
// of async work (verify, sign), which are stored with the request id that produced them.
import type { AlgorithmChoice, ProfileChoice, SdAlgName, SecretEncoding, VerifyResult, X5cTokenVerdict } from '../core';
import type { JweErrorCode } from '../core/jwe/codes';
import type { KeyEngine } from './keyEngine';
import type { SigningErrorCode } from './errorText';
import { DEFAULT_SNIPPET, type SnippetPreferences } from './preferences';

export type Mode = 'decode' | 'encode';
export type ThemeChoice = 'system' | 'light' | 'dark';

export type NoticeKind = 'info' | 'warning' | 'error';
export type Notice = { id: number; kind: NoticeKind; text: string };

/** A token given by the link (`#token=`, `#id_token=`, `#access_token=`, `#value=`, `?token=`, `?value=`). */
export type LinkToken = { name: string; token: string };

/** Who put the key text where it is: decides what the UI says about it (never persisted). */
export type KeySource = 'user' | 'link' | 'example' | 'keygen' | 'jwks' | 'saved';

/** A header/payload edit made in the Decode view, kept verbatim while it still matches the token. */
export type DecodeDraft = { part: 'header' | 'payload'; text: string; token: string };

export type VerificationState =
  | { status: 'idle'; requestId: number }
  | { status: 'pending'; requestId: number; previous: VerifyResult | undefined; keyFrom?: 'header-jwk' }
  /** `keyFrom: 'header-jwk'`: no key was given and the token is a DPoP proof, verified with its own header jwk. */
  | { status: 'done'; requestId: number; result: VerifyResult; keyFrom?: 'header-jwk' };

/**
 * The verdict on a decoded token's `x5c` chain and on its signature by the chain's leaf (x5cVerification.ts).
 * `none`: the token has no x5c. `previous` is the last verdict for the same token while anchors or the clock
 * change, shown as busy rather than blanked; a new token starts without one.
 */
export type X5cVerificationState =
  | { status: 'none'; requestId: number }
  | { status: 'pending'; requestId: number; previous: X5cTokenVerdict | undefined }
  | { status: 'done'; requestId: number; verdict: X5cTokenVerdict }
  /** The x5c engine could not be loaded (offline before it was ever cached, a failed chunk). */
  | { status: 'error'; requestId: number; message: string };

export type SigningState =
  | { status: 'idle'; requestId: number; token: string }
  | { status: 'pending'; requestId: number; token: string }
  /**
   * `sdJwt`: what was issued and presented, when the Encode view makes an SD-JWT. `encrypted`: the token is a JWE of
   * the signed token (the Encode view's encryption is on).
   */
  | {
      status: 'done';
      requestId: number;
      token: string;
      sdJwt?: SdJwtOutput;
      encrypted?: EncryptedOutput;
      /** The payload as signed, when the token is detached (`header..signature`). */
      detachedPayload?: string;
    }
  /** `token` is the last good output, shown greyed out as stale. `stage`: encrypting failed, not signing. */
  | {
      status: 'error';
      requestId: number;
      token: string;
      code: SigningErrorCode | JweErrorCode;
      message: string;
      stage?: 'encrypt';
    };

/** What the Encode view's encryption made: the JWE's header and the signed token inside it. */
export type EncryptedOutput = {
  inner: string;
  header: Record<string, unknown>;
  keyLabel: string;
  warnings: string[];
};

/**
 * What the relying party expects (the `expect-*` inputs): token profiles and SD-JWT key binding compare
 * claims with these. An empty string means "not checked".
 */
export type Expectations = {
  iss: string;
  aud: string;
  clientId: string;
  nonce: string;
  accessToken: string;
  code: string;
  htm: string;
  htu: string;
  /** The authentication request's max_age, in seconds, as typed. */
  maxAge: string;
  /** The token endpoint: an audience a client assertion may name (filled from OIDC discovery). */
  tokenEndpoint: string;
};

export const NO_EXPECTATIONS: Expectations = {
  iss: '',
  aud: '',
  clientId: '',
  nonce: '',
  accessToken: '',
  code: '',
  htm: '',
  htu: '',
  maxAge: '',
  tokenEndpoint: '',
};

/** What a fetched OpenID configuration said (the JWKS panel's fetch): it fills the expected issuer and token endpoint. */
export type DiscoveryInfo = {
  /** Where the configuration document came from. */
  url: string;
  iss: string | undefined;
  tokenEndpoint: string | undefined;
  /** What in the document is unusual or missing, in words. */
  warnings: string[];
};

/** The clock every time rule uses: "as of" a chosen time (default now), a leeway, and a maximum age for iat. */
export type ClockSettings = {
  /** Milliseconds since the epoch, or undefined for the current time. */
  asOf: number | undefined;
  leewaySeconds: number;
  maxAgeSeconds: number | undefined;
};

/**
 * Encode view: make an SD-JWT (RFC 9901) instead of a plain JWT, and optionally a presentation of it. Paths are the
 * concrete JSON paths of the payload (`$.address.street_address`, `$.nationalities[1]`).
 */
export type SdJwtSettings = {
  enabled: boolean;
  /** The claims made selectively disclosable; paths no longer in the payload are ignored. */
  disclose: string[];
  /** Decoy digests added to the top-level `_sd`. */
  decoys: number;
  sdAlg: SdAlgName;
  /** The holder's key (its public half becomes `cnf.jwk`; its private half signs the KB-JWT). Never persisted. */
  holderKeyText: string;
  /** Show a presentation (the SD-JWT with some disclosures left out, and a KB-JWT) instead of the SD-JWT as issued. */
  present: boolean;
  /** Disclosures (by path) left out of the presentation; a new disclosable claim is kept until unticked. */
  omit: string[];
  keyBinding: boolean;
  aud: string;
  nonce: string;
};

/** One disclosure of the SD-JWT the Encode view issued. */
export type SdJwtOutputDisclosure = { path: string; kind: 'property' | 'array-element'; name?: string; value: unknown };

export type SdJwtOutput = {
  /** The SD-JWT as issued: every disclosure, no KB-JWT. */
  issued: string;
  disclosures: SdJwtOutputDisclosure[];
  decoys: number;
  /** Issuing and presenting notes (e.g. a holder key that is not cnf.jwk). */
  warnings: string[];
  /** When a presentation is shown: the paths kept, those added because a kept one sits inside them, and the KB-JWT. */
  presentation?: { kept: string[]; added: string[]; kbJwt?: string };
};

/**
 * The request the token is sent with (the Send-it box, `snippet-*`): the snippets and the negative-test script
 * both use it. URL, method and auth style are remembered (preferences.ts); the body is not.
 */
export type SnippetRequestSettings = SnippetPreferences & { body: string };

/** A key set fetched from a URL this session (the JWKS panel): kept after the key box is changed. */
export type FetchedKeySet = { url: string; text: string };

/** Encode view: the signed token encrypted to a recipient (a nested JWT, `cty: "JWT"`). */
export type EncryptionSettings = {
  enabled: boolean;
  alg: string;
  enc: string;
  keyText: string;
  /** How a shared key or password in `keyText` is read. */
  secretEncoding: SecretEncoding;
};

export type AppState = {
  mode: Mode;
  /** The text of the token box, already normalised (Bearer, quotes and line breaks removed). */
  tokenText: string;
  /** What the last normalisation removed, in words; shown under the token box. */
  tokenChanges: string[];
  /**
   * A paste into the token box refused for its size (it never reached the box), and the token text it left in
   * place: the refusal is shown while the token is still that text.
   */
  refusedTokenPaste: { chars: number; keptText: string } | undefined;
  /** Tokens from the link; a switcher appears when there are several. */
  linkTokens: LinkToken[];
  keyText: string;
  keySource: KeySource;
  /** The URL a fetched key set came from, while the key text is exactly that set. */
  keySetUrl: string | undefined;
  /** The last key-set fetch the user asked for failed: the signature verdict says so and leads to why. */
  keySetFailure: { url: string | undefined; code: string; message: string } | undefined;
  secretEncoding: SecretEncoding;
  decodeDraft: DecodeDraft | undefined;
  /** Encode view: the JSON texts being edited and the algorithm. */
  headerText: string;
  payloadText: string;
  alg: AlgorithmChoice;
  /** Encode view: refresh iat/exp on every change (the templates option). */
  refreshTimes: boolean;
  snippetRequest: SnippetRequestSettings;
  /** The last key set fetched from a URL; the negative-test pack uses it as the server's public key. */
  fetchedKeySet: FetchedKeySet | undefined;
  /** The key of a signed token found inside a decrypted JWE (`inner-key-input`). */
  innerKeyText: string;
  innerSecretEncoding: SecretEncoding;
  /** The payload of a detached JWS (`header..signature`), as the signer had it (`detached-payload-input`). */
  detachedPayloadText: string;
  /** Trusted root certificates (PEM) for a token's x5c chain (`trust-anchor-input`). */
  trustAnchorsText: string;
  /** The token profile to judge (`profile-select`). */
  profile: ProfileChoice;
  expected: Expectations;
  /** The last OpenID configuration fetched, if any. */
  discovery: DiscoveryInfo | undefined;
  clock: ClockSettings;
  encryption: EncryptionSettings;
  sdJwt: SdJwtSettings;
  /** Encode view: output the signed token with its payload detached (`header..signature`, RFC 7515 Appendix F). */
  signDetached: boolean;
  theme: ThemeChoice;
  notices: Notice[];
  verification: VerificationState;
  x5c: X5cVerificationState;
  signing: SigningState;
  /** The code that reads keys and checks signatures, once it has loaded after the first paint (keyEngine.ts). */
  keyEngine: KeyEngine | undefined;
};

export const DEFAULT_HEADER = { alg: 'HS256', typ: 'JWT' };

export function initialPayload(nowSeconds: number): Record<string, unknown> {
  return { sub: '1234567890', name: 'Ada Lovelace', iat: nowSeconds, exp: nowSeconds + 3600 };
}

export function createInitialState(
  theme: ThemeChoice,
  nowMs: number,
  snippet: SnippetPreferences = DEFAULT_SNIPPET,
): AppState {
  return {
    mode: 'decode',
    tokenText: '',
    tokenChanges: [],
    refusedTokenPaste: undefined,
    linkTokens: [],
    keyText: '',
    keySource: 'user',
    keySetUrl: undefined,
    keySetFailure: undefined,
    secretEncoding: 'utf8',
    decodeDraft: undefined,
    headerText: JSON.stringify(DEFAULT_HEADER, null, 2),
    payloadText: JSON.stringify(initialPayload(Math.floor(nowMs / 1000)), null, 2),
    alg: 'HS256',
    refreshTimes: false,
    snippetRequest: { ...snippet, body: '' },
    fetchedKeySet: undefined,
    innerKeyText: '',
    innerSecretEncoding: 'utf8',
    detachedPayloadText: '',
    trustAnchorsText: '',
    profile: 'auto',
    expected: NO_EXPECTATIONS,
    discovery: undefined,
    clock: { asOf: undefined, leewaySeconds: 0, maxAgeSeconds: undefined },
    encryption: { enabled: false, alg: 'RSA-OAEP-256', enc: 'A256GCM', keyText: '', secretEncoding: 'utf8' },
    signDetached: false,
    sdJwt: {
      enabled: false,
      disclose: [],
      decoys: 0,
      sdAlg: 'sha-256',
      holderKeyText: '',
      present: false,
      omit: [],
      keyBinding: false,
      aud: '',
      nonce: '',
    },
    theme,
    notices: [],
    verification: { status: 'idle', requestId: 0 },
    x5c: { status: 'none', requestId: 0 },
    signing: { status: 'idle', requestId: 0, token: '' },
    keyEngine: undefined,
  };
}
