// Types of the SD-JWT engine (RFC 9901, SD-JWT VC). Re-exported as types from src/core/index.ts; the functions
// are reached through src/core/sdjwt/index.ts, which the page loads lazily.
import type { JWK } from 'jose';
import type { DecodedToken } from '../token';
import type { KeySetResult } from '../jwks';
import type { KeyInput, VerifyOptions } from '../types';
import type { KEY_BINDING_CHECK_IDS, SD_JWT_MAKE_ERROR_CODES, SD_JWT_PROBLEM_CODES } from './codes';

export type SdJwtProblemCode = (typeof SD_JWT_PROBLEM_CODES)[number];
export type KeyBindingCheckId = (typeof KEY_BINDING_CHECK_IDS)[number];
export type SdJwtMakeErrorCode = (typeof SD_JWT_MAKE_ERROR_CODES)[number];

/** `compact`: `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]`; the others are RFC 9901 §8's JWS JSON Serialization. */
export type SdJwtFormat = 'compact' | 'json-flattened' | 'json-general';

export type SdProblem = {
  code: SdJwtProblemCode;
  /** What is wrong, in words, naming the disclosure or the place. */
  message: string;
  /** Index into `SdJwtInspection.disclosures`, when one disclosure is at fault. */
  disclosure?: number;
  /** JSON path of the place in the payload, e.g. `$.address._sd`. */
  path?: string;
};

export type SdStructureVerdict = {
  state: 'ok' | 'error';
  /** The first problem's code (the UI's `data-code`); absent when `ok`. */
  code?: SdJwtProblemCode;
  /** One or two sentences: what was found, or the first problem and how many more there are. */
  message: string;
  problems: SdProblem[];
};

/**
 * `placed`: matched to a digest and inserted at `path`. `unreferenced`: no digest refers to it (forged or foreign).
 * `repeated`: the same disclosure was sent before. `malformed`: it does not decode to a valid disclosure.
 * `rejected`: matched, but inserting it broke a rule (overwrite, reserved name, wrong kind). `unchecked`: the
 * `_sd_alg` cannot be computed here, so no digest could be matched.
 */
export type SdDisclosureState = 'placed' | 'unreferenced' | 'repeated' | 'malformed' | 'rejected' | 'unchecked';

export type SdDisclosure = {
  /** Position among the disclosures sent (0-based). */
  index: number;
  /** The disclosure as sent (base64url). */
  encoded: string;
  /** base64url digest of `encoded` under `_sd_alg`; absent when that hash cannot be computed here. */
  digest?: string;
  /** `property`: [salt, name, value]; `array-element`: [salt, value]. */
  kind: 'property' | 'array-element' | 'malformed';
  salt?: string;
  /** The claim name (`property` only). */
  name?: string;
  /** The disclosed value, as in the disclosure (digests inside it not resolved). */
  value?: unknown;
  /** The decoded JSON text, exactly as the issuer wrote it. */
  json?: string;
  /** Where the claim lands in `processedPayload` (`$.address.street_address`, `$.nationalities[0]`). */
  path?: string;
  /** The disclosure whose value held this one's digest (recursive disclosure); absent at the top. */
  parent?: number;
  state: SdDisclosureState;
  /** The first problem naming this disclosure. */
  problem?: SdProblem;
};

/** A digest no disclosure matched: an undisclosed claim or a decoy (RFC 9901 §4.2.5); which one cannot be known. */
export type SdUndisclosedDigest = {
  digest: string;
  /** In an object's `_sd` (a property) or an array's `{"...": digest}` (an element). */
  kind: 'property' | 'array-element';
  /** JSON path of the object or array holding it, in the processed payload (`$`, `$.address`, `$.nationalities`). */
  container: string;
};

export type SdAlgState = 'supported' | 'unknown' | 'unsupported' | 'weak' | 'invalid';

