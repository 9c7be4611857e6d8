// Names for the OIDs a certificate display needs, and RFC 4514 distinguished-name strings. pkijs parses
// names and extensions but prints neither.
import * as asn1js from 'asn1js';
import type { RelativeDistinguishedNames } from 'pkijs';
import type { KeyUsageName } from './types';

/** RFC 4514 §3: the short names a DN string uses; any other attribute is written as its dotted OID. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

/** SubjectPublicKeyInfo algorithms (RFC 3279, RFC 4055, RFC 8410, FIPS 204). */
export const KEY_TYPES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

export const EC_CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
};

/** RFC 5280 §4.2.1.12 and the purposes people meet in practice. */
export const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** RFC 5280 §4.2.1.3, in bit order: bit 0 is the most significant bit of the first byte. */
export const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export const EXTENSION_OIDS = {
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
} as const;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 4514 §2.4 escaping of an attribute value. */
function escapeValue(value: string): string {
  let out = value.replace(/["+,;<>\\]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

function attributeText(type: string, value: unknown): string {
  const name = ATTRIBUTE_NAMES[type] ?? type;
  if (value instanceof asn1js.BaseStringBlock) return `${name}=${escapeValue(value.getValue())}`;
  // RFC 4514 §2.4: a value that is not a string is written as # and the hex of its BER encoding.
  const ber = value instanceof asn1js.BaseBlock ? new Uint8Array(value.toBER(false)) : new Uint8Array();
  return `${name}=#${hex(ber)}`;
}

/**
 * RFC 4514 string of a name, most specific first (`CN=Leaf,O=Example,C=NL`). pkijs flattens multi-valued RDNs,
 * so each attribute is written as its own RDN.
 */
export function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((atv) => attributeText(atv.type, atv.value))
    .reverse()
    .join(',');
}

/** The last CN of a name (the most specific one), if any. */
export function commonNameOf(name: RelativeDistinguishedNames): string | undefined {
  const cns = name.typesAndValues.filter((atv) => atv.type === '2.5.4.3');
  const last = cns[cns.length - 1]?.value;
  return last instanceof asn1js.BaseStringBlock ? last.getValue() : undefined;
}
