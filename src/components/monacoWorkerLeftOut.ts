// Stands in for Monaco modules that only features this build leaves out would call (config/monaco.ts says
// which importer gets it, and why). Kept apart from monacoLeftOut.ts so the worker does not load the page's
// service stand-ins.

function notInThisBuild(what: string): never {
  throw new Error(`${what} is not part of this build of Monaco`);
}

/** In the page: the copy of the worker Monaco would run there if the worker could not start. */
export class EditorWorker {
  constructor() {
    notInThisBuild('Running the editor worker in the page');
  }
}

/** In the worker: the Unicode highlighter's computation. */
export const UnicodeTextModelHighlighter = {
  computeUnicodeHighlights(): never {
    return notInThisBuild('The Unicode highlighter');
  },
};

/**
 * In the worker: the `monaco` global Monaco puts there for foreign worker modules (a custom worker's own code);
 * the JSON worker never reads it.
 */
export function createMonacoBaseAPI(): Record<string, never> {
  return {};
}

/** In the worker: colour swatches for CSS-like colours in any language, asked for only by the colour detector. */
export function computeDefaultDocumentColors(): never {
  return notInThisBuild('The default colour detector');
}

/** In the worker: the diff algorithms, asked for only by the diff editor and inline edits. */
export const linesDiffComputers = {
  getLegacy: (): never => notInThisBuild('The diff algorithms'),
  getDefault: (): never => notInThisBuild('The diff algorithms'),
};

/** In the worker: link detection, asked for only by the link detector (`links: false`, and not registered). */
export function computeLinks(): never {
  return notInThisBuild('The link detector');
}

/** In the worker: the minimap's section headers (the minimap is off). */
export function findSectionHeaders(): never {
  return notInThisBuild("The minimap's section headers");
}

/** In the worker: in-place replace (next/previous value), whose contribution is not registered. */
export const BasicInplaceReplace = {
  INSTANCE: {
    navigateValueSet(): never {
      return notInThisBuild('In-place replace');
    },
  },
};

/**
 * In the worker: the path library (POSIX and Windows rules, 3.3 KB gzip) behind `URI.joinPath`, its only reader
 * there; the worker's callers (the JSON language service, the model sync) parse and print URIs, never join them.
 */
const joinNotInThisBuild = { join: (): never => notInThisBuild('URI.joinPath in the worker') };
export const posix = joinNotInThisBuild;
export const win32 = joinNotInThisBuild;