export type SdAlgInfo = {
  /** The `_sd_alg` value, or `sha-256` when the claim is absent. */
  name: string;
  source: 'claim' | 'default';
  state: SdAlgState;
  /** Why the value is refused (absent when `supported`). */
  message?: string;
};

/** SD-JWT VC (draft-ietf-oauth-sd-jwt-vc) facts about the credential; shown, never fetched. */
export type SdJwtVcInfo = {
  typ?: string;
  /** `dc+sd-jwt` current; `vc+sd-jwt` the type used until November 2024 (accepted, with a note). */
  typState: 'dc+sd-jwt' | 'vc+sd-jwt' | 'other' | 'missing';
  vct?: string;
  vctIntegrity?: string;
  iss?: string;
  /** Token Status List reference (`status.status_list`), never fetched by the engine. */
  statusList?: { idx?: unknown; uri?: unknown };
  /** The whole `status` claim, as it is. */
  status?: unknown;
  /** Notes: the legacy typ, a missing vct, claims that SD-JWT VC forbids to disclose selectively. */
  notes: string[];
};

export type SdJwtInspection = {
  format: SdJwtFormat;
  /** The compact serialization after normalisation (rebuilt from the JSON serialization). */
  normalized: string;
  /** What normalisation removed or rebuilt, in words. */
  changes: string[];
  /** [start, end) of each part in `normalized`. */
  ranges: { issuer: [number, number]; disclosures: [number, number][]; kb?: [number, number] };
  issuerJwt: string;
  /** The Issuer-signed JWT decoded as any JWT; absent when it does not decode (see the `issuer-jwt` problem). */
  issuer?: DecodedToken;
  /** The payload as the issuer signed it (digests, `_sd`, `_sd_alg` included). */
  rawPayload?: Record<string, unknown>;
  /** The payload as a verifier sees it: disclosures inserted, `_sd`, `_sd_alg` and undisclosed entries gone. */
  processedPayload?: Record<string, unknown>;
  sdAlg: SdAlgInfo;
  disclosures: SdDisclosure[];
  /** Digests no disclosure matched (undisclosed claims or decoys); `undisclosed.length` is the count. */
  undisclosed: SdUndisclosedDigest[];
  /** Every digest found while processing (matched or not). */
  digestCount: number;
  structure: SdStructureVerdict;
  /** What `sd_hash` covers: the Issuer-signed JWT and the disclosures, up to and including the last `~`. */
  presentation: string;
  kbJwt?: string;
  /** The Key Binding JWT decoded; absent when there is none or it does not decode (`kbError`). */
  kb?: DecodedToken;
  kbError?: string;
  /** Present when the header's typ is dc+sd-jwt or vc+sd-jwt, or the payload has `vct`. */
  vc?: SdJwtVcInfo;
};

export type KeyBindingCheck = {
  id: KeyBindingCheckId;
  /** `unchecked`: not checked (no expected value given, or an earlier check made it impossible). */
  state: 'pass' | 'fail' | 'unchecked';
  message: string;
};

export type KeyBindingState = 'verified' | 'invalid' | 'none';

export type KeyBindingResult = {
  state: KeyBindingState;
  /** `kb-<check id>` of the first failed check; absent unless `invalid`. */
  code?: `kb-${KeyBindingCheckId}`;
  message: string;
  checks: KeyBindingCheck[];
  /** The holder key taken from `cnf.jwk`. */
  holderKey?: JWK;
};

export type KeyBindingOptions = VerifyOptions & {
  /** The verifier's identifier the KB-JWT's `aud` must equal; empty or absent: not checked (said so). */
  expectedAud?: string;
  /** The nonce the verifier sent; empty or absent: not checked (said so). */
  expectedNonce?: string;
  /** How old `iat` may be, in seconds (default `DEFAULT_KB_MAX_AGE_SECONDS`, 300); `leewaySeconds` is added. */
  maxAgeSeconds?: number;
};

