// The Key Binding JWT at the end of a presentation (RFC 9901 §4.3): its header and payload as sent. Read-only text,
// not the JSON editors: those hold the issuer's JWT.
import { SubHeading } from '../../components/Pane';
import { prettyJson } from '../../components/prettyJson';
import type { SdJwtInspection } from '../../core/sdjwt/types';

export function KeyBindingJwt({ inspection }: { inspection: SdJwtInspection }) {
  if (inspection.kbJwt === undefined) return null;
  const kb = inspection.kb;
  return (
    <section data-testid="sd-kb-jwt" aria-label="Key Binding JWT" className="space-y-1.5">
      <SubHeading color="bg-part-binding">Key Binding JWT</SubHeading>
      {kb ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {(['header', 'payload'] as const).map((part) => (
            <div key={part}>
              <p className="text-xs font-medium text-slate-700 dark:text-slate-300">
                {part === 'header' ? 'Header' : 'Payload'}
              </p>
              <pre
                tabIndex={0}
                aria-label={`Key Binding JWT ${part}`}
                className="max-h-48 overflow-auto rounded-md border border-amber-300 bg-white p-2 font-mono text-xs text-slate-900 dark:border-amber-800 dark:bg-slate-900 dark:text-slate-100"
              >
                {prettyJson(kb[part])}
              </pre>
            </div>
          ))}
        </div>
      ) : (
        <p className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {inspection.kbError ?? 'The Key Binding JWT does not decode.'}
        </p>
      )}
    </section>
  );
}
