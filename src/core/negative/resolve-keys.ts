// Which of the user's keys the pack can use. A key is only used when it verifies the loaded token: a public key
// that is not the server's would make key confusion test nothing, and re-signing with the wrong private key would
// make the claim cases fail for the wrong reason (a refusal that proves nothing).
import { KeyError } from '../errors';
import { importKeyForAlgorithm, loadKeys, detectKey, type LoadedKey } from '../keys';
import { exportPublicKey } from '../keygen';
import type { DecodedToken } from '../token';
import { ALGORITHM_FAMILY, type JwsAlgorithm, type KeyInput } from '../types';
import { isJwsAlgorithm } from '../lib/key-describe';
import { base64Decode } from '../lib/key-encoding';
import { unescapePem } from '../lib/key-pem';
import { checkSignature } from '../lib/verify-signature';
import { isAlgorithmAvailable } from '../verify';
import { hmac, hmacBits, isHmacAlg, signParams } from './jws';
import type { NegativeKeys, ResolvedKeys, ResolvedSigner, ServerPublicKey } from './types';

type Candidate = { key: LoadedKey; input: KeyInput };

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv', 'k'];

async function candidatesOf(input: KeyInput | undefined): Promise<{ keys: Candidate[]; problem?: string }> {
  if (input === undefined || input.text.trim() === '') return { keys: [] };
  try {
    return { keys: (await loadKeys(input)).map((key) => ({ key, input })) };
  } catch (error) {
    if (error instanceof KeyError) return { keys: [], problem: `The key given cannot be read: ${error.message}.` };
    throw error;
  }
}

async function verifies(token: DecodedToken, alg: JwsAlgorithm, key: LoadedKey): Promise<boolean> {
  const check = await checkSignature(token.normalized, token.signature, alg, key);
  return check.outcome === 'verified';
}

/** The first candidate that verifies the token: the one named by the header's kid first. */
async function findVerifying(token: DecodedToken, alg: JwsAlgorithm, candidates: Candidate[]) {
  const kid = token.header.kid;
  const ordered = [...candidates].sort(
    (a, b) => Number(b.key.description.kid === kid) - Number(a.key.description.kid === kid),
  );
  for (const candidate of ordered) if (await verifies(token, alg, candidate.key)) return candidate;
  return undefined;
}

// The same key under a sibling algorithm: an RSA key signs RS* and PS*; an EC key keeps its curve but may hash
// with another SHA-2 (WebCrypto allows it, jose does not); an HMAC secret serves every HS*.
function makeSigner(alg: JwsAlgorithm, key: LoadedKey): ResolvedSigner {
  const family = ALGORITHM_FAMILY[alg];
  return {
    alg,
    label: key.description.label,
    async sign(target, signingInput) {
      if (ALGORITHM_FAMILY[target] !== family) {
        throw new KeyError('mismatch', `a ${family} key cannot sign ${target}`);
      }
      const data = new Uint8Array(signingInput);
      if (isHmacAlg(target)) {
        const secret = await importKeyForAlgorithm(key, alg, 'sign');
        if (!(secret instanceof Uint8Array)) throw new KeyError('mismatch', 'the HMAC secret could not be read');
        return hmac(hmacBits(target), secret, data);
      }
      const imported = await importKeyForAlgorithm(key, family === 'RSA' ? target : alg, 'sign');
      if (imported instanceof Uint8Array) throw new KeyError('mismatch', `this key cannot sign ${target}`);
      return new Uint8Array(await crypto.subtle.sign(signParams(target), imported, data));
    },
  };
}

/** The first PEM block of `text` exactly as pasted, when it holds a public key or a certificate. */
function pastedPublicPem(input: KeyInput): { block: string; der: Uint8Array; kind: string } | undefined {
  const detection = detectKey(input);
  if (detection.kind !== 'key') return undefined;
  const kinds: Record<string, string> = {
    'pem-spki': 'SPKI public key',
    'pem-pkcs1-public': 'PKCS#1 RSA public key',
    'pem-x509': 'X.509 certificate',
  };
  const kind = kinds[detection.key.format];
  if (kind === undefined) return undefined;
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(unescapePem(input.text).text);
  if (!match) return undefined;
  const der = base64Decode((match[2] ?? '').replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, ''));
  return { block: match[0], der, kind };
}

function compactPublicJwk(jwk: Record<string, unknown>): string {
  const out = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete out[member];
  return JSON.stringify(out);
}

