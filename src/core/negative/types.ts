// Types of the negative-test pack: tokens a correct verifier must refuse, made from a token the server accepts.
import type { DecodedToken } from '../token';
import type { JwsAlgorithm, KeyInput } from '../types';

/** Stable case ids, in the order the pack lists them and the script sends them. */
export const NEGATIVE_CASE_IDS = [
  'control',
  'alg-none',
  'signature-stripped',
  'signature-other-key',
  'payload-tampered',
  'hmac-key-confusion',
  'embedded-jwk',
  'jku-foreign',
  'x5u-foreign',
  'x5c-self-signed',
  'hmac-empty-key',
  'ecdsa-zero-signature',
  'kid-path-traversal',
  'kid-sql-injection',
  'expired',
  'not-yet-valid',
  'wrong-audience',
  'wrong-issuer',
  'crit-unknown',
  'alg-swap',
] as const;
export type NegativeCaseId = (typeof NEGATIVE_CASE_IDS)[number];

/**
 * `ready`: made, and sent by the script. `needs-key`: needs the signing key or another input that was not given
 * (or does not fit the token); `reason` says what. `n/a`: does not apply to this token; `reason` says why.
 */
export type NegativeCaseState = 'ready' | 'needs-key' | 'n/a';

/** One token the script sends. A case without variants has one, named by the case id. */
export type NegativeToken = {
  /** `id` or `id:variant`: what the script prints at the start of its line. */
  name: string;
  variant?: string;
  token: string;
  /** What this token is, in words ("HS256 keyed with the 294 DER bytes of the public key"). */
  detail: string;
};

/** What a tester can serve at the foreign URL to see in their logs whether the server fetches it. */
export type HostedMaterial = { url: string; mediaType: string; body: string };

export type NegativeCase = {
  id: NegativeCaseId;
  title: string;
  /** What the case sends. */
  sends: string;
  /** What a correct server does, in words. */
  correctServer: string;
  why: string;
  /** RFC section or CVE, e.g. "RFC 8725 §2.1, §3.1; CVE-2015-9235". */
  reference: string;
  state: NegativeCaseState;
  /** For `needs-key` and `n/a`: what is missing, or why the case does not apply, in a sentence. */
  reason?: string;
  /** `accept` for the control, `refuse` for every other case. */
  expected: 'accept' | 'refuse';
  /** Reported but not counted in the script's exit status (alg-swap: refused only where one algorithm is pinned). */
  advisory: boolean;
  /** The tokens to send, one per variant; empty unless `state` is `ready`. */
  tokens: NegativeToken[];
  /** What the script cannot see, and other things worth knowing about this case. */
  notes: string[];
  hosted?: HostedMaterial;
};

/** The keys the user gave. Either may hold any key: a private key or secret counts as the signing key, whose public half is also the public key. */
export type NegativeKeys = {
  /** The server's public key, JWKS or certificate, as pasted (key confusion needs it). */
  publicKey?: KeyInput;
  /** The key or secret that signed the token (the claim cases re-sign with it). */
  signingKey?: KeyInput;
};

export type NegativeOptions = {
  /** URL put in `jku` and `x5u`; default DEFAULT_FOREIGN_URL (a host that never resolves). */
  foreignUrl?: string;
  /** Clock in milliseconds since the epoch. Default: Date.now(). */
  now?: number;
};

export type NegativePackInput = { token: DecodedToken } & NegativeKeys & NegativeOptions;

/** Whether a key given for the pack can be used: `verified` means it verifies the loaded token. */
export type NegativeKeyState = 'verified' | 'missing' | 'does-not-verify' | 'unusable';

export type NegativePack = {
  /** Every case of NEGATIVE_CASE_IDS, in that order; `control` first. */
  cases: NegativeCase[];
  /** The loaded token's `alg`. */
  alg: string | undefined;
  foreignUrl: string;
  /** The clock the pack was made with (ms since the epoch). */
  now: number;
  publicKey: NegativeKeyState;
  signingKey: NegativeKeyState;
  /** Sentences about the pack as a whole (the control had expired and could not be refreshed, …). */
  notes: string[];
};

/** A user key that verifies the loaded token, ready to sign or to be shown as the server holds it. */
export type ResolvedSigner = {
  alg: JwsAlgorithm;
  /** Signs with the user's key under `alg`, or a sibling algorithm the same key can serve (alg-swap). Throws KeyError otherwise. */
  sign(alg: JwsAlgorithm, signingInput: Uint8Array): Promise<Uint8Array>;
  label: string;
};

/** The server's public key in the forms a key-confusion bug might feed to HMAC. */
export type ServerPublicKey = {
  /** The PEM text as the server would hold it: the block as pasted, or SPKI PEM made from a JWK. Ends with a newline. */
  pem: string;
  /** The DER bytes of that PEM block. */
  der: Uint8Array;
  /** What `der` is, in words ("SPKI public key", "X.509 certificate"). */
  derKind: string;
  /** The public JWK as compact JSON (as pasted for JWK input). */
  jwkJson: string;
  label: string;
};

/** What every family of cases is made from, besides the token. */
export type ResolvedKeys = {
  publicKey: NegativeKeyState;
  signingKey: NegativeKeyState;
  server?: ServerPublicKey;
  signer?: ResolvedSigner;
  /** Why `server` is missing, in a sentence. */
  publicKeyProblem?: string;
  /** Why `signer` is missing, in a sentence. */
  signingKeyProblem?: string;
};

export type ResolvedOptions = { foreignUrl: string; foreignUrlProblem?: string; now: number };
