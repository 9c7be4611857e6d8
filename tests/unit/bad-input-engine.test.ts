// Hardening at the engine level, beyond token*.test.ts and keys.test.ts: the chaos corpus the e2e test
// pastes (tests/e2e/chaos-corpus.ts, same seed) run straight through the core. detectKey never throws
// (a broken key is a `kind: 'error'` detection with a KeyError code), decodeToken throws only
// TokenError, and verifyToken/signToken settle with a verdict or a typed error, never anything else.
import { describe, expect, it } from 'vitest';
import {
  CoreError,
  KEY_ERROR_CODES,
  TOKEN_ERROR_CODES,
  TokenError,
  decodeToken,
  detectKey,
  signToken,
  verifyToken,
} from '../../src/core';
import { chaosCorpus } from '../e2e/chaos-corpus';
import { keyPair } from '../fixtures/fixtures';

const SEED = 0x5eed_2026;
const corpus = chaosCorpus(SEED, 320).filter((c) => c.token.length < 1_000_000);

describe('keys that broke the engine once', () => {
  it("a PEM with '=' inside its base64 is a der KeyError, not a plain Error (chaos seed 0x5eed2026 case 40)", () => {
    const pem = keyPair('ec-p256').publicSpkiPem;
    const body = pem.indexOf('\n') + 20;
    const detection = detectKey({ text: `${pem.slice(0, body)}=${pem.slice(body)}` });
    expect(detection).toMatchObject({ kind: 'error', code: 'der' });
    expect(detection.kind === 'error' && detection.message).toMatch(/'=' inside its base64/);
  });
});

describe('chaos corpus through the engine', () => {
  it('detectKey never throws and every error names a KeyError code', () => {
    for (const { index, key } of corpus) {
      let detection: ReturnType<typeof detectKey> | undefined;
      expect(
        () => (detection = detectKey({ text: key })),
        `case ${index}: ${JSON.stringify(key.slice(0, 80))}`,
      ).not.toThrow();
      if (detection?.kind === 'error') expect(KEY_ERROR_CODES).toContain(detection.code);
    }
  });

  it('decodeToken throws only TokenError with a documented code', () => {
    for (const { index, token } of corpus) {
      try {
        decodeToken(token);
      } catch (error) {
        expect(error, `case ${index}`).toBeInstanceOf(TokenError);
        expect(TOKEN_ERROR_CODES).toContain((error as TokenError).code);
      }
    }
  });

  it('verifyToken and signToken settle with a verdict or a typed error', async () => {
    for (const { index, token, key } of corpus.slice(0, 160)) {
      const label = `case ${index}`;
      try {
        const result = await verifyToken(token, { text: key });
        expect(['verified', 'invalid', 'error'], label).toContain(result.signature);
        expect(result.message, label).not.toBe('');
      } catch (error) {
        expect(error, label).toBeInstanceOf(CoreError);
      }
      try {
        await signToken('{"alg":"HS256"}', '{"sub":"chaos"}', { text: key });
      } catch (error) {
        expect(error, label).toBeInstanceOf(CoreError);
      }
    }
  });
});
