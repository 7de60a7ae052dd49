"""Settings, Your data: export all of it, erase all of it, read what is kept and where."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.own_data.export import ExportError, ExportSummary, export_all
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.widgets.erase_dialog import ERASE, EraseDialog
from zavmo_desktop.ui.widgets.labels import paragraph

EXPORT = "Export all my data"
PRIVACY = "Privacy"
STILL_SAVING = "Zavmo is still saving your data."


class OwnDataPanel(QWidget):
    def __init__(
        self, data_dir: Path, show_privacy: Callable[[], None], erase: Callable[[], None]
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._erase = erase
        self.erase_dialog: EraseDialog | None = None  # while it is open
        self.exporting = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            paragraph(f"Everything Zavmo keeps about you is on this computer, in {data_dir}.")
        )
        self.export_button = self._button(EXPORT, self._choose_export_file, column)
        self.status = paragraph()
        self.status.hide()  # until there is something to say: no gap between the buttons
        column.addWidget(self.status)
        self.erase_button = self._button(ERASE, self.ask_to_erase, column)
        self.privacy_button = self._button(PRIVACY, show_privacy, column)

    def _button(self, name: str, action: Callable[[], None], column: QVBoxLayout) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return button

    def _choose_export_file(self) -> None:
        suggested = str(Path.home() / f"my-zavmo-data-{date.today().isoformat()}.zip")
        name, _ = QFileDialog.getSaveFileName(self, EXPORT, suggested, "Zip files (*.zip)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """The seam the file dialog calls (and tests call). Off the GUI thread: a big
        portfolio takes 0.2 s or more to pack."""
        if self.exporting:
            self._tell(STILL_SAVING)
            return
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        self.exporting = True
        self._tell("Saving all your data…")
        data_dir = self._data_dir
        run_in_background(lambda: export_all(data_dir, path), self._exported, self._not_exported)

    def _exported(self, summary: ExportSummary) -> None:
        self.exporting = False
        self._tell(f"All your data is saved in {summary.path}. "
                   "README.txt inside says what each file is.")  # fmt: skip

    def _not_exported(self, error: BaseException) -> None:
        self.exporting = False
        if not isinstance(error, ExportError):
            raise error
        self._tell(str(error))

    def ask_to_erase(self) -> None:
        if self.exporting:  # the export reads the files that erasing removes
            self._tell(f"{STILL_SAVING} Erase all my data once it is done.")
            return
        dialog = self.erase_dialog = EraseDialog(str(self._data_dir), self)
        dialog.accepted.connect(self._erase)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()  # window-modal; the learner's answer arrives by signal

    def _dialog_closed(self) -> None:
        self.erase_dialog = None
        if self.isVisible():  # (not after an erase: a new window has taken over)
            self.window().activateWindow()  # the dialog had it; not every platform gives it back
            self.erase_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tell(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
        announce(self.status, message)
