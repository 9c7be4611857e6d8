// The shapes decryptToken works with: its options and result (public), and the recipients and outcomes it
// weighs on the way (internal to src/core/jwe).
import type { DecryptOptions as JoseDecryptOptions } from 'jose';
import type { SecretEncoding } from '../types';
import type { LoadedKey } from '../lib/key-detect';
import type { JweContentEncryption, JweKeyAlgorithm } from './algorithms';
import type { JweErrorCode, JweProblem } from './codes';
import type { InnerToken } from './find-inner-token';

export type DecryptionState = 'decrypted' | 'failed' | 'no-key' | 'error';
export type JweSerialization = 'compact' | 'flattened' | 'general';

export type DecryptOptions = {
  /** Largest PBES2 `p2c` accepted; a token asking for more is refused before any work. Default MAX_PBES2_COUNT. */
  maxPbes2Count?: number;
  /** Largest plaintext after `zip: DEF` decompression, in bytes. Default MAX_DECOMPRESSED_BYTES. */
  maxDecompressedBytes?: number;
};

export type DecryptResult = {
  state: DecryptionState;
  /** The header that decided: for compact, the protected header; for JSON, the recipient's joint header. */
  header: Record<string, unknown>;
  /** The plaintext as text (UTF-8; invalid bytes become U+FFFD, see plaintextIsUtf8). */
  plaintext?: string;
  /** One or two sentences: the verdict and why. */
  message: string;
  code?: JweErrorCode;
  serialization?: JweSerialization;
  /** The integrity-protected header alone (JSON serialization may carry unprotected members too). */
  protectedHeader?: Record<string, unknown>;
  alg?: string;
  enc?: string;
  plaintextBytes?: Uint8Array;
  plaintextIsUtf8?: boolean;
  /** The plaintext parsed as JSON (`payload`), when it is JSON. */
  plaintextIsJson?: boolean;
  payload?: unknown;
  /** A nested token (cty JWT, or a plaintext shaped like a compact JWS/JWE), to decode and verify on its own. */
  inner?: InnerToken;
  /** Label of the key that decrypted (or the one that was tried). */
  keyLabel?: string;
  /** kid of the JWKS key that decrypted. */
  kid?: string;
  /** General JSON serialization: which recipient (0-based) the key opened. */
  recipientIndex?: number;
  /** A secret that did not work as read, but does (or has the right size) under this encoding. */
  matchingSecretEncoding?: SecretEncoding;
  /** Things worth knowing that did not stop decryption. */
  warnings: string[];
};

export type Header = Record<string, unknown>;
export type Opened = CryptoKey | Uint8Array;

/** One way into the token: the compact token has one, a general JSON serialization one per recipient. */
export type Recipient = {
  index: number;
  joint: Header;
  open: (key: Opened, options: JoseDecryptOptions) => Promise<Uint8Array>;
};

export type Target = {
  serialization: JweSerialization;
  protectedHeader?: Header;
  recipients: Recipient[];
  warnings: string[];
};

export type Outcome =
  | { kind: 'decrypted'; plaintext: Uint8Array; key: LoadedKey; recipient: Recipient; alg: string; enc: string }
  | {
      kind: 'failed';
      recipient: Recipient;
      problem: JweProblem;
      keyLabel?: string;
      matchingSecretEncoding?: SecretEncoding;
    }
  | { kind: 'no-key'; recipient: Recipient; alg: JweKeyAlgorithm; enc: JweContentEncryption }
  | {
      kind: 'error';
      recipient?: Recipient;
      problem: JweProblem;
      keyLabel?: string;
      matchingSecretEncoding?: SecretEncoding;
    };
