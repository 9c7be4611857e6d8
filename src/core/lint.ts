// RFC 8725 (JWT Best Current Practices) findings, plus the attacks tools like jwt_tool try. Findings never
// block anything: the workbench shows them beside the verdict.
import type { KeyDetection, LintFinding, Severity } from './types';
import type { DecodedToken } from './token';
import { isDpopProofHeader } from './dpop-header';
import { lintHeader } from './lib/lint-header';
import { lintKey } from './lib/lint-key';
import { lintPayload } from './lib/lint-payload';

export { WEAK_SECRETS, isWeakSecret } from './lib/lint-weak-secrets';
export { isDpopProofHeader } from './dpop-header';

export type LintContext = {
  key?: KeyDetection;
  keyText?: string;
  nowMs?: number;
  /** Root certificates were pasted to judge the token's x5c chain against (changes the x5c note's words). */
  trustAnchorsGiven?: boolean;
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function lintToken(decoded: DecodedToken, context: LintContext = {}): LintFinding[] {
  const findings: LintFinding[] = [...lintHeader(decoded.header, context.trustAnchorsGiven)];
  for (const warning of decoded.warnings) {
    if (warning.code !== 'duplicate-member') continue;
    findings.push({
      id: 'duplicate-member',
      severity: 'warning',
      message: warning.message,
      reference: 'RFC 7515 §5.2; RFC 7519 §4',
    });
  }
  const payload = decoded.payload;
  if (decoded.payloadIsJson && typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    findings.push(
      ...lintPayload(
        payload as Record<string, unknown>,
        context.nowMs ?? Date.now(),
        isDpopProofHeader(decoded.header),
      ),
    );
  }
  if (!decoded.unsecured) findings.push(...lintKey(decoded.alg, context));
  // Stable sort: errors first, then warnings, then notes, each in the order the checks ran.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
