"""Prints every benchmark's rows as one table at the end of the run."""

from __future__ import annotations

import pytest

from tests.benchmarks._report import ROWS, format_table


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    terminalreporter.section("Zavmo Desktop benchmarks")
    terminalreporter.write_line(format_table(ROWS))
    terminalreporter.write_line(
        "Times in ms: median, min, p95 (nearest rank) and max over n runs. ratio = this median "
        "/ the median of the bare reference of its area, measured in the same run."
    )
