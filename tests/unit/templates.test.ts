import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  isTemplateId,
  refreshTimeClaims,
  TEMPLATE_IDS,
  TEMPLATES,
  uuidV4,
  type TemplateEnvironment,
} from '../../src/core/templates';
import { signToken } from '../../src/core/sign';
import { decodeToken } from '../../src/core/token';

const NOW = 1_800_000_000;

function env(nowSeconds = NOW): TemplateEnvironment & { calls: number } {
  let calls = 0;
  return {
    nowSeconds,
    randomUUID: () => {
      calls += 1;
      return `00000000-0000-4000-8000-${String(calls).padStart(12, '0')}`;
    },
    get calls() {
      return calls;
    },
  };
}

describe('fillTemplate', () => {
  it('HS256 API token: sub, iat now, exp in one hour, sent as a raw Authorization header', () => {
    const t = fillTemplate('hs256-api', env());
    expect(t.alg).toBe('HS256');
    expect(t.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(t.payload).toEqual({ sub: 'user-1234', iat: NOW, exp: NOW + 3600 });
    expect(t.authStyle).toBe('raw');
  });

  it('RS256 admin token: kid in the header, aud an array, exp five minutes after iat, Bearer', () => {
    const t = fillTemplate('rs256-admin', env());
    expect(t.alg).toBe('RS256');
    expect(t.header.alg).toBe('RS256');
    expect(typeof t.header.kid).toBe('string');
    expect(Array.isArray(t.payload.aud)).toBe(true);
    expect(t.payload.iat).toBe(NOW);
    expect(t.payload.exp).toBe(NOW + 300);
    expect(t.authStyle).toBe('bearer');
  });

  it('scoped API key: iat, a jti from the random source, scopes as an array', () => {
    const e = env();
    const t = fillTemplate('scoped-api-key', e);
    expect(t.payload.iat).toBe(NOW);
    expect(t.payload.jti).toBe('00000000-0000-4000-8000-000000000001');
    expect(e.calls).toBe(1);
    expect(t.payload.scopes).toEqual(expect.arrayContaining(['items:read']));
    expect(Array.isArray(t.payload.scopes)).toBe(true);
    expect(t.payload).not.toHaveProperty('exp');
  });

  it('scoped API key, nested form: scopes as an object of resource to action arrays', () => {
    const t = fillTemplate('scoped-api-key-nested', env());
    const scopes = t.payload.scopes as Record<string, unknown>;
    expect(Array.isArray(scopes)).toBe(false);
    for (const actions of Object.values(scopes)) expect(Array.isArray(actions)).toBe(true);
    expect(typeof t.payload.jti).toBe('string');
  });

  it('each fill draws a new jti', () => {
    const e = env();
    const a = fillTemplate('scoped-api-key', e);
    const b = fillTemplate('scoped-api-key', e);
    expect(a.payload.jti).not.toBe(b.payload.jti);
  });

  it('OIDC ID token: iss, sub, aud, nonce, auth_time, email, iat and exp', () => {
    const t = fillTemplate('oidc-id-token', env());
    for (const claim of ['iss', 'sub', 'aud', 'nonce', 'auth_time', 'email', 'iat', 'exp']) {
      expect(t.payload, claim).toHaveProperty(claim);
    }
    expect(t.payload.nonce).toBe('00000000000040008000000000000001');
    expect(t.payload.auth_time).toBeLessThanOrEqual(NOW);
    expect(t.payload.exp as number).toBeGreaterThan(NOW);
    expect(String(t.payload.iss)).toMatch(/^https:\/\//);
  });

  it('empty: alg and typ, and an empty payload', () => {
    const t = fillTemplate('empty', env());
    expect(t.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(t.payloadText).toBe('{}');
  });

  it('floors a fractional clock to a NumericDate', () => {
    expect(fillTemplate('hs256-api', env(NOW + 0.9)).payload.iat).toBe(NOW);
  });

  it('every template is listed, its texts are the pretty JSON of its objects, and its header alg matches', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    for (const id of TEMPLATE_IDS) {
      const t = fillTemplate(id, env());
      expect(JSON.parse(t.headerText)).toEqual(t.header);
      expect(JSON.parse(t.payloadText)).toEqual(t.payload);
      expect(t.headerText).toContain('\n');
      expect(t.header.alg).toBe(t.alg);
    }
  });

  it('the HS256 templates sign and decode back to the same payload', async () => {
    for (const id of ['hs256-api', 'scoped-api-key', 'scoped-api-key-nested', 'empty'] as const) {
      const t = fillTemplate(id, env());
      const token = await signToken(t.headerText, t.payloadText, { text: 'a-32-byte-long-secret-for-hs256!' });
      expect(decodeToken(token).payload).toEqual(t.payload);
    }
  });

  it('isTemplateId accepts the ids and nothing else', () => {
    expect(isTemplateId('rs256-admin')).toBe(true);
    expect(isTemplateId('RS256-admin')).toBe(false);
    expect(isTemplateId(undefined)).toBe(false);
  });
});

describe('refreshTimeClaims', () => {
  it('sets iat to now and keeps the lifetime exp - iat', () => {
    const out = refreshTimeClaims({ sub: 'x', iat: NOW - 1000, exp: NOW - 1000 + 300 }, NOW);
    expect(out).toEqual({ sub: 'x', iat: NOW, exp: NOW + 300 });
  });

  it('keeps nbf and auth_time at the same distance from iat', () => {
    const out = refreshTimeClaims({ iat: 100, nbf: 110, auth_time: 90, exp: 400 }, 1000);
    expect(out).toEqual({ iat: 1000, nbf: 1010, auth_time: 990, exp: 1300 });
  });

  it('adds iat when there is none and leaves exp alone then (no lifetime to keep)', () => {
    expect(refreshTimeClaims({ exp: 5 }, NOW)).toEqual({ exp: 5, iat: NOW });
  });

  it('leaves non-numeric time claims alone', () => {
    expect(refreshTimeClaims({ iat: 100, exp: 'soon' }, 1000)).toEqual({ iat: 1000, exp: 'soon' });
    expect(refreshTimeClaims({ iat: '100', exp: 200 }, 1000)).toEqual({ iat: 1000, exp: 200 });
  });

  it('does not modify its input', () => {
    const input = { iat: 1, exp: 2 };
    refreshTimeClaims(input, 10);
    expect(input).toEqual({ iat: 1, exp: 2 });
  });
});

describe('uuidV4', () => {
  it('sets the version and variant bits and keeps the other 122 bits', () => {
    expect(uuidV4(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidV4(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('formats random bytes like crypto.randomUUID', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(uuidV4(crypto.getRandomValues(new Uint8Array(16)))).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('refuses fewer than 16 bytes', () => {
    expect(() => uuidV4(new Uint8Array(15))).toThrow(RangeError);
  });
});
