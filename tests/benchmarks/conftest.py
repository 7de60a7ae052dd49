"""Prints every benchmark's rows as one table at the end of the run."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from tests.benchmarks._report import ROWS, format_table

NOISE = ("This plugin does not support propagateSizeHints()",)  # the offscreen platform


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message not in NOISE:
        print(message, file=sys.stderr)


qInstallMessageHandler(_quiet_offscreen)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    terminalreporter.section("Zavmo Desktop benchmarks")
    terminalreporter.write_line(format_table(ROWS))
    terminalreporter.write_line(
        "Times in ms: median, min, p95 (nearest rank) and max over n runs. ratio = this median "
        "/ the median of the bare reference of its area, measured in the same run."
    )
