"""PNGs of the Add evidence and Record a sign-off dialogs at 100% and 200% text and in the
dark theme, each with a problem showing, over the real window and bundled content.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/evidence_dialog_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.core.portfolio.signing import record_sign_offs
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.add_evidence_dialog import AddEvidenceDialog
from zavmo_desktop.ui.widgets.signoff_dialog import SignOffDialog


def settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-evidence-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.onboarding_screen.skip_all.click()
    learner = window.learner
    framework = learner.library.packs[0].framework
    first = [c.id for c in framework.areas[0].competencies[0].criteria]
    record_sign_offs(learner.portfolio.sign_offs, first[:1], "Sam Patel", "Internal verifier, "
                     "Acme Training", date.today(), "Watched the board talk.")  # fmt: skip
    for look, values in (("100", {"text_scale": 100}), ("200", {"text_scale": 200}),
                         ("dark", {"text_scale": 100, "theme": "dark"})):  # fmt: skip
        for key, value in values.items():
            learner.settings.set(key, value)
        settle()
        screen = window.stack.currentWidget()
        add = AddEvidenceDialog(learner, framework, screen, criterion_ids=first[1:3])
        add.show()
        save(add, folder, f"add-evidence-{look}")
        add.kind_buttons["Link"].setChecked(True)
        add.title.setText("My talk")
        add.link.setText("javascript:alert(1)")
        add.add()
        save(add, folder, f"add-evidence-link-refused-{look}")
        add.kind_buttons["File"].setChecked(True)
        add.use_file(Path("/usr/bin/ls"))
        save(add, folder, f"add-evidence-file-{look}")
        add.reject()
        sign = SignOffDialog(learner, framework, first[1:2], screen)
        sign.show()
        save(sign, folder, f"sign-off-{look}")
        sign.record()  # no name yet: the problem is shown
        save(sign, folder, f"sign-off-no-name-{look}")
        sign.page.verticalScrollBar().setValue(sign.page.verticalScrollBar().maximum())
        save(sign, folder, f"sign-off-recorded-list-{look}")
        sign.reject()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots/evdialogs"))
