// The bash (and zsh) script that sends the control and every ready case with curl. The request comes from the
// snippet box and goes through the snippet module's checks and quoting: every value from the user or the token is a
// shellQuote'd word. It reaches curl through expansions in double quotes ("$auth_prefix$1"), whose values the
// shell never evaluates again; the other expansions are the script's own counters.
import {
  checkSnippetRequest,
  curlCommandLines,
  joinShellLines,
  shellQuote,
  SnippetError,
  type SnippetErrorCode,
  type SnippetRequest,
} from '../snippets';
import type { NegativeCase, NegativePack } from './types';

export const DEFAULT_MAX_TIME_SECONDS = 10;

export type NegativeScriptOptions = {
  /** curl's --max-time for each request, in seconds (the MAX_TIME environment variable overrides it). */
  maxTimeSeconds?: number;
};

export type NegativeScriptResult =
  { ok: true; script: string } | { ok: false; code: SnippetErrorCode; message: string };

// Comments hold user text (URL, claim values); a line break would end the comment and start a command.
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `# ${text.replace(/[\u0000-\u001f\u007f]/g, ' ')}`;
}

function caseComments(c: NegativeCase): string[] {
  return [comment(`${c.id}: ${c.title} (${c.reference})`), ...c.notes.map((n) => comment(`  ${n}`))];
}

// Shell functions of the script. No `!` anywhere (interactive bash would expand history in a pasted copy), no
// variable named `status` or `path` (special in zsh), no arrays (zsh counts from 1).
const FUNCTIONS = `why_no_answer() {
  case $1 in
    6) printf 'curl exit 6: the host name did not resolve' ;;
    7) printf 'curl exit 7: could not connect' ;;
    28) printf 'curl exit 28: no answer within %s s' "$max_time" ;;
    35|51|58|59|60|77|83|90|91) printf 'curl exit %s: TLS failed' "$1" ;;
    *) printf 'curl exit %s' "$1" ;;
  esac
}

# One request: prints the HTTP status (000 when there was no HTTP response); curl's exit status goes to curl_exit.
request() {
  code=$(send "$1")
  curl_exit=$?
  case $code in
    [0-9][0-9][0-9]) ;;
    *) code=000 ;;
  esac
}

# A case the server must refuse: any status but 2xx is PASS. No HTTP response (000) is FAIL: no answer is not a
# refusal, and a server that crashes or hangs on a token has a bug as well.
refuse() {
  request "$2"
  sent=$((sent + 1))
  case $code in
    2[0-9][0-9]) verdict=FAIL ;;
    000) verdict=FAIL; no_answer=$((no_answer + 1)); last_curl_exit=$curl_exit ;;
    *) verdict=PASS ;;
  esac
  if [ "$verdict" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures="$failures $1"; fi
  printf '%s %s %s\\n' "$1" "$code" "$verdict"
}

# An advisory case: reported, not counted in the exit status.
advise() {
  request "$2"
  advisories=$((advisories + 1))
  case $code in
    2[0-9][0-9]) accepted_advisories="$accepted_advisories $1" ;;
  esac
  printf '%s %s ADVISORY\\n' "$1" "$code"
}`;

function header(pack: NegativePack, method: string, url: string, maxTime: number): string[] {
  const skipped = pack.cases.filter((c) => c.state !== 'ready');
  return [
    '#!/usr/bin/env bash',
    comment(`Negative tests for ${method} ${url}`),
    comment(
      `made by JWT Workbench from the loaded token (alg ${pack.alg ?? 'missing'}), ${new Date(pack.now).toISOString()}.`,
    ),
    '#',
    '# Sends the control token (the server should accept it), then every case (the server should refuse each),',
    '# and prints one line per token: <case-id>[:<variant>] <http-status> PASS|FAIL|ADVISORY, then a summary.',
    '# Exit status: 0 when the control got a 2xx and every case got anything else; 2 when the control was refused',
    '# (nothing else is sent then: the run would prove nothing); 1 otherwise.',
    '# Status 000 means curl got no HTTP response (no connection, DNS or TLS failure, or no answer within the',
    `# time limit, ${maxTime} s; set MAX_TIME to change it). A case that gets 000 counts as FAIL: no answer is not`,
    '# a refusal. Advisory cases print ADVISORY whatever the status and do not count.',
    '# Save it as a file and run it with bash or zsh: bash negative-tests.sh',
    ...(skipped.length > 0
      ? ['#', '# Not sent:', ...skipped.map((c) => comment(`  ${c.id} (${c.state}): ${c.reason ?? ''}`))]
      : []),
  ];
}

