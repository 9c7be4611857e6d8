// Everything that changes the state goes through here, so features never reach into each other.
import { rebuildToken } from '../core/payload-bytes';
import { MAX_TOKEN_LENGTH, normalizeToken } from '../core/token';
import type { ProfileChoice } from '../core/profiles';
import { JWS_ALGORITHMS, type AlgorithmChoice, type SecretEncoding } from '../core/types';
import type {
  AppState,
  ClockSettings,
  DiscoveryInfo,
  EncryptionSettings,
  Expectations,
  SdJwtSettings,
  KeySource,
  LinkToken,
  Mode,
  NoticeKind,
  SnippetRequestSettings,
  ThemeChoice,
} from './appState';
import { prettyHeader, prettyPayload, selectDecode } from './derived';
import { parseJsonObject, withMembers } from './jsonParts';
import { saveSnippetPreferences, saveTheme } from './preferences';
import { appStore, catchUpNow } from './store';

const set = appStore.setState;
const get = appStore.getState;

let noticeId = 0;

export function isAlgorithmChoice(value: unknown): value is AlgorithmChoice {
  return value === 'none' || (JWS_ALGORITHMS as readonly unknown[]).includes(value);
}

/** The token box: normalised as typed/pasted (Bearer, quotes, line breaks), and the normalised form shown. */
export function setTokenText(raw: string): void {
  // An input event that leaves the text as it is (Chromium fires one per pasted line, and the text was
  // already normalised by the first) must not forget what normalisation removed.
  if (raw === get().tokenText) return;
  // Kept as typed: a JSON serialization (RFC 7515 §7.2, RFC 7516 §7.2), whose strings may hold spaces, and text
  // over the size limit, which the decoder refuses as it stands (normalising megabytes would only hold the page).
  if (raw.length > MAX_TOKEN_LENGTH || raw.trimStart().startsWith('{')) {
    set({ tokenText: raw, tokenChanges: [], decodeDraft: undefined });
    return;
  }
  const { token, changes } = normalizeToken(raw);
  if (changes.length > 0) set({ tokenText: token, tokenChanges: changes, decodeDraft: undefined });
  else set({ tokenText: raw, tokenChanges: [], decodeDraft: undefined });
}

/**
 * A paste into the token box over the size limit: it is refused before the box takes it (the browser alone
 * would be held for seconds by megabytes in a textarea), and the token already there stays.
 */
export function refuseTokenPaste(chars: number): void {
  set({ refusedTokenPaste: { chars, keptText: get().tokenText } });
}

/** `keySetUrl`: where a fetched JWKS came from; any other change of the key text forgets it. */
export function setKeyText(text: string, source: KeySource = 'user', keySetUrl?: string): void {
  set({
    keyText: text,
    keySource: source,
    keySetUrl: source === 'jwks' ? keySetUrl : undefined,
    ...(source === 'jwks' && keySetUrl ? { fetchedKeySet: { url: keySetUrl, text } } : {}),
  });
}

/** A key-set fetch failed (or `undefined`: the latest one did not). */
export function setKeySetFailure(failure: AppState['keySetFailure']): void {
  set({ keySetFailure: failure });
}

export function setSecretEncoding(secretEncoding: SecretEncoding): void {
  set({ secretEncoding });
}

export function setLinkTokens(linkTokens: LinkToken[]): void {
  set({ linkTokens });
}

/** Decode view: an edit of the header or payload JSON rebuilds the token, keeping the old signature. */
export function editDecodedPart(part: 'header' | 'payload', text: string): { ok: boolean; message?: string } {
  const outcome = selectDecode(get().tokenText);
  const decoded = outcome.ok ? outcome.decoded : outcome.lastGood;
  if (!decoded) return { ok: false, message: 'There is no token to edit yet.' };
  const rebuilt = rebuildToken(decoded.segments, part, text);
  if (!rebuilt.ok) return rebuilt;
  set({ tokenText: rebuilt.token, tokenChanges: [], decodeDraft: { part, text, token: rebuilt.token } });
  return { ok: true };
}

function algFromHeader(headerText: string): AlgorithmChoice | undefined {
  const parsed = parseJsonObject(headerText);
  if (!parsed.ok) return undefined;
  const alg = parsed.value.alg;
  return isAlgorithmChoice(alg) ? alg : undefined;
}

export function setHeaderText(headerText: string): void {
  const alg = algFromHeader(headerText);
  set(alg ? { headerText, alg } : { headerText });
}

export function setPayloadText(payloadText: string): void {
  set({ payloadText });
}

export function setRefreshTimes(refreshTimes: boolean): void {
  set({ refreshTimes });
}

/** Picking an algorithm rewrites the header's `alg` (and leaves the rest of the header as typed). */
export function setAlg(alg: AlgorithmChoice): { ok: boolean } {
  const headerText = withMembers(get().headerText, { alg });
  if (headerText === undefined) {
    set({ alg });
    return { ok: false };
  }
  set({ alg, headerText });
  return { ok: true };
}

export type TimeHelper =
  { claim: 'iat' | 'nbf'; at: 'now' } | { claim: 'exp'; in: number } | { claim: 'exp'; atSeconds: number };

