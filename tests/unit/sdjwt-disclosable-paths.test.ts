// The Encode view's list of claims that can be made selectively disclosable, and that each one it offers is one
// issueSdJwt accepts.
import { describe, expect, it } from 'vitest';
import { inspectSdJwt, issueSdJwt, listDisclosablePaths } from '../../src/core/sdjwt';

const CLAIMS = {
  iss: 'https://issuer.example',
  given_name: 'Ada',
  address: { street_address: '1 Main St', 'post-code': '12345' },
  nationalities: ['GB', 'FR'],
  note: 'x'.repeat(60),
};

describe('listDisclosablePaths', () => {
  it('lists properties and array elements depth first, with where they sit and a short preview', () => {
    const { paths, truncated } = listDisclosablePaths(CLAIMS);
    expect(truncated).toBe(false);
    expect(paths.map((p) => [p.path, p.kind, p.label, p.depth])).toEqual([
      ['$.iss', 'property', 'iss', 0],
      ['$.given_name', 'property', 'given_name', 0],
      ['$.address', 'property', 'address', 0],
      ['$.address.street_address', 'property', 'street_address', 1],
      ["$.address['post-code']", 'property', 'post-code', 1],
      ['$.nationalities', 'property', 'nationalities', 0],
      ['$.nationalities[0]', 'array-element', '[0]', 1],
      ['$.nationalities[1]', 'array-element', '[1]', 1],
      ['$.note', 'property', 'note', 0],
    ]);
    expect(paths.find((p) => p.path === '$.address')?.preview).toBe('{…} 2 members');
    expect(paths.find((p) => p.path === '$.nationalities')?.preview).toBe('[…] 2 elements');
    expect(paths.find((p) => p.path === '$.given_name')?.preview).toBe('"Ada"');
    expect(paths.find((p) => p.path === '$.note')?.preview).toHaveLength(40);
  });

  it('leaves out what the issuer makes (_sd, _sd_alg, ...) and anything that is not an object', () => {
    const listed = listDisclosablePaths({ _sd: ['x'], _sd_alg: 'sha-256', a: [{ '...': 'y' }, 1] }).paths;
    expect(listed.map((p) => p.path)).toEqual(['$.a', '$.a[0]', '$.a[1]']);
    expect(listDisclosablePaths([1, 2]).paths).toEqual([]);
    expect(listDisclosablePaths('text').paths).toEqual([]);
  });

  it('stops at the limit and says so', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`c${i}`, i]));
    const { paths, truncated } = listDisclosablePaths(many, 10);
    expect(paths).toHaveLength(10);
    expect(truncated).toBe(true);
  });

  it('offers only paths issueSdJwt accepts: all of them at once make a recursive SD-JWT that reads back', async () => {
    const disclose = listDisclosablePaths(CLAIMS).paths.map((p) => p.path);
    const issued = await issueSdJwt({
      payload: CLAIMS,
      disclose,
      key: { text: 'a-secret-of-at-least-thirty-two-bytes!!' },
      header: { alg: 'HS256' },
    });
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.disclosures.map((d) => d.path).sort()).toEqual([...disclose].sort());
    const inspection = await inspectSdJwt(issued.sdJwt);
    expect(inspection.structure.state).toBe('ok');
    expect(inspection.processedPayload).toEqual(CLAIMS);
  });
});
