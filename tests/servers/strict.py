"""A strict JWT verifier for the negative-test pack's integration test: PyJWT (Debian's python3-jwt) with one
pinned algorithm, the audience, the issuer, and exp, iss and aud required. PyJWT refuses an unknown `crit`.

    /usr/bin/python3 tests/servers/strict.py --key public.pem --alg RS256 --audience A --issuer I

Prints its URL (http://127.0.0.1:<port>/) on the first line; stops on SIGTERM or SIGINT.
"""

import argparse

import jwt

from serve import serve


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, help="PEM public key (or the HMAC secret, for HS*)")
    parser.add_argument("--alg", required=True)
    parser.add_argument("--audience", required=True)
    parser.add_argument("--issuer", required=True)
    args = parser.parse_args()
    with open(args.key, "rb") as file:
        key = file.read()

    def verify(token):
        return jwt.decode(
            token,
            key,
            algorithms=[args.alg],
            audience=args.audience,
            issuer=args.issuer,
            options={"require": ["exp", "iss", "aud"]},
        )

    serve("strict", verify)


if __name__ == "__main__":
    main()