/** JWT VC Issuer Metadata (SD-JWT VC draft §"JWT VC Issuer Metadata") and the keys it led to. */
export type JwtVcIssuerKeys = KeySetResult & {
  /** `<iss origin>/.well-known/jwt-vc-issuer<iss path>`. */
  metadataUrl: string;
  /** The metadata document as fetched. */
  metadata: Record<string, unknown>;
};

/** Where the sd_alg names live: what `issueSdJwt` can make. */
export type SdAlgName = 'sha-256' | 'sha-384' | 'sha-512';

export type IssueSdJwtInput = {
  /** The claims, as JSON text (the Encode view's payload editor) or an object. */
  payload: string | Record<string, unknown>;
  /** The JOSE header, as JSON text or an object; `alg` defaults to what the key implies, `typ` to `dc+sd-jwt` when the payload has `vct`. */
  header?: string | Record<string, unknown>;
  /**
   * What to make selectively disclosable: JSON paths into `payload` as given, e.g. `$.given_name`,
   * `$.address.street_address`, `$.nationalities[1]`, `$['vct#integrity']`, `$.address.*` (every property),
   * `$.nationalities[*]` (every element). A path inside another one (`$.address` and `$.address.region`) makes a
   * recursive disclosure. A leading `$.` may be left out.
   */
  disclose: readonly string[];
  /** Decoy digests: a count for the top-level `_sd`, or a count per object or array path (`{"$.address": 2}`). */
  decoys?: number | Readonly<Record<string, number>>;
  /** Default `sha-256`. */
  sdAlg?: SdAlgName;
  /** The issuer's signing key (private key or secret), as for `signToken`. */
  key: KeyInput;
  /** The holder's key (public or private); its public JWK becomes `cnf.jwk`. */
  holderKey?: KeyInput;
  /** Source of randomness for salts and decoys (tests pass a seeded one); default WebCrypto. */
  random?: (length: number) => Uint8Array;
};

export type IssuedDisclosure = {
  /** The path it was made for, in the payload as given. */
  path: string;
  kind: 'property' | 'array-element';
  salt: string;
  name?: string;
  value: unknown;
  encoded: string;
  digest: string;
};

export type SdJwtMakeError = {
  ok: false;
  /** An `SdJwtMakeErrorCode`, or `key-<KeyErrorCode>` / `sign-<SignError code>` from the signer. */
  code: string;
  message: string;
};

export type IssueSdJwtResult =
  | {
      ok: true;
      /** `<issuer-jwt>~<disclosure>~…~` */
      sdJwt: string;
      issuerJwt: string;
      header: Record<string, unknown>;
      /** The payload that was signed (digests in place of the disclosable claims). */
      payload: Record<string, unknown>;
      disclosures: IssuedDisclosure[];
      decoys: { container: string; digest: string }[];
      warnings: string[];
    }
  | SdJwtMakeError;

export type PresentSdJwtInput = {
  /** An SD-JWT as issued (`…~`), or a presentation (its KB-JWT is dropped). */
  sdJwt: string;
  /** The disclosures to keep: each a digest, or a path as `inspectSdJwt` reports it (`$.address.region`). */
  disclose: readonly string[];
  /** Add a Key Binding JWT signed with the holder's private key. */
  keyBinding?: {
    key: KeyInput;
    aud: string;
    nonce: string;
    /** Seconds since the epoch; default now. */
    iat?: number;
    /** Default: what the key implies (ES256 for P-256, EdDSA for Ed25519, RS256 for RSA…). */
    alg?: string;
  };
};

export type PresentSdJwtResult =
  | {
      ok: true;
      /** The whole presentation: the SD-JWT with the chosen disclosures, and the KB-JWT when asked for. */
      presentation: string;
      /** What `sd_hash` covers (the presentation without the KB-JWT). */
      sdJwt: string;
      kbJwt?: string;
      /** Digests of the disclosures kept, in the issued order. */
      kept: string[];
      /** Paths added because a kept disclosure sits inside them (RFC 9901 §7.2: every disclosure must connect). */
      added: string[];
      warnings: string[];
    }
  | SdJwtMakeError;
