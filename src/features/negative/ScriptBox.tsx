// The script that sends every ready case with the Send-it request, with Copy and Download, and the pack as JSON.
// The page never sends these requests itself: the user runs the script where the server is reachable.
import { memo, useMemo } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { downloadText } from '../../components/downloadText';
import { buildNegativePackJson, tryBuildNegativeScript, type NegativePack } from '../../core/negative';
import type { SnippetRequest } from '../../core/snippets';

export const SCRIPT_FILE_NAME = 'negative-tests.sh';
export const JSON_FILE_NAME = 'negative-tests.json';

export const ScriptBox = memo(function ScriptBox({
  pack,
  request,
  current,
  headingId,
}: {
  pack: NegativePack;
  request: SnippetRequest;
  /** False while a newer pack is being made: the script shown is out of date and cannot be taken. */
  current: boolean;
  headingId: string;
}) {
  const script = useMemo(() => tryBuildNegativeScript(pack, request), [pack, request]);
  const usable = current && script.ok;
  const sent = pack.cases.filter((c) => c.state === 'ready').reduce((sum, c) => sum + c.tokens.length, 0);
  return (
    <div className="space-y-2">
      <h4 id={headingId} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        The script
      </h4>
      <p className="hint">
        Run it where your server is reachable: <code className="font-mono">bash {SCRIPT_FILE_NAME}</code> (or zsh;{' '}
        <code className="font-mono">MAX_TIME=20</code> for a slow server). It sends the control and {sent - 1} tokens
        and prints a line for each: PASS when the server refused it, FAIL when it accepted it. Exit status 0: all
        refused; 1: some accepted; 2: the control itself was refused, so nothing is proven. It holds your token (and
        tokens signed with your key, if you gave it): keep it as you keep the token.
      </p>
      {script.ok ? null : (
        <p role="alert" data-testid="negative-script-error" className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {script.message} Fix the request in Send it above.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <CopyButton
          testId="copy-negative-script"
          label="Copy script"
          getText={() => (script.ok ? script.script : '')}
          disabled={!usable}
        />
        <button
          type="button"
          data-testid="negative-download-script"
          className="btn-secondary"
          disabled={!usable}
          onClick={() => {
            if (script.ok) downloadText(SCRIPT_FILE_NAME, script.script, 'text/x-shellscript');
          }}
        >
          Download {SCRIPT_FILE_NAME}
        </button>
        <button
          type="button"
          data-testid="negative-download-json"
          className="btn-secondary"
          disabled={!current}
          onClick={() =>
            downloadText(
              JSON_FILE_NAME,
              buildNegativePackJson(pack, script.ok ? request : undefined),
              'application/json',
            )
          }
        >
          Download the cases as JSON
        </button>
      </div>
      <pre
        data-testid="negative-script"
        data-current={current}
        tabIndex={0}
        aria-labelledby={headingId}
        className={`max-h-48 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs leading-5 whitespace-pre text-slate-900 dark:bg-slate-900 dark:text-slate-100 ${current ? '' : 'opacity-60'}`}
      >
        {script.ok ? script.script : 'The script appears once the request in Send it can be made.'}
      </pre>
    </div>
  );
});
