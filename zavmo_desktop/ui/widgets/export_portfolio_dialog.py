"""Export portfolio: choose PDF, HTML or JSON, which personal details go in, and the file;
the export runs in a child process (ui/export_run.py) with its progress shown, and Cancel
stops it at once and removes what it had begun to write."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.export_run import ExportRequest, ExportRun
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.look_dialog import LookFollowingDialog

FORMATS = (
    ("pdf", "PDF", "PDF: to print or send"),
    ("html", "HTML", "HTML: one web page file"),
    ("json", "JSON", "JSON: the data itself"),
)
DETAILS = (("name", "Include my name"), ("role", "Include my role"),
           ("organisation", "Include my organisation"))  # fmt: skip
FILTERS = {"pdf": "PDF files (*.pdf)", "html": "Web pages (*.html)", "json": "JSON files (*.json)"}
LINE_CHARS = 64


def named(widget: Any, name: str) -> Any:
    widget.setAccessibleName(name)
    return widget


class ExportPortfolioDialog(LookFollowingDialog):
    line_chars = LINE_CHARS

    def __init__(
        self, learner: Learner, parent: QWidget | None = None, content: Sequence[Path] = ()
    ) -> None:
        super().__init__(learner.settings, parent)
        self._learner, self._content = learner, tuple(content)
        self.run: ExportRun | None = None
        self.setWindowTitle("Export portfolio")
        self.setAccessibleName("Export portfolio")
        column = QVBoxLayout(self)
        column.addWidget(heading("Export portfolio"))
        column.addWidget(paragraph("Save your portfolio as a file. Nothing personal goes in "
                                   "unless you tick it below."))  # fmt: skip
        self.programme = self._programme_choice(column)
        column.addWidget(self._format_choice())
        column.addWidget(self._details_choice())
        column.addLayout(self._file_choice())
        self.progress = named(QProgressBar(), "Export progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        column.addWidget(self.progress)
        self.status = named(paragraph(""), "Export result")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        column.addWidget(self.status)
        column.addLayout(self._buttons())
        self._restyle()

    def _programme_choice(self, column: QVBoxLayout) -> QComboBox | None:
        packs = self._learner.library.packs
        if len(packs) < 2:
            return None  # one programme: nothing to choose
        box = named(QComboBox(), "Programme")
        role = self._learner.profile.load().role
        for pack in packs:
            box.addItem(pack.manifest.title, pack.manifest.id)
            if pack.manifest.id == role:
                box.setCurrentIndex(box.count() - 1)
        label = QLabel("&Programme")
        label.setBuddy(box)
        column.addWidget(label)
        column.addWidget(box)
        return box

    def _format_choice(self) -> QGroupBox:
        group = named(QGroupBox("Format"), "Format")
        rows = QVBoxLayout(group)
        self.formats = QButtonGroup(self)
        for n, (key, name, words) in enumerate(FORMATS):
            button = named(QRadioButton(words), name)
            button.setProperty("format", key)
            button.setProperty("role", "reply-choice")  # the app's large radio with a focus ring
            button.setChecked(n == 0)
            self.formats.addButton(button, n)
            rows.addWidget(button)
        self.formats.idToggled.connect(lambda _id, on: on and self._match_suffix())
        return group

    def _details_choice(self) -> QGroupBox:
        group = named(QGroupBox("Personal details to include"), "Personal details to include")
        rows = QVBoxLayout(group)
        self.details: dict[str, QCheckBox] = {}
        for key, words in DETAILS:
            self.details[key] = named(QCheckBox(words), words)
            rows.addWidget(self.details[key])
        return group

    def _file_choice(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        label = QLabel("&File to save")
        self.file = named(QLineEdit(), "File to save")
        label.setBuddy(self.file)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.file.setText(str(Path(folder or Path.home()) / "portfolio.pdf"))
        self.choose = named(QPushButton("Choose file…"), "Choose file")
        self.choose.clicked.connect(self._choose_file)
        line = QHBoxLayout()
        line.addWidget(self.file, 1)
        line.addWidget(self.choose)
        rows.addWidget(label)
        rows.addLayout(line)
        return rows

    def _buttons(self) -> QHBoxLayout:
        self.export_button = named(QPushButton("Export"), "Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = named(QPushButton("Cancel"), "Cancel")
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        return row

    def chosen_format(self) -> str:
        return str(self.formats.checkedButton().property("format"))

    def _match_suffix(self) -> None:
        text = self.file.text().strip()
        if text:
            self.file.setText(str(Path(text).with_suffix(f".{self.chosen_format()}")))

    def _choose_file(self) -> None:
        fmt = self.chosen_format()
        chosen, _ = QFileDialog.getSaveFileName(self, "Save portfolio as", self.file.text(),
                                                FILTERS[fmt])  # fmt: skip
        if chosen:
            self.file.setText(str(Path(chosen).with_suffix(f".{fmt}")))

    def start_export(self) -> None:
        text = self.file.text().strip()
        if not text:
            self._tell("Choose where to save the portfolio first.")
            self.file.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        out = Path(text).expanduser().with_suffix(f".{self.chosen_format()}")
        self.file.setText(str(out))
        self.run = ExportRun(ExportRequest(
            self._learner.data_dir, out, self.chosen_format(),
            frozenset(key for key, box in self.details.items() if box.isChecked()),
            self.programme.currentData() if self.programme else "", self._content,
        ), self)  # fmt: skip
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._finished)
        self._set_running(True)
        self.progress.setValue(0)
        self._tell(f"Exporting to {out}…")
        self.run.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.choose, self.file, *self.details.values(),
                       *self.formats.buttons()):  # fmt: skip
            widget.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setText("Cancel" if running or self.run is None else "Close")
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _progressed(self, percent: int, words: str) -> None:
        self.progress.setValue(percent)
        self.progress.setFormat(f"{percent}%: {words}")

    def _finished(self, saved: bool, message: str) -> None:
        self._set_running(False)
        self._tell(message)

    def _tell(self, message: str) -> None:
        self.status.setText(message)
        self._fit()
        announce(self, message)

    def reject(self) -> None:
        """Cancel: while exporting it stops the export (the dialog stays to say so)."""
        if self.run is not None and self.run.running:
            self.run.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is not None and self.run.running:
            self.run.cancel()
            self.run.process.waitForFinished(2000)  # closing: nothing half-written stays
        super().closeEvent(event)

    def _fit(self) -> None:
        # Not fit_dialog: with no height-for-width here, -1 leaves Qt's own minimum height
        # (the wrapped radio labels at 200%), where a size hint would cut them.
        width = self.fontMetrics().averageCharWidth() * LINE_CHARS
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() * 9 // 10)
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else self.height()
        self.setMinimumSize(width, height)
        self.resize(width, height)
