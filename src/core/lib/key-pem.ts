// PEM (RFC 7468) splitting with diagnoses for the ways pastes go wrong: cut off, mismatched labels,
// two blocks pasted together, legacy OpenSSL encryption headers, `\n` escapes copied from JSON.
import { KeyError } from '../errors';
import { base64Decode } from './key-encoding';

export type PemBlock = { label: string; der: Uint8Array; encryptedHeaders: boolean };

const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]*?)-----/g;

export function looksLikePem(text: string): boolean {
  return /-----(BEGIN|END) /.test(text);
}

/** Turns `\n` escapes (a PEM copied out of a JSON string or an env file) into line breaks. */
export function unescapePem(text: string): { text: string; unescaped: boolean } {
  if (!/(?:\\r)?\\n/.test(text)) return { text, unescaped: false };
  return { text: text.replace(/(?:\\r)?\\n/g, '\n'), unescaped: true };
}

function decodeBody(label: string, body: string): { der: Uint8Array; encryptedHeaders: boolean } {
  const lines = body.split(/\r?\n/);
  const headers = lines.filter((l) => /^[A-Za-z-]+:/.test(l.trim()));
  const data = lines
    .filter((l) => !/^[A-Za-z-]+:/.test(l.trim()))
    .join('')
    .replace(/\s+/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(data);
  if (bad) {
    throw new KeyError(
      'der',
      `the ${label} block contains '${bad[0]}', which is not base64; copy the key again without extra characters`,
    );
  }
  // Padding only at the end: an '=' inside the data would reach the base64 reader as a plain Error.
  const innerPadding = /=+[^=]/.exec(data);
  if (innerPadding) {
    throw new KeyError(
      'der',
      `the ${label} block has '=' inside its base64 (character ${innerPadding.index + 1}), where only the end may be padded; copy the key again without extra characters`,
    );
  }
  if (data.length === 0)
    throw new KeyError('pem-truncated', `the ${label} block is empty: only the BEGIN and END lines are there`);
  return {
    der: base64Decode(data),
    encryptedHeaders: headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h.trim())),
  };
}

/** Every BEGIN…END block, in order. Throws KeyError `pem-truncated`, `pem-label` or `der`. */
export function splitPem(text: string): PemBlock[] {
  const markers = [...text.matchAll(MARKER)].map((m) => ({
    kind: m[1] as 'BEGIN' | 'END',
    label: m[2] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
  const blocks: PemBlock[] = [];
  for (let i = 0; i < markers.length; i++) {
    const begin = markers[i];
    if (!begin) break;
    if (begin.kind === 'END') {
      throw new KeyError(
        'pem-truncated',
        `found "-----END ${begin.label}-----" without its BEGIN line: the start of the key is missing; copy the whole key`,
      );
    }
    const end = markers[i + 1];
    if (!end) {
      throw new KeyError(
        'pem-truncated',
        `the ${begin.label} block has no "-----END ${begin.label}-----" line: the key was cut off; copy the whole key`,
      );
    }
    if (end.kind === 'BEGIN') {
      throw new KeyError(
        'pem-truncated',
        `the ${begin.label} block ends without its END line before another BEGIN line; copy the whole key`,
      );
    }
    if (end.label !== begin.label) {
      throw new KeyError(
        'pem-label',
        `the block starts with "BEGIN ${begin.label}" but ends with "END ${end.label}"; the labels must match`,
      );
    }
    blocks.push({ label: begin.label, ...decodeBody(begin.label, text.slice(begin.end, end.start)) });
    i++;
  }
  if (blocks.length === 0) {
    throw new KeyError('pem-truncated', 'this looks like PEM but has no complete "-----BEGIN …-----" line');
  }
  return blocks;
}
