"""A deliberately broken JWT verifier for the negative-test pack's integration test. Its bugs, and nothing else:
- it accepts `alg: none` in any spelling, without a signature;
- for HS* it uses its own public key PEM file, exactly as on disk, as the HMAC secret (key confusion);
- it trusts a public key the token brings in its header `jwk`;
- it ignores `exp` and `aud`.
Otherwise it verifies like a careless but working server: the algorithm named by the token (RS*, PS*, ES*) with
its configured public key, the issuer, `nbf`, and `crit` (which it refuses, understanding no extension).

    /usr/bin/python3 tests/servers/broken.py --key public.pem --issuer I

Prints its URL (http://127.0.0.1:<port>/) on the first line; stops on SIGTERM or SIGINT.
"""

import argparse
import base64
import hashlib
import hmac
import json
import time

from jwt.algorithms import get_default_algorithms

from serve import serve

HMAC_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, help="PEM public key")
    parser.add_argument("--issuer", required=True)
    args = parser.parse_args()
    with open(args.key, "rb") as file:
        pem = file.read()
    algorithms = get_default_algorithms()

    def verify(token):
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(b64url_decode(header_b64))
        claims = json.loads(b64url_decode(payload_b64))
        signature = b64url_decode(signature_b64)
        signing_input = f"{header_b64}.{payload_b64}".encode()
        alg = header.get("alg")
        if not isinstance(alg, str):
            raise ValueError("alg missing")
        if "crit" in header:
            raise ValueError("crit: no extension understood")
        if alg.lower() == "none":
            pass  # bug: an unsecured token is taken as it is
        elif alg in HMAC_HASHES:
            # bug: the public key file becomes the HMAC secret
            expected = hmac.new(pem, signing_input, HMAC_HASHES[alg]).digest()
            if not hmac.compare_digest(expected, signature):
                raise ValueError("HMAC mismatch")
        elif alg in algorithms:
            algorithm = algorithms[alg]
            if "jwk" in header:
                key = algorithm.from_jwk(json.dumps(header["jwk"]))  # bug: the token's own key
            else:
                key = algorithm.prepare_key(pem)
            if not algorithm.verify(signing_input, key, signature):
                raise ValueError("signature mismatch")
        else:
            raise ValueError(f"unknown alg {alg}")
        if claims.get("iss") != args.issuer:
            raise ValueError("wrong issuer")
        nbf = claims.get("nbf")
        if isinstance(nbf, (int, float)) and nbf > time.time():
            raise ValueError("not yet valid")
        # bug: exp and aud are never looked at
        return claims

    serve("broken", verify)


if __name__ == "__main__":
    main()
