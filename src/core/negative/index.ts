// The negative-test pack: from a token the server accepts, the tokens a correct verifier must refuse, and a
// script that sends them all. Loaded by the page only when the pack is opened (it brings an X.509 library).
import { decodeToken, type DecodedToken } from '../token';
import { unavailableCase } from './catalog';
import { buildClaimCases } from './claim-cases';
import { buildControlCase } from './control';
import { buildBrokenKeyCases } from './broken-keys';
import { buildKeyConfusionCases } from './key-confusion';
import { buildNoSignatureCheckCases } from './no-signature-check';
import { resolveNegativeKeys } from './resolve-keys';
import { buildTokenKeyCases } from './token-keys';
import {
  NEGATIVE_CASE_IDS,
  type NegativeCase,
  type NegativePack,
  type NegativePackInput,
  type ResolvedKeys,
  type ResolvedOptions,
} from './types';

export * from './types';
export { CASE_TEXT } from './catalog';
export { ALG_NONE_SPELLINGS, tamperClaim } from './no-signature-check';
export { KID_PATH_TRAVERSAL, KID_SQL_INJECTION, KID_SQL_SECRET } from './broken-keys';
export { CRIT_MEMBER, WRONG_AUDIENCE, WRONG_ISSUER, swappedAlgorithm } from './claim-cases';
export { resolveNegativeKeys } from './resolve-keys';
export { buildControlCase } from './control';
export { buildNoSignatureCheckCases } from './no-signature-check';
export { buildKeyConfusionCases } from './key-confusion';
export { buildTokenKeyCases } from './token-keys';
export { buildBrokenKeyCases } from './broken-keys';
export { buildClaimCases } from './claim-cases';
export {
  buildNegativeScript,
  tryBuildNegativeScript,
  DEFAULT_MAX_TIME_SECONDS,
  type NegativeScriptOptions,
  type NegativeScriptResult,
} from './script';
export { buildNegativePackJson, listNegativeTokens, type NegativeTokenRow } from './pack-json';

/** The URL put in `jku` and `x5u` unless the user gives another: `.invalid` never resolves (RFC 6761 §6.4). */
export const DEFAULT_FOREIGN_URL = 'https://foreign-keys.invalid/jwks.json';

function resolveOptions(input: NegativePackInput): ResolvedOptions {
  const now = input.now ?? Date.now();
  const text = (input.foreignUrl ?? '').trim();
  if (text === '') return { foreignUrl: DEFAULT_FOREIGN_URL, now };
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return {
      foreignUrl: text,
      foreignUrlProblem: `The foreign URL "${text}" is not an http(s) URL; enter one such as ${DEFAULT_FOREIGN_URL}, or leave it empty.`,
      now,
    };
  }
  return { foreignUrl: url.href, now };
}

type Family = (token: DecodedToken, keys: ResolvedKeys, options: ResolvedOptions) => Promise<NegativeCase[]>;

const FAMILIES: Family[] = [
  buildNoSignatureCheckCases,
  buildKeyConfusionCases,
  buildTokenKeyCases,
  buildBrokenKeyCases,
  buildClaimCases,
];

/**
 * Every case of NEGATIVE_CASE_IDS for the loaded token, in that order. Cases are made from the control (the
 * token, or the token re-signed with a later `exp` when it had expired and the signing key was given), so that
 * each differs from it in one thing. Never throws for missing or unfitting keys: those cases say what they need.
 */
export async function buildNegativePack(input: NegativePackInput): Promise<NegativePack> {
  const options = resolveOptions(input);
  const keys = await resolveNegativeKeys(input.token, input);
  const control = await buildControlCase(input.token, keys, options);
  const controlToken = control.tokens[0]?.token ?? input.token.normalized;
  const base = controlToken === input.token.normalized ? input.token : decodeToken(controlToken);

  let others: NegativeCase[];
  if (input.token.unsecured) {
    const reason = `The loaded token is unsecured ("alg": "${input.token.alg ?? 'none'}"): load a signed token your server accepts.`;
    others = NEGATIVE_CASE_IDS.filter((id) => id !== 'control').map((id) => unavailableCase(id, 'n/a', reason));
  } else {
    others = (await Promise.all(FAMILIES.map((family) => family(base, keys, options)))).flat();
  }
  const byId = new Map([control, ...others].map((c) => [c.id, c]));
  const cases = NEGATIVE_CASE_IDS.map((id) => byId.get(id)).filter((c): c is NegativeCase => c !== undefined);

  const notes = [...control.notes];
  if (input.token.unsecured) {
    notes.push(
      'The loaded token is unsecured: a server that accepts it as the control accepts tokens without a signature.',
    );
  }
  if (keys.signingKey === 'does-not-verify' && keys.signingKeyProblem) notes.push(keys.signingKeyProblem);
  if (keys.publicKey === 'does-not-verify' && keys.publicKeyProblem) notes.push(keys.publicKeyProblem);
  return {
    cases,
    alg: input.token.alg,
    foreignUrl: options.foreignUrl,
    now: options.now,
    publicKey: keys.publicKey,
    signingKey: keys.signingKey,
    notes,
  };
}
