// A self-signed X.509 certificate for a fresh key (x5c-self-signed, x5u-foreign), made with pkijs: the X.509 library
// the certificate-chain engine uses. Kept alone in this file so the library can change without touching the cases.
// pkijs is imported on first use, so the page fetches it (a chunk shared with the x5c engine) only then.
import type { CryptoEngine } from 'pkijs';
import { ALGORITHM_FAMILY, type JwsAlgorithm } from '../types';

const DAY_MS = 86_400_000;
const ED25519 = '1.3.101.112'; // RFC 8410 §3: the signature algorithm and the key share the OID, without parameters

let engine: Promise<CryptoEngine> | undefined;

// pkijs's engine signs with RSA and ECDSA only; Ed25519 certificates (RFC 8410) are signed here with WebCrypto.
// The engine is always passed explicitly: pkijs's global one is keyed by process.pid under Node and unset.
function certificateEngine(): Promise<CryptoEngine> {
  engine ??= import('pkijs').then(({ AlgorithmIdentifier, CryptoEngine }) => {
    class Ed25519Engine extends CryptoEngine {
      override async getSignatureParameters(privateKey: CryptoKey, hashAlgorithm?: string) {
        if (privateKey.algorithm.name !== 'Ed25519') return super.getSignatureParameters(privateKey, hashAlgorithm);
        return {
          signatureAlgorithm: new AlgorithmIdentifier({ algorithmId: ED25519 }),
          parameters: { algorithm: { name: 'Ed25519' }, usages: ['sign' as const] },
        };
      }
      override async signWithPrivateKey(
        data: BufferSource,
        privateKey: CryptoKey,
        parameters: { algorithm: Algorithm },
      ): Promise<ArrayBuffer> {
        if (privateKey.algorithm.name !== 'Ed25519') return super.signWithPrivateKey(data, privateKey, parameters);
        return globalThis.crypto.subtle.sign('Ed25519', privateKey, data);
      }
    }
    return new Ed25519Engine({ name: 'webcrypto', crypto: globalThis.crypto });
  });
  return engine;
}

/**
 * A certificate for `keys`, signed with its own private key, valid from a day before `now` to a day after, for an
 * RS*, PS*, ES* or EdDSA/Ed25519 key. Returns the DER bytes (what `x5c` carries, base64-encoded).
 */
export async function createSelfSignedCertificate(
  keys: CryptoKeyPair,
  alg: JwsAlgorithm,
  now: number,
): Promise<Uint8Array> {
  const [{ AttributeTypeAndValue, BasicConstraints, Certificate, Extension, PublicKeyInfo }, asn1js, crypto] =
    await Promise.all([import('pkijs'), import('asn1js'), certificateEngine()]);
  const certificate = new Certificate();
  certificate.version = 2; // v3, for the extension
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(8));
  // A positive INTEGER (RFC 5280 §4.1.2.2) in minimal DER: a first byte of 0x00 would be a non-canonical encoding
  // that strict parsers (OpenSSL) refuse.
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  for (const name of [certificate.subject, certificate.issuer]) {
    name.typesAndValues.push(
      new AttributeTypeAndValue({
        type: '2.5.4.3', // commonName
        value: new asn1js.Utf8String({ value: 'JWT Workbench negative test (self-signed)' }),
      }),
    );
  }
  certificate.notBefore.value = new Date(now - DAY_MS);
  certificate.notAfter.value = new Date(now + DAY_MS);
  const constraints = new BasicConstraints({ cA: false });
  certificate.extensions = [
    new Extension({
      extnID: '2.5.29.19', // basicConstraints
      critical: true,
      extnValue: constraints.toSchema().toBER(false),
      parsedValue: constraints,
    }),
  ];
  // WebCrypto's own SPKI export: pkijs's engine cannot export an Ed25519 key.
  const spki = await globalThis.crypto.subtle.exportKey('spki', keys.publicKey);
  certificate.subjectPublicKeyInfo = PublicKeyInfo.fromBER(spki);
  // RSA keys sign with the hash they were made for; ECDSA takes it from here (ES384: SHA-384).
  const hash = ALGORITHM_FAMILY[alg] === 'EC' ? `SHA-${alg.slice(2)}` : 'SHA-256';
  await certificate.sign(keys.privateKey, hash, crypto);
  return new Uint8Array(certificate.toSchema().toBER(false));
}
