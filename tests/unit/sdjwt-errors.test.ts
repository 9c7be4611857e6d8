// The structure verdict (sd-status): each rule of RFC 9901 §4 and §7.1 broken on its own, with its stable code.
import { describe, expect, it } from 'vitest';
import { inspectSdJwt, isSdJwt } from '../../src/core/sdjwt';
import { MAX_TOKEN_LENGTH } from '../../src/core/token';
import { rfc9901 } from '../fixtures/sdjwt/fixtures';
import { b64u, disclosure, issuerJwt, sdJwt } from '../fixtures/sdjwt/hand-made';

const s5 = rfc9901.section5;

describe('forged and foreign disclosures', () => {
  it('flags a disclosure no digest refers to, and keeps its claim out of the payload', async () => {
    const forged = await disclosure(['c2FsdHNhbHRzYWx0', 'admin', true]);
    const inspection = await inspectSdJwt(`${s5.issued}${forged.encoded}~`);
    expect(inspection.structure).toMatchObject({ state: 'error', code: 'disclosure-unreferenced' });
    expect(inspection.structure.message).toMatch(/Disclosure 11 \(claim "admin"\) is referenced by no digest/);
    const last = inspection.disclosures[10];
    expect(last).toMatchObject({ state: 'unreferenced', name: 'admin', digest: forged.digest });
    expect(last?.path).toBeUndefined();
    expect(inspection.disclosures.slice(0, 10).every((d) => d.state === 'placed')).toBe(true);
    expect(inspection.processedPayload).not.toHaveProperty('admin');
  });

  it('flags a disclosure taken from another SD-JWT (A.1 country sent with the §5 credential)', async () => {
    const foreign = rfc9901['A.1'].disclosures.find((d) => d.name === 'country')?.disclosure ?? '';
    const inspection = await inspectSdJwt(`${s5.issued}${foreign}~`);
    expect(inspection.structure.code).toBe('disclosure-unreferenced');
  });

  it('flags a disclosure whose value was changed (its digest no longer matches)', async () => {
    const given = s5.disclosures.find((d) => d.name === 'given_name')?.disclosure ?? '';
    const changed = b64u(new TextDecoder().decode(Buffer.from(given, 'base64url')).replace('John', 'Jane'));
    const inspection = await inspectSdJwt(s5.issued.replace(given, changed));
    expect(inspection.structure.code).toBe('disclosure-unreferenced');
    expect(inspection.processedPayload).not.toHaveProperty('given_name');
    expect(inspection.undisclosed).toHaveLength(1);
  });
});

describe('repeated digests and disclosures', () => {
  it('rejects a digest that appears twice in the payload', async () => {
    const d = await disclosure(['salt1', 'email', 'a@example.com']);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest], nested: { _sd: [d.digest] } }, [d]));
    expect(inspection.structure).toMatchObject({ state: 'error', code: 'digest-repeated' });
    expect(inspection.structure.message).toContain('$._sd[0]');
    expect(inspection.structure.message).toContain('$.nested._sd[0]');
  });

  it('rejects a digest that appears in the payload and again inside a disclosure', async () => {
    const inner = await disclosure(['salt1', 'DE']);
    const outer = await disclosure(['salt2', 'nationalities', [{ '...': inner.digest }]]);
    const inspection = await inspectSdJwt(
      await sdJwt({ _sd: [outer.digest], other: [{ '...': inner.digest }] }, [outer, inner]),
    );
    expect(inspection.structure.code).toBe('digest-repeated');
  });

  it('rejects the same disclosure sent twice', async () => {
    const d = await disclosure(['salt1', 'email', 'a@example.com']);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest] }, [d, d]));
    expect(inspection.structure).toMatchObject({ state: 'error', code: 'disclosure-repeated' });
    expect(inspection.disclosures.map((x) => x.state)).toEqual(['placed', 'repeated']);
  });
});

