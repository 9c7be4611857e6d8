// `virtual:monaco-chunk-url`: the URL of Monaco's chunk as the build named it, so the page can ask the browser
// to fetch and compile it ahead of use (`<link rel="modulepreload">`) without running it. Emitting the chunk
// from here (`this.emitFile`) would make it an entry and re-cut Monaco's chunks, so the module exports a
// placeholder that `renderChunk` replaces with the chunk's name as the bundler already chose it.
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:monaco-chunk-url';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const PLACEHOLDER = '__JWT_WORKBENCH_MONACO_CHUNK_URL__';
/** The module whose chunk is Monaco's (config/monaco-private-names.ts finds the chunk by it too). */
export const MONACO_MODULE = /\/src\/components\/MonacoJsonEditor\.tsx$/;

/**
 * The module exports null where there is nothing to preload: the single-file build inlines every chunk, and the dev
 * server has no chunks.
 */
export function monacoChunkUrl({ single }: { single: boolean }): Plugin {
  let serving = false;
  return {
    name: 'jwt-workbench-monaco-chunk-url',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      if (single || serving) return 'export default null;';
      return `export default ${JSON.stringify(PLACEHOLDER)};`;
    },
    renderChunk(code, _chunk, _options, meta) {
      if (!code.includes(PLACEHOLDER)) return null;
      const monaco = Object.values(meta.chunks).filter((c) => c.facadeModuleId && MONACO_MODULE.test(c.facadeModuleId));
      const [chunk] = monaco;
      if (!chunk || monaco.length > 1)
        return this.error(`expected one chunk for MonacoJsonEditor.tsx, found ${monaco.length}`);
      // Every chunk is in the same folder; the name still holds the bundler's hash placeholder, resolved after this.
      const name = chunk.fileName.slice(chunk.fileName.lastIndexOf('/') + 1);
      return code.replaceAll(
        JSON.stringify(PLACEHOLDER),
        `new URL(${JSON.stringify(`./${name}`)}, import.meta.url).href`,
      );
    },
  };
}
