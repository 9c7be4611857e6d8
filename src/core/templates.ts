// Token templates for the Encode view: common real-world header + payload shapes with fresh
// times. A pure function of a clock and a random source, so tests pin both and the UI passes the real ones.
import type { AlgorithmChoice } from './types';
import type { SnippetAuthStyle } from './snippets';

// The templates for the token profiles live in profiles/templates.ts (exported through profiles/): re-exporting
// them here would pull them into the first load, which needs this module for uuidV4.

export const TEMPLATE_IDS = [
  'hs256-api',
  'rs256-admin',
  'scoped-api-key',
  'scoped-api-key-nested',
  'oidc-id-token',
  'empty',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type TemplateInfo = {
  id: TemplateId;
  label: string;
  /** One line for the menu: what the shape is for and how it is sent. */
  description: string;
};

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'hs256-api',
    label: 'HS256 API token',
    description: 'sub, iat, exp in 1 hour; sent as a raw "Authorization: <token>" header.',
  },
  {
    id: 'rs256-admin',
    label: 'RS256 admin-API token',
    description: 'kid in the header, aud as an array, exp in 5 minutes; sent as "Authorization: Bearer <token>".',
  },
  {
    id: 'scoped-api-key',
    label: 'Scoped API key',
    description: 'iat, a random jti, scopes as an array.',
  },
  {
    id: 'scoped-api-key-nested',
    label: 'Scoped API key (nested scopes)',
    description: 'iat, a random jti, scopes as an object of resource → allowed actions.',
  },
  {
    id: 'oidc-id-token',
    label: 'OpenID Connect ID token',
    description: 'iss, sub, aud, nonce, auth_time, email, iat, exp (OpenID Connect Core §2).',
  },
  { id: 'empty', label: 'Empty', description: 'Only alg and typ in the header and an empty payload.' },
];

/** Where templates get the time and randomness from; the UI passes `Date.now()` and `crypto.randomUUID`. */
export type TemplateEnvironment = {
  /** Seconds since the epoch (NumericDate, RFC 7519 §2). */
  nowSeconds: number;
  randomUUID: () => string;
};

export type FilledTemplate = {
  id: TemplateId;
  alg: AlgorithmChoice;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Pretty-printed JSON, ready for the editors. */
  headerText: string;
  payloadText: string;
  /** How the API this shape is modelled on expects the token in the Authorization header. */
  authStyle: SnippetAuthStyle;
};

const ISSUER = 'https://auth.example.com';
const API = 'https://api.example.com';

function shape(id: TemplateId, env: TemplateEnvironment): Omit<FilledTemplate, 'headerText' | 'payloadText'> {
  const now = Math.floor(env.nowSeconds);
  switch (id) {
    case 'hs256-api':
      return {
        id,
        alg: 'HS256',
        header: { alg: 'HS256', typ: 'JWT' },
        payload: { sub: 'user-1234', iat: now, exp: now + 3600 },
        authStyle: 'raw',
      };
    case 'rs256-admin':
      return {
        id,
        alg: 'RS256',
        // The kid names the verification key in the API's JWKS (RFC 7515 §4.1.4); change it to yours.
        header: { alg: 'RS256', typ: 'JWT', kid: 'admin-signing-key-1' },
        payload: {
          iss: ISSUER,
          sub: 'admin-42',
          // An array even with one member (RFC 7519 §4.1.3 allows both); many libraries only test array handling here.
          aud: [`${API}/admin`, API],
          role: 'admin',
          iat: now,
          exp: now + 300,
        },
        authStyle: 'bearer',
      };
    case 'scoped-api-key':
      return {
        id,
        alg: 'HS256',
        header: { alg: 'HS256', typ: 'JWT' },
        payload: {
          sub: 'service-account-7',
          iat: now,
          jti: env.randomUUID(),
          scopes: ['items:read', 'items:write', 'orders:read'],
        },
        authStyle: 'bearer',
      };
    case 'scoped-api-key-nested':
      return {
        id,
        alg: 'HS256',
        header: { alg: 'HS256', typ: 'JWT' },
        payload: {
          sub: 'service-account-7',
          iat: now,
          jti: env.randomUUID(),
          scopes: { items: ['read', 'write'], orders: ['read'] },
        },
        authStyle: 'bearer',
      };
    case 'oidc-id-token':
      return {
        id,
        // RS256 is the algorithm every OpenID Provider must support (OpenID Connect Core §15.1).
        alg: 'RS256',
        header: { alg: 'RS256', typ: 'JWT', kid: 'oidc-signing-key-1' },
        payload: {
          iss: ISSUER,
          sub: '248289761001',
          aud: 'my-client-id',
          // The nonce echoes the one the client sent in the authentication request (Core §3.1.2.1).
          nonce: env.randomUUID().replaceAll('-', ''),
          auth_time: now,
          email: 'ada@example.com',
          email_verified: true,
          iat: now,
          exp: now + 3600,
        },
        authStyle: 'bearer',
      };
    case 'empty':
      return { id, alg: 'HS256', header: { alg: 'HS256', typ: 'JWT' }, payload: {}, authStyle: 'bearer' };
  }
}

/**
 * An RFC 9562 version 4 UUID from 16 random bytes. `crypto.randomUUID` exists only in secure contexts,
 * `crypto.getRandomValues` everywhere (a LAN http:// address included), so the UI feeds this one.
 */
export function uuidV4(random: Uint8Array): string {
  if (random.length < 16) throw new RangeError('uuidV4 needs 16 random bytes.');
  const bytes = Uint8Array.from(random.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isTemplateId(value: unknown): value is TemplateId {
  return (TEMPLATE_IDS as readonly unknown[]).includes(value);
}

/** Fills a template with times from `env.nowSeconds` and ids from `env.randomUUID`. */
export function fillTemplate(id: TemplateId, env: TemplateEnvironment): FilledTemplate {
  const filled = shape(id, env);
  return {
    ...filled,
    headerText: JSON.stringify(filled.header, null, 2),
    payloadText: JSON.stringify(filled.payload, null, 2),
  };
}

const SHIFTED_WITH_IAT = ['exp', 'nbf', 'auth_time'] as const;

/**
 * "Refresh iat/exp on every change": moves `iat` to now and keeps every other time claim at the same
 * distance from it, so a 5-minute token stays a 5-minute token however long the user edits. Claims
 * that are not numbers, or a payload without a numeric `iat`, are left alone except `iat` itself.
 */
export function refreshTimeClaims(payload: Record<string, unknown>, nowSeconds: number): Record<string, unknown> {
  const now = Math.floor(nowSeconds);
  const iat = payload.iat;
  const next: Record<string, unknown> = { ...payload, iat: now };
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return next;
  for (const claim of SHIFTED_WITH_IAT) {
    const value = payload[claim];
    if (typeof value === 'number' && Number.isFinite(value)) next[claim] = now + (value - iat);
  }
  return next;
}
