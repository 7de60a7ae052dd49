"""One portfolio export run as a child process (`zavmo-desktop export --progress`).

A child process, not a thread: WeasyPrint cannot be interrupted in-thread, and a process
can be killed at once. QProcess reads its progress lines through the event loop, so the
GUI thread never waits on it. Cancelling kills it and removes what it had begun to write.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from zavmo_desktop.core.portfolio.attachment_zip import zip_path_for
from zavmo_desktop.core.storage.files import partial_of


@dataclass(frozen=True)
class ExportRequest:
    data_dir: Path
    out: Path
    fmt: str  # pdf, html or json
    include: frozenset[str] = frozenset()
    programme: str = ""
    content: Sequence[Path] = ()

    def arguments(self) -> list[str]:
        args = ["export", "--format", self.fmt, "--out", str(self.out),
                "--data-dir", str(self.data_dir), "--progress", "--low-priority"]  # fmt: skip
        if self.include:
            args += ["--include", ",".join(sorted(self.include))]
        if self.programme:
            args += ["--programme", self.programme]
        for pack in self.content:
            args += ["--content", str(pack)]
        return args


def command(request: ExportRequest) -> tuple[str, list[str]]:
    """The program and its arguments: the app itself when frozen, else this Python."""
    if getattr(sys, "frozen", False):
        return sys.executable, request.arguments()
    return sys.executable, ["-m", "zavmo_desktop", *request.arguments()]


class ExportRun(QObject):
    progressed = Signal(int, str)  # percent, what it is doing
    finished = Signal(bool, str)  # saved, the message in words

    def __init__(self, request: ExportRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self._cancelled = False
        self._said = ""
        self._errors = ""
        self._made = [p for p in (request.out, zip_path_for(request.out)) if not p.exists()]
        self.process = QProcess(self)
        self.process.readyReadStandardOutput.connect(self._read_output)
        self.process.readyReadStandardError.connect(self._read_errors)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._failed_to_start)

    def start(self) -> None:
        program, args = command(self.request)
        self.process.start(program, args)

    @property
    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        """Stop at once; `finished` follows when the process has gone."""
        if self.running:
            self._cancelled = True
            self.process.kill()

    def _read_output(self) -> None:
        text = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[0] == "progress" and parts[1].isdigit():
                self.progressed.emit(int(parts[1]), parts[2])
            elif line.strip():
                self._said = line.strip()

    def _read_errors(self) -> None:
        self._errors += bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read_output()
        if self._cancelled:
            self._remove_begun()
            self.finished.emit(False, "The export was cancelled. Nothing was saved.")
        elif code == 0:
            self.finished.emit(True, self._said or f"Saved your portfolio to {self.request.out}.")
        else:
            self._remove_begun()
            reason = self._errors.strip().splitlines()[-1:] or [f"it stopped (code {code})"]
            self.finished.emit(False, f"The portfolio was not saved: {reason[0]}")

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.finished.emit(False, "The export could not be started. Nothing was saved.")

    def _remove_begun(self) -> None:
        """The partial files, and whole ones this run made but did not finish telling of."""
        for target in (self.request.out, zip_path_for(self.request.out)):
            partial_of(target).unlink(missing_ok=True)
        for made in self._made:
            made.unlink(missing_ok=True)
