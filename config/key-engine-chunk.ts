// The key engine (src/core/key-engine.ts and every module it imports that the first load does not carry) as one
// chunk. The page imports it from the frame that draws the first decoded token; left to the bundler it was nine
// chunks (split along what the lazy JWE, SD-JWT and JWKS panels share with it), and Vite's preload helper
// appended a <link rel="modulepreload"> for each inside that frame, delaying the first paint. The panels now
// import the one chunk, which the page has fetched long before any of them is wanted.
import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';

const ENTRY = fileURLToPath(new URL('../src/main.tsx', import.meta.url));
const KEY_ENGINE = fileURLToPath(new URL('../src/core/key-engine.ts', import.meta.url));

/** Every module `start` reaches through static imports. */
function staticClosure(context: Rolldown.ChunkingContext, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of context.getModuleInfo(id)?.importedIds ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The code-splitting group: modules the key engine reaches that the first load does not already carry. */
export function keyEngineChunk(): Rolldown.CodeSplittingGroup {
  let members: Set<string> | undefined;
  return {
    name(id, context) {
      if (!members) {
        const first = staticClosure(context, ENTRY);
        members = new Set([...staticClosure(context, KEY_ENGINE)].filter((m) => !first.has(m)));
      }
      return members.has(id) ? 'key-engine' : null;
    },
    // The first load's modules stay where they are: only the engine's own are moved.
    includeDependenciesRecursively: false,
  };
}
