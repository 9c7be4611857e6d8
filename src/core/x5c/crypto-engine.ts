// pkijs's WebCrypto engine, plus Ed25519 certificate signatures (RFC 8410), which pkijs's engine does not know
// (it handles RSA PKCS#1 v1.5, RSA-PSS and ECDSA). The engine is always passed explicitly: pkijs's global engine
// is keyed by process.pid under Node and unset until setEngine is called.
import type * as asn1js from 'asn1js';
import { CryptoEngine, type AlgorithmIdentifier, type PublicKeyInfo } from 'pkijs';

const ED25519 = '1.3.101.112';

class WorkbenchCryptoEngine extends CryptoEngine {
  override async verifyWithPublicKey(
    data: BufferSource,
    signature: asn1js.BitString | asn1js.OctetString,
    publicKeyInfo: PublicKeyInfo,
    signatureAlgorithm: AlgorithmIdentifier,
    shaAlgorithm?: string,
  ): Promise<boolean> {
    if (signatureAlgorithm.algorithmId !== ED25519) {
      return super.verifyWithPublicKey(data, signature, publicKeyInfo, signatureAlgorithm, shaAlgorithm);
    }
    // An Ed25519 signature by a key of another type is simply not valid.
    if (publicKeyInfo.algorithm.algorithmId !== ED25519) return false;
    const spki = new Uint8Array(publicKeyInfo.toSchema().toBER(false));
    const key = await crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(signature.valueBlock.valueHexView), data);
  }
}

let engine: WorkbenchCryptoEngine | undefined;

/** The one engine every pkijs call of the x5c module is given. */
export function x5cCryptoEngine(): WorkbenchCryptoEngine {
  engine ??= new WorkbenchCryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
  return engine;
}
