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


def test_the_quicker_import_check_answers_as_pysides_own_for_every_loaded_module() -> None:
    import zavmo_desktop.app  # installs it, as a start does
    import zavmo_desktop.core.learner  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False), "PySide6 changed: zavmo_desktop.ui.quick_imports"
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
    answers = {m.__name__: (quick(m), quick.upstream(m)) for m in modules}
    assert len(answers) > 200
    assert {name for name, (ours, theirs) in answers.items() if ours != theirs} == set()
    assert answers["zavmo_desktop.ui.main_window"] == (True, True)
    assert answers["zavmo_desktop.core.learner"] == (False, False)
