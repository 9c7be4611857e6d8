// The Header or Payload block of both views: coloured heading (matching the token box), copy button
// and JSON editor. One place, so the test ids (`copy-header`, `payload-editor`, …; docs/interface.md) and the
// colours cannot drift apart between Decode and Encode.
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import { JsonEditor, type JsonEditorProps } from './JsonEditor';
import { SubHeading } from './Pane';

type Part = 'header' | 'payload';

const PART = {
  header: { title: 'Header', dot: 'bg-part-header' },
  payload: { title: 'Payload', dot: 'bg-part-payload' },
} as const;

export function PartEditor(
  props: {
    part: Part;
    /** What the copy button copies (read at click time). */
    getText: () => string;
    title?: string;
    children?: ReactNode;
  } & Pick<JsonEditorProps, 'value' | 'onChange' | 'problem' | 'stale' | 'height'>,
) {
  const { part, getText, title, children, ...editor } = props;
  const name = PART[part].title;
  return (
    <div>
      <div className="flex items-center justify-between">
        <SubHeading color={PART[part].dot}>{title ?? name}</SubHeading>
        <CopyButton testId={`copy-${part}`} label={`Copy ${part}`} compact getText={getText} />
      </div>
      <JsonEditor testId={`${part}-editor`} label={`${name} JSON`} accent={part} {...editor} />
      {children}
    </div>
  );
}