/**
 * The script for `pack`, sending each token with the request of the snippet box. Throws SnippetError when the
 * request cannot be made (`url`, `method`, `scheme`, `body`).
 */
export function buildNegativeScript(
  pack: NegativePack,
  request: SnippetRequest,
  options: NegativeScriptOptions = {},
): string {
  const r = checkSnippetRequest(request);
  const asked = options.maxTimeSeconds;
  const maxTime = asked !== undefined && Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_MAX_TIME_SECONDS;
  const controlCase = pack.cases.find((c) => c.id === 'control');
  const control = controlCase?.tokens[0];
  if (!controlCase || !control) throw new SnippetError('token', 'The pack has no control token.');

  const curl = curlCommandLines(r, '"Authorization: $auth_prefix$1"', [
    '--silent',
    '--output /dev/null',
    `--write-out ${shellQuote('%{http_code}')}`,
    '--max-time "$max_time"',
  ]);
  const sends = pack.cases
    .filter((c) => c.id !== 'control' && c.state === 'ready')
    .flatMap((c) => [
      '',
      ...caseComments(c),
      ...c.tokens.map((t) => `${c.advisory ? 'advise' : 'refuse'} ${shellQuote(t.name)} ${shellQuote(t.token)}`),
    ]);
  const fetchCases = pack.cases.filter((c) => c.state === 'ready' && c.hosted !== undefined).map((c) => c.id);

  const lines = [
    ...header(pack, r.method, r.url, maxTime),
    '',
    // A subshell: `exit` leaves it, not the user's shell, should the script be pasted rather than run.
    '(',
    `max_time=\${MAX_TIME:-${maxTime}}`,
    `auth_prefix=${shellQuote(r.authPrefix)}`,
    'sent=0 passed=0 failed=0 no_answer=0 advisories=0',
    "failures='' accepted_advisories='' last_curl_exit=0",
    '',
    'send() {',
    `  ${joinShellLines(curl, '    ')}`,
    '}',
    '',
    FUNCTIONS,
    '',
    'command -v curl >/dev/null 2>&1 || { echo "curl is needed to run these tests" >&2; exit 1; }',
    '',
    ...caseComments(controlCase),
    `request ${shellQuote(control.token)}`,
    'case $code in',
    '  2[0-9][0-9]) printf \'control %s PASS\\n\' "$code" ;;',
    '  *)',
    '    printf \'control %s FAIL\\n\' "$code"',
    '    if [ "$code" = 000 ]; then',
    '      printf \'summary: the control token got no HTTP response (%s), so this run proves nothing and no case was sent. Check the URL and that the server is running.\\n\' "$(why_no_answer "$curl_exit")"',
    '    else',
    '      printf \'summary: the control token was refused (HTTP %s): the server did not accept the unmodified token, so this run proves nothing and no case was sent. Check the URL, method, Authorization scheme and body, and that the token is still valid.\\n\' "$code"',
    '    fi',
    '    exit 2',
    '    ;;',
    'esac',
    ...sends,
    '',
    'no_answer_text=',
    'if [ "$no_answer" -gt 0 ]; then',
    '  no_answer_text="; $no_answer without an HTTP response (000, counted as FAIL; $(why_no_answer "$last_curl_exit"))"',
    'fi',
    'advisory_text=',
    'if [ "$advisories" -gt 0 ]; then',
    '  advisory_text="; $advisories advisory, not counted (accepted:${accepted_advisories:- none})"',
    'fi',
    'if [ "$failed" -eq 0 ]; then',
    '  printf \'summary: control accepted; %s cases refused as they should be (PASS), 0 FAIL%s\\n\' "$passed" "$advisory_text"',
    'else',
    '  printf \'summary: control accepted; %s PASS, %s FAIL:%s%s%s\\n\' "$passed" "$failed" "$failures" "$no_answer_text" "$advisory_text"',
    'fi',
    ...(fetchCases.length > 0
      ? [
          `printf '%s\\n' ${shellQuote(`note: ${fetchCases.join(', ')}: a PASS does not show whether the server fetched ${pack.foreignUrl}; only its own logs can.`)} >&2`,
        ]
      : []),
    '[ "$failed" -eq 0 ] || exit 1',
    ')',
    '',
  ];
  return lines.join('\n');
}

/** buildNegativeScript for a live view: the script, or why the request cannot be made. Never throws. */
export function tryBuildNegativeScript(
  pack: NegativePack,
  request: SnippetRequest,
  options: NegativeScriptOptions = {},
): NegativeScriptResult {
  try {
    return { ok: true, script: buildNegativeScript(pack, request, options) };
  } catch (error) {
    if (error instanceof SnippetError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