/** The public key in the forms a server may hold it: the pasted PEM when there is one, else SPKI PEM. */
async function serverForms({ key, input }: Candidate): Promise<ServerPublicKey> {
  const own: KeyInput = key.jwk ? { text: JSON.stringify(key.jwk) } : input;
  const exported = await exportPublicKey(own);
  const pasted = key.jwk ? undefined : pastedPublicPem(input);
  let jwkJson: string;
  if (key.jwk) jwkJson = compactPublicJwk(key.jwk as Record<string, unknown>);
  else {
    // exportPublicKey names the key by its thumbprint; a server holding a key made from this PEM has no kid.
    const { kid: _kid, alg: _alg, use: _use, ...members } = exported.jwk;
    jwkJson = JSON.stringify(members);
  }
  const spki = base64Decode(exported.pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
  const pem = pasted ? `${pasted.block}${pasted.block.includes('\r\n') ? '\r\n' : '\n'}` : exported.pem;
  return {
    pem,
    der: pasted ? pasted.der : spki,
    derKind: pasted ? pasted.kind : 'SPKI public key',
    jwkJson,
    label: key.description.label,
  };
}

function errorText(error: unknown): string {
  if (error instanceof KeyError) return error.message;
  throw error;
}

/** Why the key cannot sign `alg` (an RSA key under 2048 bits verifies old tokens but may not sign), if it cannot. */
async function cannotSign(key: LoadedKey, alg: JwsAlgorithm): Promise<string | undefined> {
  try {
    await importKeyForAlgorithm(key, alg, 'sign');
    return undefined;
  } catch (error) {
    return errorText(error);
  }
}

const NEED_PUBLIC =
  'Paste the server’s public key, JWKS or certificate: key confusion needs the key the server verifies with.';
const NEED_SIGNING =
  'Give the key or secret that signed the token (a private key, not the public one): this case re-signs the token with changed claims.';

export async function resolveNegativeKeys(token: DecodedToken, keys: NegativeKeys): Promise<ResolvedKeys> {
  const [fromPublic, fromSigning] = await Promise.all([candidatesOf(keys.publicKey), candidatesOf(keys.signingKey)]);
  const all = [...fromSigning.keys, ...fromPublic.keys];
  const alg = token.alg;
  if (alg === undefined || !isJwsAlgorithm(alg) || token.unsecured) {
    const why = `The loaded token's alg (${alg ?? 'missing'}) is not a signature algorithm the workbench knows, so no key can be checked against it.`;
    const state = all.length > 0 ? 'unusable' : 'missing';
    return { publicKey: state, signingKey: state, publicKeyProblem: why, signingKeyProblem: why };
  }

  const signing = all.filter((c) => c.key.description.isPrivate || c.key.description.family === 'oct');
  const asymmetric = all.filter((c) => c.key.description.family !== 'oct');
  // Public keys as given come before the public halves of private keys: the first is what the server holds.
  asymmetric.sort((a, b) => Number(a.key.description.isPrivate) - Number(b.key.description.isPrivate));

  if (!(await isAlgorithmAvailable(alg))) {
    const why = `This browser cannot verify ${alg} (its WebCrypto lacks it), so no key can be checked against the token.`;
    const state = all.length > 0 ? 'unusable' : 'missing';
    return { publicKey: state, signingKey: state, publicKeyProblem: why, signingKeyProblem: why };
  }

  const result: ResolvedKeys = { publicKey: 'missing', signingKey: 'missing' };
  const signer = await findVerifying(token, alg, signing);
  const signProblem = signer ? await cannotSign(signer.key, alg) : undefined;
  if (signer && signProblem) {
    result.signingKey = 'unusable';
    result.signingKeyProblem = `The signing key verifies the token but cannot sign: ${signProblem}.`;
  } else if (signer) {
    result.signingKey = 'verified';
    result.signer = makeSigner(alg, signer.key);
  } else if (signing.length > 0) {
    result.signingKey = 'does-not-verify';
    result.signingKeyProblem =
      'The signing key given does not verify the loaded token: tokens re-signed with it would be refused for the wrong reason. Give the key that signed this token.';
  } else {
    result.signingKey = fromSigning.problem ? 'unusable' : 'missing';
    result.signingKeyProblem = fromSigning.problem ?? NEED_SIGNING;
  }

  if (ALGORITHM_FAMILY[alg] === 'oct') {
    result.publicKeyProblem = `The token is ${alg}: an HMAC token has no public key to confuse with a secret.`;
    if (all.length > 0) result.publicKey = 'unusable';
    return result;
  }
  const server = await findVerifying(token, alg, asymmetric);
  const forms = server ? await serverForms(server).catch((error: unknown) => errorText(error)) : undefined;
  if (typeof forms === 'string') {
    result.publicKey = 'unusable';
    result.publicKeyProblem = `The public key verifies the token but could not be exported: ${forms}.`;
  } else if (forms) {
    result.publicKey = 'verified';
    result.server = forms;
  } else if (asymmetric.length > 0) {
    result.publicKey = 'does-not-verify';
    result.publicKeyProblem =
      'The public key given does not verify the loaded token, so it is not the key this server checks it with; paste the one that is.';
  } else {
    result.publicKey = fromPublic.problem ? 'unusable' : 'missing';
    result.publicKeyProblem = fromPublic.problem ?? NEED_PUBLIC;
  }
  return result;
}
