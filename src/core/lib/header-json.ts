// The JOSE header as the user typed it in the Encode view: JSON text that must be one object with no
// member repeated. Shared by signing and encrypting, so both report the same words and positions.
import { SignError } from '../errors';
import { scanJson } from './token-json-scan';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function jsonError(part: 'header' | 'payload', text: string, position: number, problem: string): SignError {
  const { line, column } = lineColumn(text, position);
  return new SignError(
    part === 'header' ? 'header-json' : 'payload-json',
    `The ${part} is not valid JSON: ${problem} at line ${line}, column ${column}.`,
    {
      offset: position,
      line,
      column,
    },
  );
}

export function parseHeader(text: string): Record<string, unknown> {
  const scan = scanJson(text);
  if (!scan.ok) throw jsonError('header', text, scan.position, scan.message);
  const duplicate = scan.duplicates[0];
  if (duplicate) {
    // JSON.parse would keep only the last value; RFC 7515 §5.2 says to reject such headers.
    const { line, column } = lineColumn(text, duplicate.position);
    throw new SignError(
      'header-duplicate',
      `The header has "${duplicate.name}" more than once (line ${line}, column ${column}); keep one of them.`,
      { offset: duplicate.position, line, column },
    );
  }
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SignError('header-json', 'The header must be a JSON object, like {"alg": "HS256", "typ": "JWT"}.', {
      offset: 0,
      line: 1,
      column: 1,
    });
  }
  return value as Record<string, unknown>;
}
