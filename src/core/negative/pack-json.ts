// The pack as JSON, for people who write their own runner: one entry per token (or per case that is not ready),
// with what the server should do with it.
import type { SnippetRequest } from '../snippets';
import type { NegativeCaseId, NegativeCaseState, NegativePack, HostedMaterial } from './types';

export type NegativeTokenRow = {
  id: NegativeCaseId;
  variant?: string;
  /** `id` or `id:variant`, as the script prints it. */
  name: string;
  title: string;
  reference: string;
  state: NegativeCaseState;
  /** `accept` (the control) or `refuse`. */
  expected: 'accept' | 'refuse';
  advisory: boolean;
  /** Absent unless `state` is `ready`. */
  token?: string;
  detail?: string;
  sends: string;
  correctServer: string;
  why: string;
  reason?: string;
  notes: string[];
  hosted?: HostedMaterial;
};

/** One row per token to send, and one per case that is not ready (without a token), in the pack's order. */
export function listNegativeTokens(pack: NegativePack): NegativeTokenRow[] {
  return pack.cases.flatMap((c): NegativeTokenRow[] => {
    const common = {
      id: c.id,
      title: c.title,
      reference: c.reference,
      state: c.state,
      expected: c.expected,
      advisory: c.advisory,
      sends: c.sends,
      correctServer: c.correctServer,
      why: c.why,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      notes: c.notes,
      ...(c.hosted ? { hosted: c.hosted } : {}),
    };
    if (c.tokens.length === 0) return [{ ...common, name: c.id }];
    return c.tokens.map((t) => ({
      ...common,
      ...(t.variant !== undefined ? { variant: t.variant } : {}),
      name: t.name,
      token: t.token,
      detail: t.detail,
    }));
  });
}

/** The pack as pretty JSON text; `request` (the snippet box's request) is included when given. */
export function buildNegativePackJson(pack: NegativePack, request?: SnippetRequest): string {
  return `${JSON.stringify(
    {
      format: 'jwt-workbench-negative-pack',
      version: 1,
      createdAt: new Date(pack.now).toISOString(),
      alg: pack.alg,
      foreignUrl: pack.foreignUrl,
      ...(request ? { request } : {}),
      rule: 'The control must get a 2xx response; every other token must not (advisory ones are reported only).',
      notes: pack.notes,
      cases: listNegativeTokens(pack),
    },
    null,
    2,
  )}\n`;
}
