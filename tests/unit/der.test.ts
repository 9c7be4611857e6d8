import { generateKeyPairSync, createPublicKey, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DerError,
  TAG,
  children,
  content,
  decodeOid,
  decodeString,
  encodeOid,
  integerBitLength,
  readNode,
  readRoot,
  sequence,
  tlv,
} from '../../src/core/lib/der';
import { parseKeyDer, sniffStructure, wrapPkcs1Private, wrapPkcs1Public, wrapSec1 } from '../../src/core/lib/key-asn1';

const der = (pem: string | Buffer) => new Uint8Array(pem as Buffer);

describe('DER reader', () => {
  it('reads short and long lengths', () => {
    const short = Uint8Array.of(0x04, 0x02, 0xaa, 0xbb);
    expect(content(readRoot(short))).toEqual(Uint8Array.of(0xaa, 0xbb));
    const big = tlv(TAG.OCTET_STRING, new Uint8Array(300));
    expect([...big.subarray(0, 4)]).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(content(readRoot(big))).toHaveLength(300);
  });

  it('walks the children of a SEQUENCE', () => {
    const seq = sequence(tlv(TAG.INTEGER, Uint8Array.of(5)), tlv(TAG.NULL, new Uint8Array(0)));
    expect(children(readRoot(seq)).map((n) => n.tag)).toEqual([TAG.INTEGER, TAG.NULL]);
  });

  it('reports truncation with the offset where the data ends', () => {
    const cut = Uint8Array.of(0x30, 0x82, 0x01, 0x00, 0x02);
    expect(() => readNode(cut)).toThrow(DerError);
    try {
      readNode(cut);
    } catch (e) {
      expect(e).toMatchObject({ code: 'truncated', offset: 5 });
      expect((e as Error).message).toMatch(/declares 256 bytes but only 1 follow/);
    }
    expect(() => readNode(Uint8Array.of(0x30))).toThrow(/a length was expected/);
  });

  it('refuses BER indefinite lengths, trailing bytes and multi-byte tags', () => {
    expect(() => readNode(Uint8Array.of(0x30, 0x80, 0, 0))).toThrow(/indefinite length/);
    expect(() => readRoot(Uint8Array.of(0x05, 0x00, 0xff))).toThrow(/1 unexpected bytes/);
    expect(() => readNode(Uint8Array.of(0x1f, 0x81, 0x00))).toThrow(/multi-byte tag/);
  });

  it('encodes and decodes OIDs, including large arcs', () => {
    for (const oid of [
      '1.2.840.113549.1.1.1',
      '1.2.840.10045.3.1.7',
      '1.3.101.112',
      '2.16.840.1.101.3.4.3.17',
      '2.5.4.3',
    ]) {
      expect(decodeOid(encodeOid(oid))).toBe(oid);
    }
    expect([...encodeOid('1.2.840.113549')]).toEqual([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]);
  });

  it('measures integers ignoring the sign byte', () => {
    expect(integerBitLength(Uint8Array.of(0x00, 0x80, 0x00))).toBe(16);
    expect(integerBitLength(Uint8Array.of(0x01))).toBe(1);
    expect(integerBitLength(Uint8Array.of(0))).toBe(0);
  });

  it('decodes UTF8String and BMPString', () => {
    expect(decodeString(readRoot(tlv(TAG.UTF8_STRING, new TextEncoder().encode('Zoë'))))).toBe('Zoë');
    expect(decodeString(readRoot(tlv(TAG.BMP_STRING, Uint8Array.of(0, 0x41, 0x04, 0x16))))).toBe('AЖ');
  });
});

describe('key structures', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });

  it('wraps PKCS#1 into exactly the PKCS#8 and SPKI that OpenSSL produces', () => {
    const pkcs1 = der(rsa.privateKey.export({ type: 'pkcs1', format: 'der' }));
    expect(Buffer.from(wrapPkcs1Private(pkcs1))).toEqual(rsa.privateKey.export({ type: 'pkcs8', format: 'der' }));
    const pub = der(rsa.publicKey.export({ type: 'pkcs1', format: 'der' }));
    expect(Buffer.from(wrapPkcs1Public(pub))).toEqual(rsa.publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('wraps SEC1 into a PKCS#8 that node:crypto reads as the same key', () => {
    const sec1 = der(ec.privateKey.export({ type: 'sec1', format: 'der' }));
    const wrapped = Buffer.from(wrapSec1(sec1, 'P-384'));
    const back = createPrivateKey({ key: wrapped, format: 'der', type: 'pkcs8' });
    expect(back.export({ format: 'jwk' })).toEqual(ec.privateKey.export({ format: 'jwk' }));
    expect(createPublicKey(back).export({ format: 'jwk' })).toEqual(ec.publicKey.export({ format: 'jwk' }));
  });

  it('recognises each structure by shape', () => {
    expect(sniffStructure(der(rsa.privateKey.export({ type: 'pkcs1', format: 'der' })))).toBe('pkcs1-private');
    expect(sniffStructure(der(rsa.publicKey.export({ type: 'pkcs1', format: 'der' })))).toBe('pkcs1-public');
    expect(sniffStructure(der(rsa.publicKey.export({ type: 'spki', format: 'der' })))).toBe('spki');
    expect(sniffStructure(der(ec.privateKey.export({ type: 'pkcs8', format: 'der' })))).toBe('pkcs8');
    expect(sniffStructure(der(ec.privateKey.export({ type: 'sec1', format: 'der' })))).toBe('sec1');
    expect(sniffStructure(Uint8Array.of(1, 2, 3))).toBeUndefined();
  });

  it('reads sizes and curves', () => {
    expect(parseKeyDer('spki', der(rsa.publicKey.export({ type: 'spki', format: 'der' })))).toMatchObject({
      family: 'RSA',
      bits: 3072,
      isPrivate: false,
    });
    expect(parseKeyDer('pkcs1-private', der(rsa.privateKey.export({ type: 'pkcs1', format: 'der' })))).toMatchObject({
      bits: 3072,
      importFormat: 'pkcs8',
    });
    expect(parseKeyDer('sec1', der(ec.privateKey.export({ type: 'sec1', format: 'der' })))).toMatchObject({
      family: 'EC',
      curve: 'P-384',
      isPrivate: true,
    });
    const ed = generateKeyPairSync('ed25519');
    expect(parseKeyDer('pkcs8', der(ed.privateKey.export({ type: 'pkcs8', format: 'der' })))).toMatchObject({
      family: 'OKP',
      curve: 'Ed25519',
    });
  });

  it('refuses an encrypted PKCS#8 with the openssl command that decrypts it', () => {
    const enc = der(rsa.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: 'x' }));
    expect(sniffStructure(enc)).toBe('pkcs8-encrypted');
    expect(() => parseKeyDer('pkcs8-encrypted', enc)).toThrow(/openssl pkcs8 -in k\.pem -out plain\.pem/);
  });
});
