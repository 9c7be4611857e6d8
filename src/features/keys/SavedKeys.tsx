// Opt-in key saving beside the key box: Save stores {label, text, encoding} in this browser, the list
// loads or deletes them. The panel says plainly where the keys are and that they are not encrypted.
import { useId, useState, useSyncExternalStore } from 'react';
import { actions, selectKeyDetection, useAppState } from '../../state';
import { deleteSavedKey, getSavedKeys, saveKey, subscribeSavedKeys } from './keyStorage';

export function SavedKeys() {
  const keyText = useAppState((s) => s.keyText);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  const detection = useAppState((s) => selectKeyDetection(s.keyEngine, s.keyText, s.secretEncoding));
  const saved = useSyncExternalStore(subscribeSavedKeys, getSavedKeys);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<string>();
  const labelId = useId();
  const suggested =
    detection.kind === 'empty' || detection.kind === 'error' || detection.kind === 'reading'
      ? 'My key'
      : detection.label;
  const alreadySaved = saved.some((k) => k.text === keyText && k.encoding === secretEncoding);
  return (
    <section aria-labelledby={`${labelId}-heading`} data-testid="saved-keys" className="space-y-2">
      <h3 id={`${labelId}-heading`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Stored in this browser
      </h3>
      <p className="hint">
        Saved keys stay in this browser&apos;s local storage for this site, unencrypted, until you delete them. Nothing
        is saved unless you press Save.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={labelId} className="sr-only">
          Name for the saved key
        </label>
        <input
          id={labelId}
          data-testid="key-save-label"
          value={label}
          placeholder={suggested}
          onChange={(event) => setLabel(event.target.value)}
          className="field w-auto min-w-0 flex-1"
        />
        <button
          type="button"
          data-testid="key-save"
          className="btn-secondary"
          disabled={keyText.trim() === '' || alreadySaved}
          onClick={() => {
            const outcome = saveKey({ label: label || suggested, text: keyText, encoding: secretEncoding });
            setMessage(outcome.ok ? `Saved "${label || suggested}" in this browser.` : outcome.message);
            if (outcome.ok) setLabel('');
          }}
        >
          {alreadySaved ? 'Saved' : 'Save key in this browser'}
        </button>
      </div>
      <p aria-live="polite" data-testid="key-save-status" className="hint empty:hidden">
        {message}
      </p>
      {saved.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {saved.map((key) => (
            <li
              key={key.id}
              data-testid="saved-key"
              data-label={key.label}
              className="flex items-center gap-2 px-2 py-1"
            >
              <span className="min-w-0 flex-1 truncate text-sm" title={key.label}>
                {key.label}
                <span className="hint"> · saved {new Date(key.savedAt).toLocaleDateString()}</span>
              </span>
              <button
                type="button"
                data-testid="saved-key-load"
                className="btn-secondary"
                onClick={() => {
                  actions.setKeyText(key.text, 'saved');
                  actions.setSecretEncoding(key.encoding);
                  setMessage(`Loaded "${key.label}".`);
                }}
              >
                Load<span className="sr-only"> {key.label}</span>
              </button>
              <button
                type="button"
                data-testid="saved-key-delete"
                className="btn-secondary"
                onClick={() => {
                  const outcome = deleteSavedKey(key.id);
                  setMessage(outcome.ok ? `Deleted "${key.label}" from this browser.` : outcome.message);
                }}
              >
                Delete<span className="sr-only"> {key.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
