// The five parts of a compact JWE (RFC 7516 §7.1), named and sized, in the colours the token box paints them;
// and for the JSON serializations (RFC 7516 §7.2) the members in the same words, one entry per recipient.
import type { DecodedJwe } from '../../core/jwe/decode';
import type { DecodedJweJson } from '../../core/jwe/decode-json';
import { SubHeading } from '../../components/Pane';
import { base64urlBytes, plural } from './words';

type PartRow = { part: string; name: string; dot: string; size: string; note?: string };

function bytes(n: number): string {
  return plural(n, 'byte');
}

function compactRows(decoded: DecodedJwe): PartRow[] {
  const { sizes } = decoded;
  const dir = decoded.alg === 'dir' || decoded.alg === 'ECDH-ES';
  return [
    {
      part: 'header',
      name: 'Protected header',
      dot: 'bg-part-header',
      size: plural(decoded.segments.header.length, 'character'),
      note: 'JSON, base64url: how the token was encrypted (shown below).',
    },
    {
      part: 'encrypted_key',
      name: 'Encrypted key',
      dot: 'bg-part-key',
      size: bytes(sizes.encrypted_key),
      note:
        sizes.encrypted_key === 0
          ? dir
            ? `Empty: with ${decoded.alg} no key is wrapped; the content key comes straight from the key agreement or the shared key.`
            : 'Empty.'
          : 'The content encryption key, wrapped for the recipient.',
    },
    {
      part: 'iv',
      name: 'Initialisation vector',
      dot: 'bg-part-iv',
      size: bytes(sizes.iv),
      note: 'Random per token; not secret.',
    },
    {
      part: 'ciphertext',
      name: 'Ciphertext',
      dot: 'bg-part-payload',
      size: bytes(sizes.ciphertext),
      note: 'The encrypted payload.',
    },
    {
      part: 'tag',
      name: 'Authentication tag',
      dot: 'bg-part-signature',
      size: bytes(sizes.tag),
      note: 'Proves that the ciphertext and the protected header were not changed.',
    },
  ];
}

function jsonRows(decoded: DecodedJweJson): PartRow[] {
  const rows: PartRow[] = [
    {
      part: 'protected',
      name: 'protected',
      dot: 'bg-part-header',
      size: decoded.protected ? plural(decoded.protected.length, 'character') : 'absent',
      note: 'The integrity-protected header, base64url.',
    },
  ];
  if (decoded.unprotected) {
    rows.push({
      part: 'unprotected',
      name: 'unprotected',
      dot: 'bg-part-header',
      size: plural(Object.keys(decoded.unprotected).length, 'member'),
      note: 'Shared header members that are not integrity protected.',
    });
  }
  decoded.recipients.forEach((recipient) => {
    rows.push({
      part: `recipient-${recipient.index}`,
      name: decoded.serialization === 'general' ? `Recipient ${recipient.index + 1}` : 'encrypted_key',
      dot: 'bg-part-key',
      size: recipient.encryptedKey ? bytes(base64urlBytes(recipient.encryptedKey)) : 'no encrypted key',
      note: [recipient.alg, recipient.kid !== undefined ? `kid "${recipient.kid}"` : undefined]
        .filter(Boolean)
        .join(', '),
    });
  });
  rows.push(
    { part: 'iv', name: 'iv', dot: 'bg-part-iv', size: decoded.iv ? bytes(base64urlBytes(decoded.iv)) : 'absent' },
    { part: 'ciphertext', name: 'ciphertext', dot: 'bg-part-payload', size: bytes(base64urlBytes(decoded.ciphertext)) },
    {
      part: 'tag',
      name: 'tag',
      dot: 'bg-part-signature',
      size: decoded.tag ? bytes(base64urlBytes(decoded.tag)) : 'absent',
    },
  );
  if (decoded.aad) {
    rows.push({
      part: 'aad',
      name: 'aad',
      dot: 'bg-slate-500',
      size: bytes(base64urlBytes(decoded.aad)),
      note: 'Additional authenticated data: not encrypted, but covered by the tag.',
    });
  }
  return rows;
}

export function JweParts({ compact, json }: { compact?: DecodedJwe; json?: DecodedJweJson }) {
  const rows = compact ? compactRows(compact) : json ? jsonRows(json) : [];
  const title = compact
    ? 'Encrypted token (JWE), five parts'
    : `Encrypted token (JWE), JSON serialization, ${json?.serialization ?? ''}`;
  return (
    <section aria-labelledby="jwe-parts-title">
      <SubHeading>
        <span id="jwe-parts-title">{title}</span>
      </SubHeading>
      <ol data-testid="jwe-parts" className="space-y-1 text-sm">
        {rows.map((row) => (
          <li key={row.part} data-testid="jwe-part" data-part={row.part} className="flex gap-2">
            <span aria-hidden="true" className={`mt-1.5 inline-block h-2.5 w-2.5 shrink-0 rounded-full ${row.dot}`} />
            <span>
              <span className="font-medium text-slate-900 dark:text-slate-100">{row.name}</span>{' '}
              <span className="text-slate-700 dark:text-slate-300">({row.size})</span>
              {row.note ? <span className="block text-xs text-slate-600 dark:text-slate-400">{row.note}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
