// A self-signed X.509 certificate for a fresh key (x5c-self-signed, x5u-foreign), made with @peculiar/x509.
// Kept alone in this file so the certificate library can be swapped without touching the cases.
import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs Reflect.getMetadata at load
import { X509CertificateGenerator } from '@peculiar/x509';
import { ALGORITHM_FAMILY, type JwsAlgorithm } from '../types';
import { signParams } from './jws';

const DAY_MS = 86_400_000;

/** X.509 signature parameters for `alg`: the hash goes with the algorithm here, not with the key. */
function certificateSignature(alg: JwsAlgorithm): Algorithm & { hash?: string; saltLength?: number } {
  const params = signParams(alg);
  const hash = `SHA-${alg.slice(2)}`;
  if (typeof params === 'string') {
    return ALGORITHM_FAMILY[alg] === 'RSA' ? { name: params, hash } : { name: params };
  }
  return { ...params, hash };
}

/**
 * A certificate for `keys`, signed with its own private key, valid from a day before `now` to a day after.
 * Returns the DER bytes (what `x5c` carries, base64-encoded).
 */
export async function createSelfSignedCertificate(
  keys: CryptoKeyPair,
  alg: JwsAlgorithm,
  now: number,
): Promise<Uint8Array> {
  const serial = crypto.getRandomValues(new Uint8Array(8));
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive INTEGER (RFC 5280 §4.1.2.2)
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: [...serial].map((b) => b.toString(16).padStart(2, '0')).join(''),
      name: 'CN=JWT Workbench negative test (self-signed)',
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + DAY_MS),
      signingAlgorithm: certificateSignature(alg),
      keys,
    },
    globalThis.crypto,
  );
  return new Uint8Array(certificate.rawData);
}
