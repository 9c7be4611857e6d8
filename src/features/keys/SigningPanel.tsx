// Encode view: the algorithm (`alg-select`, which rewrites the header's alg) and the signing key.
import { JWS_ALGORITHMS, ALGORITHM_FAMILY, type AlgorithmChoice } from '../../core/types';
import { KeyInput } from './KeyInput';
import { actions, isAlgorithmChoice, useAppState } from '../../state';

const FAMILY_HINT = {
  oct: 'HMAC: a shared secret (at least as many bytes as the hash: 32 for HS256).',
  RSA: 'RSA: a private key, 2048 bits or more.',
  EC: 'ECDSA: a private key on the matching curve.',
  OKP: 'EdDSA: an Ed25519 private key.',
  AKP: 'ML-DSA: a private key of the matching parameter set.',
} as const;

export function AlgSelect() {
  const alg = useAppState((s) => s.alg);
  const hint =
    alg === 'none'
      ? 'Unsecured: no signature at all (RFC 7519 §6). Only for tests.'
      : FAMILY_HINT[ALGORITHM_FAMILY[alg]];
  return (
    <div>
      <label htmlFor="alg-select" className="field-label">
        Algorithm
      </label>
      <select
        id="alg-select"
        data-testid="alg-select"
        value={alg}
        aria-describedby="alg-hint"
        onChange={(event) => {
          if (isAlgorithmChoice(event.target.value)) actions.setAlg(event.target.value as AlgorithmChoice);
        }}
        className="field"
      >
        {JWS_ALGORITHMS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value="none">none (unsecured)</option>
      </select>
      <p id="alg-hint" className="hint mt-1">
        {hint}
      </p>
    </div>
  );
}

export function SigningPanel() {
  const alg = useAppState((s) => s.alg);
  return (
    <div className="space-y-4">
      <AlgSelect />
      {alg === 'none' ? (
        <p className="hint">No key is needed for an unsecured token.</p>
      ) : (
        <KeyInput purpose="sign" hmac={ALGORITHM_FAMILY[alg] === 'oct'} />
      )}
    </div>
  );
}
