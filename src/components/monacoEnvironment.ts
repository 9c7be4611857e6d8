// Monaco's environment: how it starts its workers and creates its Trusted Types policies. Imported before
// any monaco-editor module, because Monaco creates most of its policies while its modules load.
//
// The worker is imported as a URL (`?worker&url`), not as Vite's worker constructor: `new Worker(url)` is a
// Trusted Types sink, and Vite's constructor passes a plain string. The page starts it itself with a URL
// from a policy that accepts exactly this file. The single-file build turns the import into the blob: URL
// of an inlined worker (config/single-file.ts).
import jsonWorkerUrl from 'monaco-editor/language/json/json.worker?worker&url';
import { monacoTrustedTypesPolicy, scriptUrlPolicy, TRUSTED_TYPES_POLICY_NAMES } from './trustedTypes';

const workerUrl = scriptUrlPolicy(TRUSTED_TYPES_POLICY_NAMES.workers, [jsonWorkerUrl]);

// Monaco's JSON worker is its editor worker with the JSON language service added, so one script serves
// both (the editor worker alone is another 93 KB gzip): the editor's own requests (Format's minimal edits,
// word suggestions) go to a second instance, primed the way the JSON mode primes its own worker (a first
// message that is ignored, then the language's settings).
const EDITOR_WORKER_PRIMER = ['ignore', { languageId: 'json', languageSettings: {}, enableSchemaRequest: false }];

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    // Built workers are classic scripts (Vite's default worker format); the dev server serves them as modules.
    const worker = new Worker(workerUrl(jsonWorkerUrl), {
      name: label,
      type: import.meta.env.DEV ? 'module' : 'classic',
    });
    if (label !== 'json') for (const message of EDITOR_WORKER_PRIMER) worker.postMessage(message);
    return worker;
  },
  createTrustedTypesPolicy: monacoTrustedTypesPolicy,
};
