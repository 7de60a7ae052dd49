"""A tiny stand-in LRS on loopback for UI tests: it keeps the statements POSTed to it by id.

It is not our code being replaced (that is the sender, which runs for real); it is the
organisation's server, kept small so a widget test need not start Ralph.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class StubLrs:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.stored: dict[str, dict[str, Any]] = {}
        self.requests = 0
        self.arrivals: Counter[str] = Counter()  # how often each id was in a batch it took
        self.refuse_marker = ""  # a batch holding a statement with this text is answered 400
        self.answer_all: int | None = None  # every request is answered with this status
        self.most_in_a_batch = 0  # more than this (when set) is answered 413

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def refusal(self, batch: list[dict[str, Any]]) -> tuple[int, str] | None:
        """As an LRS does: the whole batch is refused for one bad statement in it."""
        if self.answer_all is not None:
            return self.answer_all, json.dumps({"detail": "refused"})
        if self.most_in_a_batch and len(batch) > self.most_in_a_batch:
            return 413, json.dumps({"detail": "Payload too large"})
        for statement in batch:
            if self.refuse_marker and self.refuse_marker in json.dumps(statement):
                detail = f"Statement {statement['id']}: verb id is not a valid IRI"
                return 400, json.dumps({"detail": detail})
        return None

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
            refusal = lrs.refusal(body)
            if refusal is not None:
                self.answer(*refusal)
                return
            for statement in body:
                lrs.arrivals[statement["id"]] += 1
                lrs.stored.setdefault(statement["id"], statement)
            self.answer(200, json.dumps([s["id"] for s in body]))

        def answer(self, status: int, text: str) -> None:
            answer = text.encode()
            self.send_response(status)
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
