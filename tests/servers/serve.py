"""HTTP scaffolding shared by the two test servers: 127.0.0.1 only, an ephemeral port printed on the first line
of stdout, every method answered by a verify function, a clean stop on SIGTERM or SIGINT."""

import json
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def bearer_token(header):
    """The token of an `Authorization: Bearer <token>` header, or None."""
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def serve(name, verify):
    """Runs until SIGTERM/SIGINT. `verify(token)` returns the claims or raises an exception saying why not."""

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            token = bearer_token(self.headers.get("Authorization"))
            try:
                if token is None:
                    raise ValueError("no Bearer token")
                claims = verify(token)
                status, body = 200, {"ok": True, "sub": claims.get("sub")}
            except Exception as error:  # every failure is a refusal; the reason goes to the log
                status, body = 401, {"ok": False, "error": f"{type(error).__name__}: {error}"}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            sys.stderr.write(f"{name}: {self.command} {status} {body.get('error', '')}\n")

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def stop(_signum, _frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
