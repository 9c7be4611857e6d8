// Stands in for Monaco's diff editor widgets (vite.config.ts points the standalone API's imports here): the
// API can create diff editors, a JSON editor never does, and the widgets are a tenth of Monaco's script.
function notInThisBuild(): never {
  throw new Error('The diff editor is not part of this build of Monaco');
}

export class DiffEditorWidget {
  constructor() {
    notInThisBuild();
  }
}

export class MultiDiffEditorWidget {
  constructor() {
    notInThisBuild();
  }
}
