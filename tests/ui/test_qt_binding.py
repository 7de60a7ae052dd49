"""The Qt binding itself: a broken release must fail here, not crash a learner's session."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_calls_that_return_nothing_keep_none_alive(qapp: QApplication) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every such call; the
    # process aborted once the count ran out (a focus timer ticking for an hour).
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("tick")
    assert sys.getrefcount(None) >= before - 50
