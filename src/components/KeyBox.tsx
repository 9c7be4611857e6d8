// The pieces of a key box that several features repeat: the labelled key <textarea>, the line under it that says
// what the core detected (`data-kind`), and how a shared secret's text is read. Each feature keeps its own store
// fields, test ids and words; these only draw them the same way.
import type { ReactNode } from 'react';
import { SECRET_ENCODINGS, type SecretEncoding } from '../core/types';
import type { KeyReading } from '../state';
import { Icon } from './Icon';

export const SECRET_ENCODING_LABELS: Record<SecretEncoding, string> = {
  utf8: 'UTF-8 text',
  base64url: 'base64url',
  base64: 'base64 (standard)',
  hex: 'hex',
};

/** A label and the key's <textarea> (`${id}-key`), described by the ids in `describedBy`. */
export function KeyTextArea(props: {
  id: string;
  label: ReactNode;
  testId: string;
  value: string;
  rows: number;
  placeholder: string;
  describedBy: string;
  onChange: (text: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${props.id}-key`} className="field-label">
        {props.label}
      </label>
      <textarea
        id={`${props.id}-key`}
        data-testid={props.testId}
        value={props.value}
        rows={props.rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
        className="field-mono resize-y"
      />
    </>
  );
}

/**
 * What the core made of the key text (`${id}-kind`): the empty text (or what whitespace alone holds), the error in
 * red with its code in `data-code`, or the key's label.
 */
export function KeyKindLine({
  id,
  testId,
  detection,
  emptyText,
}: {
  id: string;
  testId: string;
  detection: KeyReading;
  emptyText: string;
}) {
  return (
    <p
      id={`${id}-kind`}
      data-testid={testId}
      data-kind={detection.kind}
      data-code={detection.kind === 'error' ? detection.code : undefined}
      className={
        detection.kind === 'error'
          ? 'text-sm text-red-800 dark:text-red-300'
          : 'text-sm text-slate-700 dark:text-slate-300'
      }
    >
      {detection.kind === 'empty' ? (
        detection.blank !== undefined ? (
          `Only whitespace (${detection.blank}): that is not a key. Paste the secret or key itself.`
        ) : (
          emptyText
        )
      ) : detection.kind === 'reading' ? (
        'Reading the key…'
      ) : detection.kind === 'error' ? (
        <>
          <span aria-hidden="true">✕ </span>
          {detection.label}: {detection.message}
        </>
      ) : (
        <>
          <Icon name="key" className="mr-1 -mt-0.5 h-4 w-4" />
          {detection.label}
        </>
      )}
    </p>
  );
}

/** How a shared secret's text is read (`${id}-encoding`), with its size when the text is valid that way. */
export function SecretEncodingChoice(props: {
  id: string;
  label: string;
  testId: string;
  value: SecretEncoding;
  onChange: (encoding: SecretEncoding) => void;
  byteLength?: number | undefined;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${props.id}-encoding`} className="text-sm text-slate-700 dark:text-slate-200">
        {props.label}
      </label>
      <select
        id={`${props.id}-encoding`}
        data-testid={props.testId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as SecretEncoding)}
        className="field w-auto"
      >
        {SECRET_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>
            {SECRET_ENCODING_LABELS[encoding]}
          </option>
        ))}
      </select>
      {props.byteLength !== undefined ? (
        <span className="hint">
          {props.byteLength} bytes ({props.byteLength * 8} bits)
        </span>
      ) : null}
    </div>
  );
}
