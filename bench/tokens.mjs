// Keys and tokens the bench feeds the page, made fresh on each run with jose under Node (the same library
// the app uses, but any RFC 7515 signer would do). Every edit in a latency run gets its own token, so no
// memo or cache in the app can answer from a previous keystroke.
/* global TextEncoder */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';

const SECRET = 'bench-secret-that-is-at-least-32-bytes-long!';

export const FAMILIES = ['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA'];

/** One signer per algorithm family: `{ alg, keyText, sign(payloadJson) }`; keyText is what goes in key-input. */
export async function makeSigners() {
  const signers = {};
  for (const alg of FAMILIES) {
    if (alg === 'HS256') {
      const key = new TextEncoder().encode(SECRET);
      signers[alg] = { alg, keyText: SECRET, keyIsPublic: false, sign: (json) => sign(alg, key, json) };
      continue;
    }
    const options =
      alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true, modulusLength: 2048 };
    const { publicKey, privateKey } = await generateKeyPair(alg, options);
    const pem = await exportSPKI(publicKey);
    signers[alg] = { alg, keyText: pem, keyIsPublic: true, sign: (json) => sign(alg, privateKey, json) };
  }
  return signers;
}

function sign(alg, key, payloadJson) {
  return new CompactSign(new TextEncoder().encode(payloadJson)).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

/** Flips one character in the middle of the signature: the token still decodes but no longer verifies. */
export function tamper(token) {
  const dot = token.lastIndexOf('.');
  const at = dot + 1 + Math.floor((token.length - dot - 1) / 2);
  const replacement = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + replacement + token.slice(at + 1);
}

/** A realistic claim set padded with group names up to about `bytes` of JSON. */
export function payloadOfSize(bytes, serial) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'https://issuer.bench.example',
    sub: `user-${serial}`,
    aud: 'bench-api',
    iat: now,
    exp: now + 3600,
    jti: `bench-${serial}-${Math.random().toString(36).slice(2)}`,
    scope: 'openid profile email',
  };
  let json = JSON.stringify(claims);
  if (json.length >= bytes) return json;
  const groups = [];
  let size = json.length + ',"groups":[]'.length;
  for (let i = 0; size < bytes; i += 1) {
    const entry = `group-${String(i).padStart(6, '0')}:read write admin`;
    groups.push(entry);
    size += entry.length + 3;
  }
  json = JSON.stringify({ ...claims, groups });
  return json;
}

/**
 * `count` edits for one family: even edits carry a valid token, odd edits a tampered one, so every edit
 * flips `signature-status` between `verified` and `invalid` and a stale verdict can never pass for a new one.
 */
export async function makeEditSequence(signer, count, payloadBytes = 300) {
  const edits = [];
  for (let i = 0; i < count; i += 1) {
    const payload = payloadOfSize(payloadBytes, i);
    const token = await signer.sign(payload);
    const valid = i % 2 === 0;
    edits.push({ token: valid ? token : tamper(token), expected: valid ? 'verified' : 'invalid', payload });
  }
  return edits;
}
