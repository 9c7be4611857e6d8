// Reads the ASN.1 key structures people paste (RFC 5280 SPKI and X.509, RFC 5208 PKCS#8, RFC 8017 PKCS#1,
// RFC 5915 SEC1) far enough to describe them, and re-wraps PKCS#1/SEC1 into PKCS#8/SPKI, the only forms
// WebCrypto's importKey accepts.
import { KeyError } from '../errors';
import type { KeyFamily, KeyPurpose } from '../types';
import {
  NULL_TLV,
  TAG,
  bitString,
  children,
  content,
  decodeOid,
  decodeString,
  encoded,
  expectSequence,
  expectTag,
  integerBitLength,
  oidTlv,
  readRoot,
  sequence,
  smallInteger,
  tlv,
  type DerNode,
} from './der';

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  commonName: '2.5.4.3',
} as const;

const EC_CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};
const CURVE_OIDS: Record<string, string> = Object.fromEntries(Object.entries(EC_CURVES).map(([k, v]) => [v, k]));

/** Algorithms identified by their OID alone (RFC 8410, FIPS 204 / draft-ietf-lamps-dilithium-certificates). */
const SINGLE_OID_KEYS: Record<string, { family: KeyFamily; curve: string }> = {
  '1.3.101.112': { family: 'OKP', curve: 'Ed25519' },
  '2.16.840.1.101.3.4.3.17': { family: 'AKP', curve: 'ML-DSA-44' },
  '2.16.840.1.101.3.4.3.18': { family: 'AKP', curve: 'ML-DSA-65' },
  '2.16.840.1.101.3.4.3.19': { family: 'AKP', curve: 'ML-DSA-87' },
};

/** Keys that only key agreement uses (RFC 8410, RFC 8037 §3.2): usable when a key is read for encryption. */
const AGREEMENT_OIDS: Record<string, { family: KeyFamily; curve: string }> = {
  '1.3.101.110': { family: 'OKP', curve: 'X25519' },
};

/** Key types we recognise only to say why they cannot sign a JWS here. */
const UNSUPPORTED_OIDS: Record<string, string> = {
  '1.3.101.113': 'Ed448 keys are not supported by WebCrypto in browsers; use Ed25519',
  '1.3.101.110': 'X25519 keys are for key agreement (ECDH-ES), not for signatures',
  '1.3.101.111': 'X448 keys are for key agreement, not for signatures',
  '1.2.840.10040.4.1': 'DSA keys have no JWS algorithm (RFC 7518 defines none)',
  [OID.rsaPss]:
    'RSA-PSS-restricted keys (OID 1.2.840.113549.1.1.10) cannot be imported by WebCrypto; export the key as a plain RSA key (rsaEncryption)',
};
const UNSUPPORTED_CURVES: Record<string, string> = {
  '1.3.132.0.10': 'secp256k1 (ES256K) is not supported by WebCrypto',
};

export type DerStructure = 'spki' | 'pkcs8' | 'pkcs8-encrypted' | 'pkcs1-private' | 'pkcs1-public' | 'sec1' | 'x509';

export type ParsedKeyDer = {
  structure: DerStructure;
  family: KeyFamily;
  isPrivate: boolean;
  bits?: number;
  curve?: string;
  /** X.509 subject common name. */
  subject?: string;
  /** DER that WebCrypto imports: SPKI for public keys, PKCS#8 for private keys. */
  importable: Uint8Array;
  importFormat: 'spki' | 'pkcs8';
};

