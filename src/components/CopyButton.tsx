// Copy with a visible, announced confirmation. navigator.clipboard needs a secure context and focus;
// copy-to-clipboard's execCommand path covers file:// (the single-file build) and older browsers.
import copy from 'copy-to-clipboard';
import { useEffect, useState } from 'react';
import { Icon } from './Icon';

export type CopyButtonProps = {
  testId: string;
  /** What is copied, for the accessible name: "Copy token". */
  label: string;
  getText: () => string;
  disabled?: boolean;
  compact?: boolean;
};

async function writeText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* permission denied or document not focused: fall through to the execCommand path */
  }
  return copy(text, { format: 'text/plain' });
}

export function CopyButton({ testId, label, getText, disabled, compact }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : compact ? 'Copy' : label;
  return (
    <button
      type="button"
      data-testid={testId}
      data-state={state}
      disabled={disabled}
      aria-label={state === 'idle' ? label : `${label}: ${text}`}
      onClick={() => {
        void writeText(getText()).then((ok) => setState(ok ? 'copied' : 'failed'));
      }}
      className="btn-secondary"
    >
      <Icon name={state === 'copied' ? 'check' : state === 'failed' ? 'cross' : 'copy'} />
      <span aria-live="polite">{text}</span>
    </button>
  );
}
