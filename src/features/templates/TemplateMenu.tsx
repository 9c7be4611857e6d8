// Encode view: one click fills header and payload with a real-world shape and fresh times. The shapes
// and the time/jti logic are the core's (src/core/templates.ts); this only offers them and applies one.
import { useId, useState } from 'react';
import { fillTemplate, TEMPLATES, uuidV4, type TemplateId } from '../../core/templates';
import { actions } from '../../state';
import { ProfileTemplates } from './ProfileTemplates';
import { requestSnippetAuthStyle } from './snippetAuth';

const AUTH_WORDS = { bearer: 'Authorization: Bearer <token>', raw: 'Authorization: <token>', custom: '' } as const;

export function applyTemplate(id: TemplateId): string {
  const filled = fillTemplate(id, {
    nowSeconds: Date.now() / 1000,
    randomUUID: () => uuidV4(crypto.getRandomValues(new Uint8Array(16))),
  });
  // The signing key stays: a template is a shape, and the user's key (or a generated one) still fits or says why not.
  actions.loadEncodeInputs(filled.headerText, filled.payloadText);
  requestSnippetAuthStyle(filled.authStyle);
  const label = TEMPLATES.find((t) => t.id === id)?.label ?? id;
  return id === 'empty' ? `${label} template loaded.` : `${label} loaded; send it as ${AUTH_WORDS[filled.authStyle]}.`;
}

export function TemplateMenu() {
  const [applied, setApplied] = useState<string>();
  const hintId = useId();
  return (
    <div className="space-y-1">
      <div role="group" aria-label="Templates" className="flex flex-wrap items-center gap-1.5">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-300">Templates</span>
        {TEMPLATES.map((template) => (
          <button
            key={template.id}
            type="button"
            data-testid={`template-${template.id}`}
            title={template.description}
            aria-describedby={hintId}
            className="btn-secondary"
            onClick={() => setApplied(applyTemplate(template.id))}
          >
            {template.label}
          </button>
        ))}
      </div>
      <p id={hintId} data-testid="template-status" aria-live="polite" className="hint">
        {applied ?? 'Fills header and payload with fresh times; your signing key stays.'}
      </p>
      <ProfileTemplates />
    </div>
  );
}
