// `BASE_PATH=/tools/jwt/ npm run build`: a build served from a sub-path. Vite prefixes every URL it writes
// (scripts, styles, workers, the manifest link, the icons) and `import.meta.env.BASE_URL` carries it to the
// page (the service worker's URL and scope); the manifest's start_url and scope are relative ('.').
export const BASE_PATH_ENV = 'BASE_PATH';

/** `/`, or an absolute path with a slash at each end; anything else is refused rather than half-working. */
export function basePathFrom(value: string | undefined): string {
  if (!value) return '/';
  const withSlashes = `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(withSlashes) || /(^|\/)\.\.?\//.test(withSlashes)) {
    throw new Error(`${BASE_PATH_ENV}: "${value}" is not a plain path like /tools/jwt/`);
  }
  return withSlashes;
}
