// Stands in for monaco-editor's `internal/common/workers` module (vite.config.ts points the JSON language's
// import here). The original also imports every editor contribution as a side effect, which put the diff
// editor, inline completions and the rest into the bundle; this keeps only the function the JSON mode calls.
import { editor } from 'monaco-editor/editor/editor.api';

type WorkerOptions = {
  label?: string;
  moduleId?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: Record<string, (...args: never[]) => unknown>;
  keepIdleModels?: boolean;
};

function getWorker(label: string, createWorker: (() => Worker) | undefined): Worker | Promise<Worker> {
  const environment = self.MonacoEnvironment;
  if (environment?.getWorker) return environment.getWorker('workerMain.js', label);
  if (createWorker) return createWorker();
  throw new Error('MonacoEnvironment.getWorker is not set');
}

export function createWebWorker<T extends object>(opts: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(getWorker(opts.label ?? 'monaco-editor-worker', opts.createWorker)).then((w) => {
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
