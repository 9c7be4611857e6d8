// The Decoded pane for an encrypted token (compact JWE, or its JSON serializations): its parts named, the
// protected header shown and explained, and — once the key box decrypts it — the plaintext.
import { ErrorBox } from '../../components/ErrorBox';
import { PartEditor } from '../../components/PartEditor';
import { prettyJson } from '../../components/prettyJson';
import { WarningList } from '../../components/WarningList';
import { partName } from '../../core/token';
import { JweHeaderTable } from './JweHeaderTable';
import { JweParts } from './JweParts';
import { JwePlaintext } from './JwePlaintext';
import { useDecryption, useJweView, type JweProblem } from './useJwe';

/** The JWE cannot be read: what and where (the JWE's own `token-error`; the page's is for signed tokens). */
export function JweTokenError({ problem }: { problem: JweProblem }) {
  return (
    <ErrorBox testId="token-error" code={problem.code} title="This encrypted token cannot be read">
      <p className="mt-1">{problem.message}</p>
      {problem.part || problem.offset !== undefined ? (
        <p className="mt-1">
          Where: {problem.part ? `the ${partName(problem.part)}` : 'the token'}
          {problem.offset !== undefined ? `, character ${problem.offset + 1}` : ''}.
        </p>
      ) : null}
    </ErrorBox>
  );
}

export function JweDecoded() {
  const { view } = useJweView();
  const decryption = useDecryption();
  if (view.form === 'broken') return <JweTokenError problem={view.problem} />;
  const json = view.form === 'json' ? view.decoded : undefined;
  const protectedHeader = view.form === 'compact' ? view.decoded.header : json?.protectedHeader;
  const headerText = protectedHeader ? prettyJson(protectedHeader) : '{}';
  const warnings = view.form === 'compact' ? view.decoded.warnings.map((w) => w.message) : (json?.warnings ?? []);
  return (
    <div className="space-y-5">
      <JweParts {...(view.form === 'compact' ? { compact: view.decoded } : { json: view.decoded })} />
      <PartEditor part="header" title="Protected header" getText={() => headerText} value={headerText} height="9rem">
        <WarningList testId="jwe-warnings" warnings={warnings} />
      </PartEditor>
      {json?.unprotected ? (
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">
            Shared unprotected header (not integrity protected)
          </h3>
          <pre
            data-testid="jwe-unprotected"
            tabIndex={0}
            className="overflow-auto rounded-md bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          >
            {prettyJson(json.unprotected)}
          </pre>
        </div>
      ) : null}
      <JweHeaderTable
        rows={view.form === 'compact' ? view.decoded.explanation : (json?.explanation ?? [])}
        title={view.form === 'compact' ? 'The header, explained' : 'The header of recipient 1, explained'}
      />
      <JwePlaintext result={decryption.result} current={decryption.current} />
    </div>
  );
}
