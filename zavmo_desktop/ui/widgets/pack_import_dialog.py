"""Import content pack: check the chosen .zpack, preview it, install it on request.

The checks and the install run off the GUI thread (a busy bar shows they are working);
nothing is installed until the learner chooses Install pack after reading the preview.
A refused pack says why, in the dialog, and leaves everything as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.packs.install import PackRefused, StagedPack, install_staged, stage_pack
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph

POLL_MS = 30
LINE_CHARS = 60


def preview_text(staged: StagedPack) -> str:
    size = f"{_size(staged.file_size)} ({_size(staged.unpacked_size)} unpacked)"
    if staged.verified:
        signature = "Signed by your organisation's key"
    elif staged.signed:
        signature = "Signed, but no organisation key is set to check it"
    else:
        signature = "Not signed"
    upgrade = (
        f"\nReplaces version {staged.replaces}; your progress is kept." if staged.replaces else ""
    )
    return (f"{staged.title}\nVersion {staged.version}\nModules: {staged.module_count}\n"
            f"Size: {size}\n{signature}{upgrade}")  # fmt: skip


def _size(count: int) -> str:
    if count < 1_000_000:
        return f"{max(1, round(count / 1000))} KB"
    return f"{count / 1_000_000:.1f} MB"


class PackImportDialog(QDialog):
    installed = Signal()

    def __init__(
        self,
        learner: Learner,
        pack_file: Path,
        trusted_keys: Sequence[bytes] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._learner, self._file, self._keys = learner, pack_file, trusted_keys
        self._staged: StagedPack | None = None
        self._done = False
        self._cancelled = False
        self.setWindowTitle("Import content pack")
        self.setAccessibleName("Import content pack: preview")
        column = QVBoxLayout(self)
        self._title = heading(f"Checking {pack_file.name}")
        column.addWidget(self._title)
        self.details = paragraph("Checking every file in the pack before anything is installed.")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        column.addWidget(self.details)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setRange(0, 0)  # busy: the checks cannot say how far along they are
        column.addWidget(self.progress)
        self.install_button = QPushButton("Install pack")
        self.install_button.setAccessibleName("Install pack")
        self.install_button.setEnabled(False)
        self.install_button.clicked.connect(self._install)
        self.close_button = QPushButton("Cancel")
        self.close_button.setAccessibleName("Cancel")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._in_background(lambda: stage_pack(pack_file, learner.data_dir, trusted_keys),
                            self._checked)  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        fit_dialog(self, LINE_CHARS)

    def _in_background(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                box["result"] = work()
            except Exception as error:  # shown in the dialog, never lost
                box["error"] = error

        thread = threading.Thread(target=run, name="pack-import", daemon=True)
        thread.start()
        timer = QTimer(self, interval=POLL_MS)

        def poll() -> None:
            if thread.is_alive():
                return
            timer.stop()
            then(box.get("error", box.get("result")))

        timer.timeout.connect(poll)
        timer.start()

    def _checked(self, result: StagedPack | Exception) -> None:
        if self._cancelled:
            if isinstance(result, StagedPack):
                result.discard()  # cancelled while checking: leave no staging folder
            return
        self.progress.hide()
        if isinstance(result, Exception):
            self._refused(result)
            return
        self._staged = result
        self._title.setText("Install this content pack?")
        self.details.setText(preview_text(result))
        self.install_button.setEnabled(True)
        self.install_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()
        announce(self, f"Checked. {preview_text(result)}")

    def _refused(self, error: Exception) -> None:
        reason = (
            str(error) if isinstance(error, PackRefused) else f"{type(error).__name__}: {error}"
        )
        self._title.setText("This pack was not installed")
        self.details.setText(f"{reason}\n\nNothing was changed.")
        self.close_button.setText("Close")
        self.close_button.setAccessibleName("Close")
        self.install_button.hide()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()
        announce(self, f"This pack was not installed. {reason}")

    def _install(self) -> None:
        staged = self._staged
        assert staged is not None
        self.install_button.setEnabled(False)
        self.close_button.setEnabled(False)  # the rename and registry switch are quick
        self.progress.show()
        self._title.setText(f"Installing {staged.title}")
        self._in_background(lambda: install_staged(staged, self._learner.data_dir),
                            self._installed)  # fmt: skip

    def _installed(self, result: object) -> None:
        self.progress.hide()
        self.close_button.setEnabled(True)
        if isinstance(result, Exception):
            self._refused(result)
            return
        staged = self._staged
        assert staged is not None
        self._done = True
        self._learner.take_in_pack(staged.folder, staged.pack_id)
        self._title.setText("Installed")
        self.details.setText(
            f"{staged.title} {staged.version} is installed: its {staged.module_count} "
            "modules are in the Library."
        )
        self.close_button.setText("Close")
        self.close_button.setAccessibleName("Close")
        self.install_button.hide()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()
        announce(self, self.details.text())
        self.installed.emit()

    def reject(self) -> None:
        if not self.close_button.isEnabled():
            return  # installing: Escape waits for the switch to finish
        self._cancelled = True
        if self._staged is not None and not self._done:
            self._staged.discard()  # checked but not installed: leave no staging folder
        super().reject()
