// Pre-compressed copies for nginx's gzip_static (deploy/nginx.conf): every text file of the build gets a
// `.gz` beside it, made once with Zopfli instead of on every request at nginx's default level 1. nginx serves
// the `.gz` to clients that accept gzip and falls back to compressing on the fly (`gzip on`) for the rest.
// Runs after vite-plugin-pwa has written sw.js, so the service worker is compressed too.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import type { Plugin, ResolvedConfig } from 'vite';

export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|ttf)$/;
/** Below this, the gzip header and a round trip cost more than they save. */
const MIN_BYTES = 512;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Zopfli writes plain gzip (any client inflates it) 3–4 % smaller than zlib's level 9: 19 KB on Monaco's chunk.
 * One iteration takes nearly all of that (15 iterations: 0.8 KB more, 2.6 times the time).
 */
const ZOPFLI = { numiterations: 1 };

/** Writes `<file>.gz` for each compressible file under `dir` that gzip makes smaller; returns the files written. */
export async function precompress(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const gzipped = await gzipAsync(body, ZOPFLI);
    if (gzipped.length >= body.length) continue;
    writeFileSync(`${file}.gz`, gzipped);
    written.push(`${file}.gz`);
  }
  return written;
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'jwt-workbench-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompress(resolve(config.root, config.build.outDir));
      },
    },
  };
}
