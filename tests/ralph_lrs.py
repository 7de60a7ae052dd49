"""A real LRS for tests: Ralph (ralph-malph, test extra only) on a free loopback port, with
its file-system store, started and stopped by the test.

Ralph 5's file-system LRS writes every POST to the same file (fs_lrs.jsonl) with the
"index" operation, which refuses a file that exists: it stores the first batch of new
statements and answers 500 to every later one. Its data backend can append instead, so
`python tests/ralph_lrs.py` makes appending the LRS backend's default and runs Ralph's own
app under uvicorn. Nothing else of Ralph is changed: its duplicate check, its answers and
its GET are its own.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HOMEPAGE = "https://org.example/staff"
USER, PASSWORD = "app", "secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RalphLrs:
    def __init__(self, root: Path) -> None:
        self.root, self.port = root, free_port()
        self.store = root / "store"
        self.store.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(root / "app"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.store),
        }
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [sys.executable, "-m", "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
             "-w", "-A", "lrs", HOMEPAGE],
            env=self.env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def config_toml(self, account_name: str = "E1234") -> str:
        return (
            f"[lrs]\nendpoint = '{self.endpoint}'\nusername = '{USER}'\n"
            f"password = '{PASSWORD}'\naccount_homepage = '{HOMEPAGE}'\n"
            f"account_name = '{account_name}'\n"
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "server.log").open("ab"),
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped: {(self.root / 'server.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("Ralph did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on it
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
            self.process = None

    def statements(self) -> list[dict[str, Any]]:
        """Every statement Ralph holds, following its `more` links."""
        import requests

        found: list[dict[str, Any]] = []
        url = self.endpoint + "statements?limit=500"
        while url:
            answer = requests.get(
                url,
                auth=(USER, PASSWORD),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=30,
            )
            answer.raise_for_status()
            body = answer.json()
            found += body["statements"]
            more = body.get("more") or ""
            url = f"http://127.0.0.1:{self.port}{more}" if more else ""
        return found

    def stored_ids(self) -> list[str]:
        return [statement["id"] for statement in self.statements()]


def _serve(port: int) -> None:
    import uvicorn
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
