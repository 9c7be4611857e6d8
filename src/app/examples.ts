// Fresh example tokens for any algorithm, with keys generated in the page (nothing is fetched, nothing
// is hard-coded). The key generator and signer are imported on demand: the first paint does not need them.
import type { AlgorithmChoice } from '../core';
import { actions, appStore } from '../state';

function examplePayload(nowSeconds: number): Record<string, unknown> {
  return {
    iss: 'https://issuer.example.com',
    sub: 'user-1234',
    aud: ['https://api.example.com'],
    name: 'Ada Lovelace',
    scope: 'read:items write:items',
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + 3600,
  };
}

export async function loadExample(alg: AlgorithmChoice): Promise<void> {
  const [{ generateKey }, { signToken }] = await Promise.all([import('../core/keygen'), import('../core/sign')]);
  const now = Math.floor(Date.now() / 1000);
  const payloadText = JSON.stringify(examplePayload(now), null, 2);
  if (alg === 'none') {
    const headerText = JSON.stringify({ alg: 'none', typ: 'JWT' }, null, 2);
    const token = await signToken(headerText, payloadText, { text: '' }, { allowNone: true });
    if (appStore.getState().mode === 'encode') actions.loadEncodeInputs(headerText, payloadText, '');
    else actions.loadTokenAndKey(token, '', 'utf8', 'example');
    return;
  }
  const key = await generateKey(alg);
  const header: Record<string, unknown> = { alg, typ: 'JWT' };
  if (key.kid) header.kid = key.kid;
  const headerText = JSON.stringify(header, null, 2);
  // Generated HMAC secrets are text used as UTF-8, like every other key box text.
  const secretEncoding = 'utf8';
  if (appStore.getState().mode === 'encode') {
    actions.setSecretEncoding(secretEncoding);
    actions.loadEncodeInputs(headerText, payloadText, key.privateText);
    return;
  }
  const token = await signToken(headerText, payloadText, { text: key.privateText, secretEncoding });
  // Verify with the public half, as a relying party would; HMAC has only the one secret.
  actions.loadTokenAndKey(token, key.publicPem ?? key.privateText, secretEncoding, 'example');
}