describe('disclosures that break the payload', () => {
  it('rejects a disclosure that would overwrite a plain claim, keeping the signed value', async () => {
    const d = await disclosure(['salt1', 'given_name', 'Mallory']);
    const inspection = await inspectSdJwt(await sdJwt({ given_name: 'Alice', _sd: [d.digest] }, [d]));
    expect(inspection.structure).toMatchObject({ state: 'error', code: 'claim-overwrite' });
    expect(inspection.disclosures[0]).toMatchObject({ state: 'rejected' });
    expect(inspection.processedPayload?.given_name).toBe('Alice');
  });

  it('rejects two disclosures for the same claim name at one level', async () => {
    const a = await disclosure(['salt1', 'role', 'user']);
    const b = await disclosure(['salt2', 'role', 'admin']);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [a.digest, b.digest] }, [a, b]));
    expect(inspection.structure.code).toBe('claim-overwrite');
  });

  it.each(['_sd', '...'])('rejects a disclosure named %s', async (name) => {
    const d = await disclosure(['salt1', name, ['x']]);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest] }, [d]));
    expect(inspection.structure.code).toBe('disclosure-reserved-name');
  });

  it('rejects an array-element disclosure referenced from _sd, and a claim disclosure referenced from an array', async () => {
    const element = await disclosure(['salt1', 'FR']);
    const claim = await disclosure(['salt2', 'name', 'x']);
    const first = await inspectSdJwt(await sdJwt({ _sd: [element.digest] }, [element]));
    expect(first.structure.code).toBe('disclosure-kind');
    const second = await inspectSdJwt(await sdJwt({ list: [{ '...': claim.digest }] }, [claim]));
    expect(second.structure.code).toBe('disclosure-kind');
    expect(second.processedPayload).toEqual({ list: [] });
  });

  it('keeps a claim named __proto__ as a claim, not as the prototype', async () => {
    const d = await disclosure(['salt1', '__proto__', { polluted: true }]);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest] }, [d]));
    expect(inspection.structure.state).toBe('ok');
    const processed = inspection.processedPayload ?? {};
    expect(Object.getPrototypeOf(processed)).toBe(Object.prototype);
    expect(Object.hasOwn(processed, '__proto__')).toBe(true);
    expect(inspection.disclosures[0]?.path).toBe('$.__proto__');
  });
});

describe('_sd_alg', () => {
  it.each([
    ['md5', 'sd-alg-unknown', 'unknown'],
    ['SHA-256', 'sd-alg-unknown', 'unknown'],
    ['sha-256-32', 'sd-alg-weak', 'weak'],
    ['blake2b-256', 'sd-alg-unsupported', 'unsupported'],
  ])('"%s" gives %s and no digest is matched', async (alg, code, state) => {
    const d = await disclosure(['salt1', 'email', 'a@example.com']);
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest], _sd_alg: alg }, [d]));
    expect(inspection.structure.code).toBe(code);
    expect(inspection.sdAlg).toMatchObject({ name: alg, source: 'claim', state });
    expect(inspection.disclosures[0]).toMatchObject({ state: 'unchecked' });
    expect(inspection.disclosures[0]?.digest).toBeUndefined();
    expect(inspection.structure.problems.map((p) => p.code)).not.toContain('disclosure-unreferenced');
  });

  it('says the value is case-sensitive when it differs from a known name only by case', async () => {
    const inspection = await inspectSdJwt(await sdJwt({ _sd_alg: 'SHA-256' }, []));
    expect(inspection.structure.message).toContain('did you mean "sha-256"');
  });

  it('reports sha3-256 as unsupported where WebCrypto lacks SHA3, and uses it where it has it', async () => {
    const has = await crypto.subtle.digest('SHA3-256', new Uint8Array(0)).then(
      () => true,
      () => false,
    );
    const d = await disclosure(['salt1', 'email', 'a@example.com'], has ? 'SHA3-256' : 'SHA-256');
    const inspection = await inspectSdJwt(await sdJwt({ _sd: [d.digest], _sd_alg: 'sha3-256' }, [d]));
    if (has) expect(inspection.structure.state).toBe('ok');
    else expect(inspection.structure.code).toBe('sd-alg-unsupported');
  });

  it('rejects a non-string _sd_alg, and one nested below the top level', async () => {
    expect((await inspectSdJwt(await sdJwt({ _sd_alg: 256 }, []))).structure.code).toBe('sd-alg-invalid');
    const nested = await inspectSdJwt(await sdJwt({ address: { _sd_alg: 'sha-256', city: 'X' } }, []));
    expect(nested.structure.code).toBe('sd-alg-nested');
    expect(nested.processedPayload).toEqual({ address: { city: 'X' } });
  });

  it('uses sha-512 when the payload says so, and sha-256 by default', async () => {
    const d512 = await disclosure(['salt1', 'email', 'a@example.com'], 'SHA-512');
    const ok = await inspectSdJwt(await sdJwt({ _sd: [d512.digest], _sd_alg: 'sha-512' }, [d512]));
    expect(ok.structure.state, ok.structure.message).toBe('ok');
    expect(ok.disclosures[0]?.digest).toBe(d512.digest);
    const wrong = await inspectSdJwt(await sdJwt({ _sd: [d512.digest] }, [d512]));
    expect(wrong.sdAlg).toEqual({ name: 'sha-256', source: 'default', state: 'supported' });
    expect(wrong.structure.code).toBe('disclosure-unreferenced');
  });
});