export function applyTimeHelper(helper: TimeHelper): boolean {
  const now = Math.floor(Date.now() / 1000);
  const value = 'at' in helper ? now : 'in' in helper ? now + helper.in : helper.atSeconds;
  const payloadText = withMembers(get().payloadText, { [helper.claim]: value });
  if (payloadText === undefined) return false;
  set({ payloadText });
  return true;
}

/** Switching views carries the current token over (docs/interface.md: `mode-decode`, `mode-encode`). */
export function setMode(mode: Mode): void {
  const state = get();
  if (state.mode === mode) return;
  if (mode === 'encode') {
    const outcome = selectDecode(state.tokenText);
    if (outcome.ok) {
      const headerText = prettyHeader(outcome.decoded);
      const alg = algFromHeader(headerText) ?? state.alg;
      set({ mode, headerText, payloadText: prettyPayload(outcome.decoded), alg });
      catchUpNow();
      return;
    }
  } else if (state.signing.token) {
    // A detached token goes over with its payload in the detached payload box, so it verifies there too.
    const detached = state.signing.status === 'done' ? state.signing.detachedPayload : undefined;
    set({
      mode,
      tokenText: state.signing.token,
      tokenChanges: [],
      decodeDraft: undefined,
      ...(detached !== undefined ? { detachedPayloadText: detached } : {}),
    });
    catchUpNow();
    return;
  }
  set({ mode });
  // The other view shows the current token from its first paint (the idle views, store.ts).
  catchUpNow();
}

export function setTheme(theme: ThemeChoice): void {
  saveTheme(theme);
  set({ theme });
}

export function addNotice(kind: NoticeKind, text: string): void {
  noticeId += 1;
  const id = noticeId;
  set((state) => ({ notices: [...state.notices, { id, kind, text }] }));
}

export function dismissNotice(id: number): void {
  set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

/** Loads a token and its verification key together (examples menu, generated keys). */
export function loadTokenAndKey(
  token: string,
  keyText: string,
  secretEncoding: SecretEncoding,
  source: KeySource,
): void {
  set({
    tokenText: token,
    tokenChanges: [],
    decodeDraft: undefined,
    keyText,
    secretEncoding,
    keySource: source,
    keySetUrl: undefined,
  });
  catchUpNow();
}

/** Encode view: loads header, payload and signing key at once (templates, examples). */
export function loadEncodeInputs(headerText: string, payloadText: string, keyText?: string): void {
  const alg = algFromHeader(headerText);
  set({
    headerText,
    payloadText,
    ...(alg ? { alg } : {}),
    ...(keyText !== undefined ? { keyText, keySource: 'example' as const, keySetUrl: undefined } : {}),
  });
}

export function setInnerKeyText(innerKeyText: string): void {
  set({ innerKeyText });
}

export function setInnerSecretEncoding(innerSecretEncoding: SecretEncoding): void {
  set({ innerSecretEncoding });
}

export function setDetachedPayloadText(detachedPayloadText: string): void {
  set({ detachedPayloadText });
}

export function setTrustAnchorsText(trustAnchorsText: string): void {
  set({ trustAnchorsText });
}

export function setProfile(profile: ProfileChoice): void {
  set({ profile });
}

/** Sets some of the expected values (an OIDC discovery document fills iss and the token endpoint at once). */
export function setExpected(changes: Partial<Expectations>): void {
  set((state) => ({ expected: { ...state.expected, ...changes } }));
}

/**
 * A fetched OpenID configuration: its issuer and token endpoint become the expected ones, unless the user typed
 * another value there (a value an earlier discovery filled is replaced).
 */
export function setDiscovery(discovery: DiscoveryInfo): void {
  set((state) => {
    const before = state.discovery;
    const fill = (current: string, found: string | undefined, filledBefore: string | undefined): string =>
      found !== undefined && (current.trim() === '' || current === filledBefore) ? found : current;
    return {
      discovery,
      expected: {
        ...state.expected,
        iss: fill(state.expected.iss, discovery.iss, before?.iss),
        tokenEndpoint: fill(state.expected.tokenEndpoint, discovery.tokenEndpoint, before?.tokenEndpoint),
      },
    };
  });
}

export function setClock(changes: Partial<ClockSettings>): void {
  set((state) => ({ clock: { ...state.clock, ...changes } }));
}

export function setEncryption(changes: Partial<EncryptionSettings>): void {
  set((state) => ({ encryption: { ...state.encryption, ...changes } }));
}

/** Encode view: the SD-JWT settings (selectively disclosable claims, decoys, holder key, presentation). */
export function setSdJwt(changes: Partial<SdJwtSettings>): void {
  set((state) => ({ sdJwt: { ...state.sdJwt, ...changes } }));
}

/** The Send-it request (method, URL, auth style, body); all but the body are remembered for the next visit. */
export function setSnippetRequest(changes: Partial<SnippetRequestSettings>): void {
  const snippetRequest = { ...get().snippetRequest, ...changes };
  set({ snippetRequest });
  // A body may hold data the user would not want kept: it lives as long as the page.
  const { body: _body, ...preferences } = snippetRequest;
  saveSnippetPreferences(preferences);
}

export function setSignDetached(signDetached: boolean): void {
  set({ signDetached });
}
