// The fetched key set as a table: one row per key, marking the key the token's `kid`
// names and the key that verified the signature.
import type { JwksKeySummary } from '../../core/jwks';

type Props = {
  keys: JwksKeySummary[];
  tokenKid: string | undefined;
  verifiedKid: string | undefined;
  /** Indices (in the fetched set) of keys that cannot be used, with why. */
  skipped: Map<number, string>;
};

const cell = 'border-b border-slate-200 px-1.5 py-1 align-top dark:border-slate-700';

function sizeOf(key: JwksKeySummary): string {
  if (key.curve) return key.curve;
  if (key.bits) return `${key.bits} bits`;
  return '—';
}

export function KeySetTable({ keys, tokenKid, verifiedKid, skipped }: Props) {
  return (
    // Focusable so keyboard users can scroll a wide table (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Keys in the fetched key set">
      <table data-testid="jwks-keys" className="w-full min-w-[40rem] border-collapse text-left text-xs">
        <caption className="sr-only">Keys in the fetched key set</caption>
        <thead>
          <tr>
            {['kid', 'kty', 'alg', 'use', 'curve / size', 'thumbprint (RFC 7638)', 'notes'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-semibold`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const matchesToken = tokenKid !== undefined && key.kid === tokenKid;
            const verified = verifiedKid !== undefined && key.kid === verifiedKid;
            const skipReason = skipped.get(key.index);
            return (
              <tr
                key={key.index}
                data-testid="jwks-key-row"
                data-kid={key.kid ?? ''}
                data-token-kid={matchesToken ? 'true' : undefined}
                data-verified={verified ? 'true' : undefined}
                data-skipped={skipReason !== undefined ? 'true' : undefined}
                className={
                  verified ? 'bg-green-50 dark:bg-green-950' : matchesToken ? 'bg-blue-50 dark:bg-blue-950' : ''
                }
              >
                <td className={`${cell} font-mono break-all`}>{key.kid ?? <em>none</em>}</td>
                <td className={cell}>{key.kty ?? '—'}</td>
                <td className={cell}>{key.alg ?? '—'}</td>
                <td className={cell}>{key.use ?? '—'}</td>
                <td className={cell}>{sizeOf(key)}</td>
                <td className={`${cell} font-mono break-all`}>{key.thumbprint ?? '—'}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  {matchesToken && <span className="mr-1 rounded bg-blue-600 px-1 text-white">token&apos;s kid</span>}
                  {verified && <span className="rounded bg-green-700 px-1 text-white">verified the signature</span>}
                  {skipReason !== undefined && (
                    <span className="rounded bg-amber-200 px-1 text-amber-950" title={skipReason}>
                      skipped
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
