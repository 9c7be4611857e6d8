// Secrets that appear in documentation, tutorials and framework defaults, and therefore in every cracking
// word list (jwt_tool's jwt.secrets.list, hashcat's jwt examples). Sources noted where the value is a default.
export const WEAK_SECRETS: readonly string[] = [
  'secret',
  'your-256-bit-secret', // jwt.io v1 default
  'your-384-bit-secret',
  'your-512-bit-secret',
  'a-string-secret-at-least-256-bits-long', // jwt.io v2 default
  'shhhhh', // node-jsonwebtoken README
  'keyboard cat', // express-session README
  'password',
  'changeme',
  'changeit',
  'jwt_secret',
  'jwt-secret',
  'jwtsecret',
  'jwt',
  'secretkey',
  'secret_key',
  'secret-key',
  'secret123',
  'mysecret',
  'my_secret',
  'mysecretkey',
  'supersecret',
  'super-secret',
  'topsecret',
  'your_jwt_secret',
  'your-secret-key',
  's3cr3t',
  'key',
  'private',
  'test',
  'admin',
  'default',
  'qwerty',
  '123456',
  '12345678',
  'hello',
  'token',
];

const LOOKUP = new Set(WEAK_SECRETS.map((s) => s.toLowerCase()));

/** True when the secret text is a well-known one (case-insensitive, surrounding whitespace ignored). */
export function isWeakSecret(text: string): boolean {
  return LOOKUP.has(text.trim().toLowerCase());
}
