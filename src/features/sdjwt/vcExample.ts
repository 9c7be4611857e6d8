// The SD-JWT VC the Encode view loads as an example: an identity credential with nested and array claims, a status
// list reference, and the claims a wallet would typically disclose one by one.

export function vcExamplePayload(nowSeconds: number): Record<string, unknown> {
  return {
    iss: 'https://issuer.example.com',
    iat: nowSeconds,
    exp: nowSeconds + 365 * 24 * 3600,
    vct: 'https://credentials.example.com/identity_credential',
    given_name: 'Ada',
    family_name: 'Lovelace',
    email: 'ada@example.com',
    birthdate: '1815-12-10',
    address: { street_address: "12 St James's Square", locality: 'London', country: 'GB' },
    nationalities: ['GB', 'IT'],
    status: { status_list: { idx: 412, uri: 'https://issuer.example.com/statuslists/1' } },
  };
}

/** Every claim of the example a holder may want to keep to itself (never iss, exp, vct or status: SD-JWT VC). */
export const VC_EXAMPLE_DISCLOSE = [
  '$.given_name',
  '$.family_name',
  '$.email',
  '$.birthdate',
  '$.address',
  '$.address.street_address',
  '$.address.locality',
  '$.nationalities[0]',
  '$.nationalities[1]',
];
