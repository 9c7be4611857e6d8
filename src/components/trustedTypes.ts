// Trusted Types (the policy's `require-trusted-types-for 'script'`): every script URL the page hands to a
// sink (`new Worker`, `navigator.serviceWorker.register`) goes through a named policy that accepts only the
// exact same-origin URLs it exists for, and Monaco's HTML goes through one policy of its own. The policy
// names are listed in the Content-Security-Policy's `trusted-types` directive (config/csp.ts reads them from
// here), so a name not listed, or a second policy under a taken name, is refused by the browser.
//
// Nothing here touches the DOM at import time: the build config imports the names under Node.

export const TRUSTED_TYPES_POLICY_NAMES = {
  /** Monaco's worker (src/components/monacoEnvironment.ts). */
  workers: 'jwt-workbench-workers',
  /** The service worker's registration (src/app/serviceWorker.ts). */
  serviceWorker: 'jwt-workbench-sw',
  /** Monaco's own HTML policies, all funnelled into this one (see monacoTrustedTypesPolicy). */
  monaco: 'monaco',
} as const;
// Not listed: 'dompurify'. The DOMPurify copy inside Monaco creates it on its own (not through Monaco's hook)
// only to return TrustedHTML from a plain-text rendering of markdown, which no editor path here takes (hovers
// and widgets sanitize into DOM fragments). Were it ever asked for, creating it would be refused and reported
// (the e2e guard fails on that), and DOMPurify would return the same text as a string, which reaches no sink.

/** The `trusted-types` directive's value: exactly the names above. */
export const TRUSTED_TYPES_DIRECTIVE_NAMES: readonly string[] = Object.values(TRUSTED_TYPES_POLICY_NAMES);

// The few members of the Trusted Types API used here (lib.dom does not declare it yet).
type TrustedValue = { toString(): string };
type PolicyOptions = {
  createHTML?: (input: string, ...rest: unknown[]) => string;
  createScript?: (input: string, ...rest: unknown[]) => string;
  createScriptURL?: (input: string, ...rest: unknown[]) => string;
};
type Policy = {
  readonly name: string;
  createHTML(input: string, ...rest: unknown[]): TrustedValue;
  createScriptURL(input: string, ...rest: unknown[]): TrustedValue;
};
type PolicyFactory = { createPolicy(name: string, options: PolicyOptions): Policy };

function policyFactory(): PolicyFactory | undefined {
  return (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
}

/**
 * A script-URL policy that accepts exactly `allowed` (resolved against the page) and nothing else: no other
 * path, no other origin, no query added. Returns what the sink takes: a TrustedScriptURL where the browser
 * has Trusted Types, the checked string elsewhere. Call it only from code that runs in a page.
 */
export function scriptUrlPolicy(name: string, allowed: readonly string[]): (url: string) => string {
  let policy: Policy | undefined;
  const check = (input: string): string => {
    const resolved = new URL(input, document.baseURI);
    // blob: URLs carry the page's own origin when the page minted them (the single-file build's inlined
    // workers); they are accepted only as the exact URLs passed in.
    const sameOrigin = resolved.protocol === 'blob:' || resolved.origin === location.origin;
    const known = allowed.some((url) => new URL(url, document.baseURI).href === resolved.href);
    if (!sameOrigin || !known) throw new TypeError(`${name}: refusing script URL ${resolved.href}`);
    return resolved.href;
  };
  return (url) => {
    const factory = policyFactory();
    if (!factory) return check(url);
    policy ??= factory.createPolicy(name, { createScriptURL: check });
    // The sinks accept a TrustedScriptURL where they are typed `string`; lib.dom has no Trusted Types yet.
    return policy.createScriptURL(url) as unknown as string;
  };
}

type MonacoPolicy = { readonly name: string; createHTML(input: string, ...rest: unknown[]): unknown };
let monacoHtml: Policy | undefined;

/**
 * `MonacoEnvironment.createTrustedTypesPolicy`: Monaco asks for one policy per module (editorViewLayer,
 * domLineBreaksComputer, stickyScrollViewLayer…), each a pass-through for markup its own view builds. They
 * all go through one named policy, so the header lists one name whatever Monaco version is bundled. A policy
 * that asks to create scripts or script URLs gets none (Monaco then falls back to plain strings, on paths it
 * never takes here: the page starts the workers itself), so only the allow-lists above mint script URLs.
 */
export function monacoTrustedTypesPolicy(_name: string, options?: PolicyOptions): MonacoPolicy | undefined {
  const createHTML = options?.createHTML;
  if (!createHTML || options.createScript || options.createScriptURL) return undefined;
  const factory = policyFactory();
  if (!factory) return undefined;
  monacoHtml ??= factory.createPolicy(TRUSTED_TYPES_POLICY_NAMES.monaco, { createHTML: (html) => html });
  const shared = monacoHtml;
  return { name: shared.name, createHTML: (input, ...rest) => shared.createHTML(createHTML(input, ...rest)) };
}
