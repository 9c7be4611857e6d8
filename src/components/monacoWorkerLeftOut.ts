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
