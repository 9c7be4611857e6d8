// The display fields of one certificate (an `x5c-cert` element), read from pkijs's parse.
import * as asn1js from 'asn1js';
import { BasicConstraints, ExtKeyUsage, RSAPublicKey, type Certificate } from 'pkijs';
import { integerBitLength } from '../lib/der';
import { base64Encode, base64urlEncode } from '../lib/key-encoding';
import {
  EC_CURVES,
  EXTENDED_KEY_USAGES,
  EXTENSION_OIDS,
  KEY_TYPES,
  KEY_USAGE_BITS,
  SIGNATURE_ALGORITHMS,
  commonNameOf,
  formatName,
} from './names';
import type { KeyUsageName, X5cCertificateInfo, X5cCertificateRef } from './types';

function describeKey(cert: Certificate): X5cCertificateInfo['key'] {
  const spki = cert.subjectPublicKeyInfo;
  const oid = spki.algorithm.algorithmId;
  const type = KEY_TYPES[oid] ?? oid;
  if (type === 'RSA') {
    const parsed = spki.parsedKey;
    const bits = parsed instanceof RSAPublicKey ? integerBitLength(parsed.modulus.valueBlock.valueHexView) : undefined;
    return { type, oid, label: bits ? `RSA ${bits}` : 'RSA', ...(bits ? { bits } : {}) };
  }
  if (type === 'EC') {
    const params: unknown = spki.algorithm.algorithmParams;
    const curveOid = params instanceof asn1js.ObjectIdentifier ? params.getValue() : undefined;
    const curve = curveOid ? EC_CURVES[curveOid] : undefined;
    const name = curve?.name ?? curveOid;
    return {
      type,
      oid,
      label: name ? `EC ${name}` : 'EC',
      ...(name ? { curve: name } : {}),
      ...(curve ? { bits: curve.bits } : {}),
    };
  }
  return { type, oid, label: type };
}

function keyUsageOf(value: unknown): KeyUsageName[] {
  if (!(value instanceof asn1js.BitString)) return [];
  const bytes = value.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

/** The flags of the keyUsage extension, or undefined when there is none (every use allowed). */
export function keyUsageFlags(cert: Certificate): KeyUsageName[] | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === EXTENSION_OIDS.keyUsage);
  return ext ? keyUsageOf(ext.parsedValue) : undefined;
}

/** basicConstraints as pkijs parsed it, or undefined when absent. */
export function basicConstraintsOf(cert: Certificate): { ca: boolean; pathLength?: number } | undefined {
  const value = cert.extensions?.find((e) => e.extnID === EXTENSION_OIDS.basicConstraints)?.parsedValue;
  if (!(value instanceof BasicConstraints)) return undefined;
  const raw = value.pathLenConstraint;
  const pathLength = raw instanceof asn1js.Integer ? raw.valueBlock.valueDec : raw;
  return { ca: value.cA === true, ...(pathLength !== undefined ? { pathLength } : {}) };
}

function extensionsOf(
  cert: Certificate,
): Pick<X5cCertificateInfo, 'keyUsage' | 'extendedKeyUsage' | 'basicConstraints'> {
  const out: Pick<X5cCertificateInfo, 'keyUsage' | 'extendedKeyUsage' | 'basicConstraints'> = {};
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID === EXTENSION_OIDS.keyUsage) {
      out.keyUsage = { usages: keyUsageOf(ext.parsedValue), critical: ext.critical };
    } else if (ext.extnID === EXTENSION_OIDS.extendedKeyUsage && ext.parsedValue instanceof ExtKeyUsage) {
      const usages = ext.parsedValue.keyPurposes.map((oid) => EXTENDED_KEY_USAGES[oid] ?? oid);
      out.extendedKeyUsage = { usages, critical: ext.critical };
    } else if (ext.extnID === EXTENSION_OIDS.basicConstraints) {
      const bc = basicConstraintsOf(cert);
      if (bc) out.basicConstraints = { ...bc, critical: ext.critical };
    }
  }
  return out;
}

function hexPairs(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function serialHex(cert: Certificate): string {
  const text = Array.from(cert.serialNumber.valueBlock.valueHexView, (b) => b.toString(16).padStart(2, '0')).join('');
  return text.replace(/^0+(?=.)/, '');
}

export function toCertificatePem(der: Uint8Array): string {
  const body = base64Encode(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export async function describeCertificate(
  cert: Certificate,
  der: Uint8Array<ArrayBuffer>,
  ref: X5cCertificateRef,
): Promise<X5cCertificateInfo> {
  const [sha256, sha1] = await Promise.all([crypto.subtle.digest('SHA-256', der), crypto.subtle.digest('SHA-1', der)]);
  const subject = formatName(cert.subject);
  const sigOid = cert.signatureAlgorithm.algorithmId;
  return {
    kind: 'certificate',
    ref,
    subject,
    issuer: formatName(cert.issuer),
    commonName: commonNameOf(cert.subject) ?? subject,
    selfIssued: cert.subject.isEqual(cert.issuer),
    serial: serialHex(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    notBeforeMs: cert.notBefore.value.getTime(),
    notAfterMs: cert.notAfter.value.getTime(),
    key: describeKey(cert),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
    ...extensionsOf(cert),
    sha256: hexPairs(new Uint8Array(sha256)),
    x5tS256: base64urlEncode(new Uint8Array(sha256)),
    x5t: base64urlEncode(new Uint8Array(sha1)),
    pem: toCertificatePem(der),
  };
}
