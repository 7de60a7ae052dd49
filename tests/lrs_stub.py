"""A tiny stand-in LRS on loopback for UI tests: it keeps the statements POSTed to it by id.

It is not our code being replaced (that is the sender, which runs for real); it is the
organisation's server, kept small so a widget test need not start Ralph.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class StubLrs:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.stored: dict[str, dict[str, Any]] = {}
        self.requests = 0

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def config_toml(self, account_name: str = "E1234") -> str:
        return (
            f"[lrs]\nendpoint = '{self.endpoint}'\nusername = 'u'\npassword = 'p'\n"
            f"account_homepage = 'https://org.example/staff'\naccount_name = '{account_name}'\n"
        )


@contextmanager
def stub_lrs() -> Iterator[StubLrs]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            lrs.requests += 1
            for statement in body:
                lrs.stored.setdefault(statement["id"], statement)
            answer = json.dumps([s["id"] for s in body]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    lrs = StubLrs(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield lrs
    finally:
        server.shutdown()
        server.server_close()
