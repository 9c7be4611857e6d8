// Key Binding (RFC 9901 §4.3, §7.3 step 5): the KB-JWT must be typed kb+jwt, signed by the holder key the issuer
// put in `cnf.jwk`, bound to this presentation by `sd_hash`, recent, and for this verifier and transaction.
// Every check runs, so the page can list them all; the first failure decides the code.
import type { JWK } from 'jose';
import { renderRelativeTime } from '../lib/claims-time';
import { verifyDecodedToken } from '../verify';
import { sdDigest, webCryptoHashName } from './hash';
import type { KeyBindingCheck, KeyBindingCheckId, KeyBindingOptions, KeyBindingResult, SdJwtInspection } from './types';
import { mediaType } from './vc';

/** How old a KB-JWT's `iat` may be by default: five minutes, a common verifier window. */
export const DEFAULT_KB_MAX_AGE_SECONDS = 300;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function describeWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds}-second`;
}

/** `cnf.jwk` of the processed payload (the raw one when processing was impossible). */
function holderKey(inspection: SdJwtInspection): { jwk?: JWK; message: string } {
  const payload = inspection.processedPayload ?? inspection.rawPayload;
  const cnf = asRecord(payload?.cnf);
  if (!cnf) {
    return {
      message:
        'The Issuer-signed JWT has no "cnf" claim, so there is no holder key to check the Key Binding JWT with (RFC 9901 §4.1.2).',
    };
  }
  const jwk = asRecord(cnf.jwk);
  if (!jwk || typeof jwk.kty !== 'string') {
    const methods = Object.keys(cnf).join(', ') || 'nothing';
    return {
      message: `"cnf" holds ${methods} but no usable "jwk"; only the jwk confirmation method (RFC 7800 §3.2) is supported here.`,
    };
  }
  // A key anyone holding the credential can read proves nothing about who presents it.
  if (jwk.kty === 'oct') {
    return { message: 'cnf.jwk is a symmetric key (kty "oct"): whoever reads the credential can sign with it.' };
  }
  const secret = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'priv'].filter((m) => m in jwk);
  if (secret.length > 0) {
    return {
      message: `cnf.jwk holds private key material (${secret.join(', ')}): whoever reads the credential can sign as the holder.`,
    };
  }
  return {
    jwk: jwk as JWK,
    message: `The holder key is cnf.jwk (${String(jwk.kty)}${jwk.crv ? ` ${String(jwk.crv)}` : ''}).`,
  };
}

function compareExpected(
  id: 'aud' | 'nonce',
  actual: unknown,
  expected: string | undefined,
  what: string,
): KeyBindingCheck {
  if (typeof actual !== 'string') {
    const detail =
      actual === undefined
        ? `has no "${id}"`
        : Array.isArray(actual)
          ? `has "${id}" as an array; it must be a single string`
          : `has "${id}" that is not a string`;
    return { id, state: 'fail', message: `The Key Binding JWT ${detail} (RFC 9901 §4.3).` };
  }
  const want = expected?.trim() ?? '';
  if (want === '') {
    return { id, state: 'unchecked', message: `"${id}" is "${actual}"; not checked: no expected ${what} given.` };
  }
  return actual === want
    ? { id, state: 'pass', message: `"${id}" is the expected ${what} "${want}".` }
    : {
        id,
        state: 'fail',
        message: `"${id}" is "${actual}", but the expected ${what} is "${want}"${id === 'aud' ? ': the presentation was made for another verifier' : ': the presentation was made for another transaction (replay?)'}.`,
      };
}

/**
 * Verifies the Key Binding JWT of an inspected SD-JWT+KB. `none` when the presentation has no KB-JWT (whether
 * one was required is the verifier's policy, not the token's say: RFC 9901 §7.3 step 1). Never throws.
 */
export async function verifyKeyBinding(
  inspection: SdJwtInspection,
  options: KeyBindingOptions = {},
): Promise<KeyBindingResult> {
  if (inspection.kbJwt === undefined) {
    return {
      state: 'none',
      message: 'No Key Binding JWT: the presentation ends with "~", so nothing proves the holder sent it.',
      checks: [],
    };
  }
  const checks: KeyBindingCheck[] = [];
  const add = (id: KeyBindingCheckId, state: KeyBindingCheck['state'], message: string) =>
    checks.push({ id, state, message });
  const kb = inspection.kb;
  const payload = asRecord(kb?.payload);
  if (!kb || !payload) {
    add('format', 'fail', inspection.kbError ?? "The Key Binding JWT's payload is not a JSON object.");
    return finish(checks);
  }
  add('format', 'pass', `The Key Binding JWT decodes (alg ${kb.alg ?? 'missing'}).`);

  const typ = mediaType(kb.header.typ);
  if (typ === 'kb+jwt') add('typ', 'pass', '"typ" is "kb+jwt".');
  else {
    const was = kb.header.typ === undefined ? 'missing' : `"${String(kb.header.typ)}"`;
    add('typ', 'fail', `"typ" is ${was}; a Key Binding JWT must be typed "kb+jwt" (RFC 9901 §4.3).`);
  }

  const holder = holderKey(inspection);
  add('holder-key', holder.jwk ? 'pass' : 'fail', holder.message);
  if (holder.jwk) {
    const result = await verifyDecodedToken(kb, { text: JSON.stringify(holder.jwk) }, options);
    if (result.signature === 'verified') {
      add('signature', 'pass', `Signed by the holder key in cnf.jwk (${result.keyLabel ?? 'JWK'}).`);
    } else {
      add('signature', 'fail', `Not signed by the holder key in cnf.jwk: ${result.message}`);
    }
    if (result.claims === 'expired' || result.claims === 'not-yet-valid') add('time', 'fail', result.claimsMessage);
    else if ('exp' in payload || 'nbf' in payload) add('time', 'pass', result.claimsMessage);
  } else {
    add('signature', 'unchecked', 'Not checked: there is no holder key to check it with.');
  }

  const hashName = inspection.sdAlg.state === 'supported' ? webCryptoHashName(inspection.sdAlg.name) : undefined;
  const sdHash = payload.sd_hash;
  if (typeof sdHash !== 'string') {
    add('sd-hash', 'fail', 'The Key Binding JWT has no "sd_hash" string (RFC 9901 §4.3).');
  } else if (hashName === undefined) {
    add('sd-hash', 'fail', `"sd_hash" cannot be computed: ${inspection.sdAlg.message ?? 'the _sd_alg is not usable'}`);
  } else {
    const expected = await sdDigest(hashName, inspection.presentation);
    add(
      'sd-hash',
      expected === sdHash ? 'pass' : 'fail',
      expected === sdHash
        ? `"sd_hash" matches the ${inspection.sdAlg.name} digest of the Issuer-signed JWT and the ${inspection.disclosures.length} disclosures sent.`
        : `"sd_hash" is ${sdHash}, but the ${inspection.sdAlg.name} digest of the Issuer-signed JWT and the disclosures sent is ${expected}: the KB-JWT was made for another presentation (disclosures added, dropped or reordered; RFC 9901 §4.3.1).`,
    );
  }

  const nowSeconds = (options.now ?? Date.now()) / 1000;
  const leeway = options.leewaySeconds ?? 0;
  const maxAge = options.maxAgeSeconds ?? DEFAULT_KB_MAX_AGE_SECONDS;
  const iat = payload.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    add('iat', 'fail', 'The Key Binding JWT has no numeric "iat" (RFC 9901 §4.3).');
  } else {
    const when = renderRelativeTime(iat - nowSeconds);
    if (iat > nowSeconds + leeway)
      add('iat', 'fail', `"iat" is ${when}: the Key Binding JWT claims to be made in the future.`);
    else if (nowSeconds - iat > maxAge + leeway) {
      add(
        'iat',
        'fail',
        `"iat" is ${when}, outside the ${describeWindow(maxAge)} window: a stale Key Binding JWT (replayed?).`,
      );
    } else add('iat', 'pass', `"iat" is ${when}, within the ${describeWindow(maxAge)} window.`);
  }

  checks.push(compareExpected('aud', payload.aud, options.expectedAud, 'audience'));
  checks.push(compareExpected('nonce', payload.nonce, options.expectedNonce, 'nonce'));
  return { ...finish(checks), ...(holder.jwk ? { holderKey: holder.jwk } : {}) };
}

function finish(checks: KeyBindingCheck[]): KeyBindingResult {
  const failed = checks.filter((c) => c.state === 'fail');
  const first = failed[0];
  if (first) {
    const more = failed.length > 1 ? ` (${failed.length - 1} more check${failed.length > 2 ? 's' : ''} failed)` : '';
    return { state: 'invalid', code: `kb-${first.id}`, message: `${first.message}${more}`, checks };
  }
  const unchecked = checks.filter((c) => c.state === 'unchecked').map((c) => c.id);
  const note = unchecked.length > 0 ? ` Not checked: ${unchecked.join(' and ')} (no expected value given).` : '';
  return {
    state: 'verified',
    message: `Key binding verified: signed by the holder key in cnf.jwk, sd_hash matches this presentation, iat is recent.${note}`,
    checks,
  };
}