describe('malformed disclosures', () => {
  it.each([
    ['not base64url', 'abc$def', 'disclosure-base64url', /"\$" at character 4/],
    ['standard base64', 'WyJhIi+iYiJd', 'disclosure-base64url', /standard base64/],
    ['not JSON', b64u('hello'), 'disclosure-json', /not decode to JSON/],
    ['a JSON object', b64u('{"salt":"s","name":"x"}'), 'disclosure-shape', /an object, not an array/],
    ['an array of 4', b64u('["s","a","b","c"]'), 'disclosure-shape', /array of 4 elements/],
    ['an array of 1', b64u('["s"]'), 'disclosure-shape', /array of 1 elements/],
    ['a numeric salt', b64u('[42,"email","a@b"]'), 'disclosure-salt', /salt is number 42/],
    ['a numeric claim name', b64u('["s",7,"x"]'), 'disclosure-name', /claim name is number 7/],
  ])('flags a disclosure that is %s', async (_what, text, code, reason) => {
    const inspection = await inspectSdJwt(await sdJwt({ iss: 'x' }, [text]));
    expect(inspection.structure.code).toBe(code);
    expect(inspection.structure.message).toMatch(reason);
    expect(inspection.disclosures[0]).toMatchObject({ kind: 'malformed', state: 'malformed' });
  });
});

describe('malformed structure', () => {
  it('is not an SD-JWT without a "~" (a plain JWT), nor as JSON without disclosures', async () => {
    const jwt = await issuerJwt({ iss: 'x' });
    expect(isSdJwt(jwt)).toBe(false);
    expect((await inspectSdJwt(jwt)).structure.code).toBe('not-sd-jwt');
    expect(isSdJwt('{"payload":"e30","signature":"x"}')).toBe(false);
    expect((await inspectSdJwt('{"a":1}')).structure.code).toBe('not-sd-jwt');
  });

  it('flags a missing trailing "~" after the last disclosure, and still lists that disclosure', async () => {
    const d = await disclosure(['salt1', 'email', 'a@example.com']);
    const text = (await sdJwt({ _sd: [d.digest] }, [d])).slice(0, -1);
    expect(isSdJwt(text)).toBe(true);
    const inspection = await inspectSdJwt(text);
    expect(inspection.structure.code).toBe('structure');
    expect(inspection.structure.message).toMatch(/"~" after the last disclosure is missing/);
    expect(inspection.disclosures[0]?.state).toBe('placed');
  });

  it('flags an empty disclosure between two "~"', async () => {
    const inspection = await inspectSdJwt((await sdJwt({ iss: 'x' }, [])) + '~');
    expect(inspection.structure.code).toBe('structure');
    expect(inspection.structure.message).toMatch(/Two "~" in a row/);
  });

  it('flags an Issuer-signed JWT that does not decode, and one whose payload is not an object', async () => {
    const broken = await inspectSdJwt('eyJhbGciOiJFUzI1NiJ9.%%%.c2ln~');
    expect(broken.structure.code).toBe('issuer-jwt');
    expect(broken.issuer).toBeUndefined();
    const array = await inspectSdJwt(await sdJwt([1, 2], []));
    expect(array.structure.code).toBe('payload-not-object');
  });

  it('flags "_sd" that is not an array of strings, and "..." used as a claim', async () => {
    expect((await inspectSdJwt(await sdJwt({ _sd: 'abc' }, []))).structure.code).toBe('sd-not-array');
    expect((await inspectSdJwt(await sdJwt({ _sd: [1] }, []))).structure.code).toBe('sd-not-array');
    const misused = await inspectSdJwt(await sdJwt({ list: [{ '...': 'abc', extra: 1 }] }, []));
    expect(misused.structure.code).toBe('ellipsis-misused');
  });

  it('refuses input over the token size limit before any work', async () => {
    const inspection = await inspectSdJwt(`ey${'a'.repeat(MAX_TOKEN_LENGTH)}~`);
    expect(inspection.structure.code).toBe('too-large');
  });

  it('stops following a payload nested deeper than it should, without overflowing the stack', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 400; i++) deep = { a: deep };
    const inspection = await inspectSdJwt(await sdJwt(deep, []));
    expect(inspection.structure.code).toBe('too-deep');
  });

  it('flags disclosures or kb_jwt in a second signature of the General JSON Serialization', async () => {
    const [protectedHeader, payload, signature] = (await issuerJwt({ iss: 'x' })).split('.');
    const doc = {
      payload,
      signatures: [
        { protected: protectedHeader, signature, header: { disclosures: [] } },
        { protected: protectedHeader, signature, header: { disclosures: [] } },
      ],
    };
    const inspection = await inspectSdJwt(JSON.stringify(doc));
    expect(inspection.format).toBe('json-general');
    expect(inspection.structure.code).toBe('structure');
    expect(inspection.changes.join(' ')).toContain('2 signatures');
  });
});