/** Best guess of the structure from its shape, to tell a mislabelled PEM from a corrupt one. */
export function sniffStructure(der: Uint8Array): DerStructure | undefined {
  try {
    const items = expectSequence(readRoot(der), 'key');
    const tags = items.map((n) => n.tag);
    if (tags.length >= 9 && tags.slice(0, 9).every((t) => t === TAG.INTEGER)) return 'pkcs1-private';
    if (tags.length === 2 && tags[0] === TAG.INTEGER && tags[1] === TAG.INTEGER) return 'pkcs1-public';
    if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.BIT_STRING) return 'spki';
    if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.OCTET_STRING) return 'pkcs8-encrypted';
    if (tags.length >= 3 && tags[0] === TAG.INTEGER && tags[1] === TAG.SEQUENCE && tags[2] === TAG.OCTET_STRING) {
      return 'pkcs8';
    }
    if (tags.length >= 2 && tags[0] === TAG.INTEGER && tags[1] === TAG.OCTET_STRING) return 'sec1';
    if (tags.length === 3 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.SEQUENCE && tags[2] === TAG.BIT_STRING) {
      return 'x509';
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function algorithm(node: DerNode | undefined): { oid: string; params: DerNode | undefined } {
  const [oidNode, params] = expectSequence(node, 'AlgorithmIdentifier');
  return { oid: decodeOid(content(expectTag(oidNode, TAG.OID, 'algorithm OID'))), params };
}

type KeyKind = { family: KeyFamily; bits?: number; curve?: string };

function curveOf(params: DerNode | undefined): string {
  if (!params || params.tag !== TAG.OID) {
    throw new KeyError('unsupported', 'EC keys with explicit curve parameters are not supported; use a named curve');
  }
  const oid = decodeOid(content(params));
  const unsupported = UNSUPPORTED_CURVES[oid];
  if (unsupported) throw new KeyError('unsupported', unsupported);
  const curve = EC_CURVES[oid];
  if (!curve)
    throw new KeyError('unsupported', `EC curve ${oid} is not usable for JWS (ES256/384/512 need P-256/384/521)`);
  return curve;
}

function kindOf(oid: string, params: DerNode | undefined, rsaKey: () => Uint8Array, purpose: KeyPurpose): KeyKind {
  if (oid === OID.rsaEncryption) {
    // RSAPrivateKey starts with a version INTEGER before the modulus; RSAPublicKey does not (RFC 8017 A.1).
    const items = expectSequence(readRoot(rsaKey()), 'RSA key');
    const modulus = expectTag(items.length >= 9 ? items[1] : items[0], TAG.INTEGER, 'RSA modulus');
    return { family: 'RSA', bits: integerBitLength(content(modulus)) };
  }
  if (oid === OID.ecPublicKey) return { family: 'EC', curve: curveOf(params) };
  const single = SINGLE_OID_KEYS[oid];
  if (single) return single;
  const agreement = purpose === 'enc' ? AGREEMENT_OIDS[oid] : undefined;
  if (agreement) return agreement;
  const unsupported = UNSUPPORTED_OIDS[oid];
  throw new KeyError('unsupported', unsupported ?? `key algorithm ${oid} is not a JWS signature key`);
}

function parseSpki(der: Uint8Array, purpose: KeyPurpose): KeyKind {
  const [alg, key] = expectSequence(readRoot(der), 'SubjectPublicKeyInfo');
  const { oid, params } = algorithm(alg);
  // BIT STRING: first value byte counts unused bits (always 0 for keys).
  return kindOf(oid, params, () => content(expectTag(key, TAG.BIT_STRING, 'subjectPublicKey')).subarray(1), purpose);
}

function parsePkcs8(der: Uint8Array, purpose: KeyPurpose): KeyKind {
  const [, alg, key] = expectSequence(readRoot(der), 'PrivateKeyInfo');
  const { oid, params } = algorithm(alg);
  return kindOf(oid, params, () => content(expectTag(key, TAG.OCTET_STRING, 'privateKey')), purpose);
}

function rsaAlgorithmId(): Uint8Array {
  return sequence(oidTlv(OID.rsaEncryption), NULL_TLV);
}

/** RFC 8017 RSAPrivateKey → RFC 5208 PrivateKeyInfo. */
export function wrapPkcs1Private(pkcs1: Uint8Array): Uint8Array {
  return sequence(smallInteger(0), rsaAlgorithmId(), tlv(TAG.OCTET_STRING, pkcs1));
}

/** RFC 8017 RSAPublicKey → RFC 5280 SubjectPublicKeyInfo. */
export function wrapPkcs1Public(pkcs1: Uint8Array): Uint8Array {
  return sequence(rsaAlgorithmId(), bitString(pkcs1));
}

/** RFC 5915 ECPrivateKey → RFC 5208 PrivateKeyInfo, with the curve moved into the AlgorithmIdentifier (RFC 5915 §3). */
export function wrapSec1(sec1: Uint8Array, curve: string): Uint8Array {
  const curveOid = CURVE_OIDS[curve];
  if (!curveOid) throw new KeyError('unsupported', `EC curve ${curve} is not usable for JWS`);
  return sequence(smallInteger(0), sequence(oidTlv(OID.ecPublicKey), oidTlv(curveOid)), tlv(TAG.OCTET_STRING, sec1));
}

function parseSec1(der: Uint8Array): KeyKind {
  const items = expectSequence(readRoot(der), 'ECPrivateKey');
  const params = items.find((n) => n.tag === 0xa0);
  if (!params) {
    throw new KeyError(
      'der',
      'this EC PRIVATE KEY does not name its curve; re-export it with `openssl ec -in k.pem -out k2.pem`',
    );
  }
  return { family: 'EC', curve: curveOf(children(params)[0]) };
}

/** First CN in the subject Name, for the label. */
function commonName(name: DerNode | undefined): string | undefined {
  for (const rdn of name ? children(name) : []) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (type?.tag === TAG.OID && value && decodeOid(content(type)) === OID.commonName) return decodeString(value);
    }
  }
  return undefined;
}

