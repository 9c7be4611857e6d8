// Monaco's environment: how it starts its workers and creates its Trusted Types policies. Imported before
// any monaco-editor module, because Monaco creates most of its policies while its modules load.
//
// The workers are imported as URLs (`?worker&url`), not as Vite's worker constructors: `new Worker(url)` is a
// Trusted Types sink, and Vite's constructor passes a plain string. The page starts them itself with a URL
// from a policy that accepts exactly these two files. The single-file build turns both imports into blob:
// URLs of inlined workers (config/single-file.ts).
import editorWorkerUrl from 'monaco-editor/editor/editor.worker?worker&url';
import jsonWorkerUrl from 'monaco-editor/language/json/json.worker?worker&url';
import { monacoTrustedTypesPolicy, scriptUrlPolicy, TRUSTED_TYPES_POLICY_NAMES } from './trustedTypes';

const workerUrl = scriptUrlPolicy(TRUSTED_TYPES_POLICY_NAMES.workers, [editorWorkerUrl, jsonWorkerUrl]);

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    // Built workers are classic scripts (Vite's default worker format); the dev server serves them as modules.
    return new Worker(workerUrl(label === 'json' ? jsonWorkerUrl : editorWorkerUrl), {
      name: label,
      type: import.meta.env.DEV ? 'module' : 'classic',
    });
  },
  createTrustedTypesPolicy: monacoTrustedTypesPolicy,
};