/** The SubjectPublicKeyInfo of a certificate, and its subject CN (RFC 5280 §4.1). */
function parseX509(der: Uint8Array): { spki: Uint8Array; subject: string | undefined } {
  const [tbs] = expectSequence(readRoot(der), 'Certificate');
  const fields = expectSequence(tbs, 'TBSCertificate');
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const spki = expectTag(rest[5], TAG.SEQUENCE, 'subjectPublicKeyInfo');
  return { spki: encoded(spki), subject: commonName(rest[4]) };
}

/** Parses DER of a known structure (from the PEM label); throws DerError or KeyError. */
export function parseKeyDer(structure: DerStructure, der: Uint8Array, purpose: KeyPurpose = 'sig'): ParsedKeyDer {
  switch (structure) {
    case 'spki':
      return { structure, ...parseSpki(der, purpose), isPrivate: false, importable: der, importFormat: 'spki' };
    case 'pkcs8':
      return { structure, ...parsePkcs8(der, purpose), isPrivate: true, importable: der, importFormat: 'pkcs8' };
    case 'pkcs1-private': {
      const wrapped = wrapPkcs1Private(der);
      return {
        structure,
        ...parsePkcs8(wrapped, purpose),
        isPrivate: true,
        importable: wrapped,
        importFormat: 'pkcs8',
      };
    }
    case 'pkcs1-public': {
      const wrapped = wrapPkcs1Public(der);
      return { structure, ...parseSpki(wrapped, purpose), isPrivate: false, importable: wrapped, importFormat: 'spki' };
    }
    case 'sec1': {
      const kind = parseSec1(der);
      const wrapped = wrapSec1(der, kind.curve ?? '');
      return { structure, ...kind, isPrivate: true, importable: wrapped, importFormat: 'pkcs8' };
    }
    case 'x509': {
      const { spki, subject } = parseX509(der);
      const kind = parseSpki(spki, purpose);
      return {
        structure,
        ...kind,
        isPrivate: false,
        importable: spki,
        importFormat: 'spki',
        ...(subject ? { subject } : {}),
      };
    }
    case 'pkcs8-encrypted':
      throw new KeyError(
        'pem-encrypted',
        'this private key is encrypted (PKCS#8 with a password), which is not supported; decrypt it with `openssl pkcs8 -in k.pem -out plain.pem` and paste the result',
      );
  }
}
