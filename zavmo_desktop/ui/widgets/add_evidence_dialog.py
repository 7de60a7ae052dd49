"""Add evidence: the learner's own words, a link or a file, mapped to the criteria it shows.

Keyboard only: the kind is three radio buttons (arrow keys), the words and the list of
criteria are left with Tab, Space ticks a criterion, Enter in a one-line field adds, and
Escape or Cancel closes without adding. A problem is shown in the dialog, in words, and
announced; what the learner typed stays. A file is judged and copied off the GUI thread
(core/portfolio/attachments.py); the original is only read, never opened with a program.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.portfolio.attachments import ALLOWED_TYPES, MAX_FILE_BYTES, KeptFile
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, Problem, classify, explain
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.criteria_picker import CriteriaPicker
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph

ADD_EVIDENCE = "Add evidence"
KINDS = ("Text", "Link", "File")
CRITERIA = "Criteria this evidence shows"
NO_FILE = "No file chosen yet."
UNMAPPED = (
    "No criteria ticked: it will show in your portfolio as not linked to any criterion. "
    "You can still add it."
)
FILE_FILTER = (
    "Documents and images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.txt *.md *.csv *.docx "
    "*.xlsx *.pptx *.odt);;All files (*)"
)


def not_saved_text(error: BaseException, folder: Path, again: str) -> str:
    """Why nothing was saved and what to do; the dialog keeps what was typed."""
    problem = classify(error, folder)
    if problem is Problem.DISK_FULL:
        return (f"The disk is full, so nothing was saved. Free some space, then choose "
                f"{again} again. What you typed is still here.")  # fmt: skip
    return f"{explain(problem, folder)} Nothing was saved; what you typed is still here."


def ticked_text(count: int) -> str:
    if count == 0:
        return UNMAPPED
    return f"{count} {'criterion' if count == 1 else 'criteria'} ticked."


class AddEvidenceDialog(QDialog):
    added = Signal(int)  # the new evidence item's id

    def __init__(
        self, learner: Learner, framework: Framework, parent: QWidget | None = None, *,
        criterion_ids: Collection[str] = (), native_file_dialog: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._learner = learner
        self._native = native_file_dialog
        self._chosen: Path | None = None
        self._copying = False
        self._closed = False
        self.file_dialog: QFileDialog | None = None  # while it is open
        self.setWindowTitle(ADD_EVIDENCE)
        self.setAccessibleName(ADD_EVIDENCE)
        outer = QVBoxLayout(self)
        self.page = page_scroll()  # at 200% text the form can be taller than the screen
        body = QWidget()
        self.page.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page, 1)
        column.addWidget(heading(ADD_EVIDENCE))
        column.addWidget(paragraph(
            "Add something that shows your work: your own words, a link, or a file. It is "
            "kept on this computer. A file is copied in; your original stays where it is."
        ))  # fmt: skip
        column.addWidget(self._kind_choice())
        self.title = self._field(column, QLineEdit(), "Title")
        self.words_part, self.words = self._words_part()
        self.link_part, self.link = self._link_part()
        self.file_part = self._file_part()
        for part in (self.words_part, self.link_part, self.file_part):
            column.addWidget(part)
        self.criteria = CriteriaPicker(framework, CRITERIA, criterion_ids)
        self.criteria.changed.connect(self._show_ticked)
        self._field(column, self.criteria, CRITERIA)
        self.ticked_note = paragraph()
        column.addWidget(self.ticked_note)
        self.problem = paragraph()
        self.problem.setProperty("role", "notice")
        self.problem.hide()
        outer.addWidget(self.problem)  # below the page: always in sight
        outer.addLayout(self._buttons())
        self._show_kind()
        self._show_ticked()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    # Building ------------------------------------------------------------------------

    def _kind_choice(self) -> QGroupBox:
        box = QGroupBox("What are you adding?")
        box.setAccessibleName("What are you adding?")
        row = QHBoxLayout(box)
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        descriptions = ("Your own words", "A web address or an email address",
                        "A document or picture from this computer")  # fmt: skip
        for index, (kind, about) in enumerate(zip(KINDS, descriptions, strict=True)):
            button = QRadioButton(kind)
            button.setAccessibleName(kind)
            button.setAccessibleDescription(about)
            self.kinds.addButton(button, index)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        self.kind_buttons["Text"].setChecked(True)
        self.kinds.idToggled.connect(lambda _id, on: on and self._show_kind())
        return box

    def _field(self, column: QVBoxLayout, field: QWidget, name: str) -> QWidget:
        label = QLabel(f"{name}:")
        label.setBuddy(field)
        label.setWordWrap(True)
        field.setAccessibleName(name)
        column.addWidget(label)
        column.addWidget(field, 1 if isinstance(field, CriteriaPicker) else 0)
        return field

    def _words_part(self) -> tuple[QWidget, QPlainTextEdit]:
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        words = QPlainTextEdit()
        words.setTabChangesFocus(True)  # Tab leaves the words, as it leaves every field
        words.setAccessibleDescription("What you did and what it shows, in your own words.")
        words.setMinimumHeight(words.fontMetrics().lineSpacing() * 4)
        self._field(column, words, "Your words")
        return part, words

    def _link_part(self) -> tuple[QWidget, QLineEdit]:
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        link = QLineEdit()
        link.setAccessibleDescription(
            "A web address starting with http:// or https://, or mailto: and an email "
            "address. Zavmo keeps the link; it does not open it."
        )
        self._field(column, link, "Link address")
        column.addWidget(paragraph(
            "Starts with http://, https:// or mailto:. Zavmo keeps the link as you typed it "
            "and never opens it."
        ))  # fmt: skip
        return part, link

    def _file_part(self) -> QWidget:
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.setAccessibleName("Choose file…")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        column.addLayout(row)
        self.chosen_label = paragraph(NO_FILE)
        self.chosen_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        column.addWidget(self.chosen_label)
        column.addWidget(paragraph(
            f"Files that can be added: {ALLOWED_TYPES}, up to "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB."
        ))  # fmt: skip
        return part

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add")
        self.add_button.setDefault(True)  # Enter in a one-line field adds
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        return row

    # Showing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        fit_dialog(self, page=self.page)
        super().showEvent(event)

    def kind(self) -> str:
        return KINDS[max(0, self.kinds.checkedId())]

    def _show_kind(self) -> None:
        kind = self.kind()
        self.words_part.setVisible(kind == "Text")
        self.link_part.setVisible(kind == "Link")
        self.file_part.setVisible(kind == "File")
        self.problem.hide()
        if self.isVisible():
            fit_dialog(self, page=self.page)

    def _show_ticked(self) -> None:
        self.ticked_note.setText(ticked_text(len(self.criteria.ticked())))

    def _tell(self, message: str, field: QWidget | None = None) -> None:
        self.problem.setText(message)
        self.problem.show()
        if self.isVisible():
            fit_dialog(self, page=self.page)
        announce(self.problem, message, assertive=True)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    # Choosing a file -------------------------------------------------------------------

    def choose_file(self) -> None:
        """The file dialog, window-modal; a shortcut is given as itself, so it is refused
        rather than quietly followed."""
        dialog = self.file_dialog = QFileDialog(self, "Choose a file to add as evidence")
        dialog.setAccessibleName("Choose a file to add as evidence")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(FILE_FILTER)
        dialog.setOption(QFileDialog.Option.DontResolveSymlinks, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self._native)
        dialog.fileSelected.connect(lambda name: self.use_file(Path(name)))
        dialog.finished.connect(self._file_dialog_closed)
        dialog.open()

    def _file_dialog_closed(self) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = None
        self.activateWindow()  # not every platform gives it back from the file dialog
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_file(self, path: Path) -> None:
        self._chosen = path
        self.chosen_label.setText(f"Chosen: {path.name}\nIn: {path.parent}")
        if not self.title.text().strip():
            self.title.setText(path.stem[:80])  # a starting title the learner can change
        self.problem.hide()
        if self.isVisible():
            fit_dialog(self, page=self.page)
        announce(self.chosen_label, f"Chosen: {path.name}")

    # Adding ----------------------------------------------------------------------------

    def add(self) -> None:
        if self._copying:
            return
        from zavmo_desktop.core.portfolio import learner_evidence as own

        title, criteria, kind = self.title.text(), self.criteria.ticked(), self.kind()
        if not " ".join(title.split()):
            self._tell("Give the evidence a title.", self.title)
            return
        try:
            if kind == "Text":
                self._saved(own.add_text(self._learner.evidence, title, self.words.toPlainText(),
                                         criteria))  # fmt: skip
            elif kind == "Link":
                self._saved(own.add_link(self._learner.evidence, title, self.link.text(),
                                         criteria))  # fmt: skip
            else:
                self._copy_file(title, criteria)
        except own.EvidenceRefused as refused:
            self._tell(str(refused), self._field_of(kind, str(refused)))
        except STORAGE_ERRORS as error:
            self._not_saved(error)

    def _field_of(self, kind: str, message: str) -> QWidget:
        if "title" in message:
            return self.title
        return {"Text": self.words, "Link": self.link}.get(kind, self.choose_button)

    def _copy_file(self, title: str, criteria: list[str]) -> None:
        from zavmo_desktop.core.portfolio.attachments import copy_in

        chosen = self._chosen
        if chosen is None:
            self._tell("Choose the file to add first, with Choose file….", self.choose_button)
            return
        data_dir = self._learner.data_dir
        self._set_copying(True)
        run_in_background(
            lambda: copy_in(data_dir, chosen),
            lambda kept: self._copied(kept, title, criteria),
            self._not_copied,
        )

    def _set_copying(self, copying: bool) -> None:
        self._copying = copying
        self.add_button.setEnabled(not copying)
        self.choose_button.setEnabled(not copying)
        if copying:
            self.problem.setText("Checking and copying the file…")
            self.problem.show()
            announce(self.problem, "Checking and copying the file.")

    def _copied(self, kept: KeptFile, title: str, criteria: list[str]) -> None:
        from zavmo_desktop.core.portfolio import learner_evidence as own

        self._set_copying(False)
        if self._closed:  # cancelled while copying: keep no file that nothing refers to
            (self._learner.data_dir / EVIDENCE / kept.name).unlink(missing_ok=True)
            return
        try:
            self._saved(own.add_copied_file(self._learner.evidence, self._learner.data_dir,
                                            kept, title, criteria))  # fmt: skip
        except own.EvidenceRefused as refused:
            self._tell(str(refused), self.title)
        except STORAGE_ERRORS as error:
            self._not_saved(error)

    def _not_copied(self, error: BaseException) -> None:
        from zavmo_desktop.core.portfolio.attachments import EvidenceRefused

        self._set_copying(False)
        if self._closed:
            return
        if not isinstance(error, EvidenceRefused):
            raise error
        self._tell(f"{error} Nothing was added.", self.choose_button)

    def _not_saved(self, error: BaseException) -> None:
        self._tell(not_saved_text(error, self._learner.data_dir, "Add"), self.add_button)

    def _saved(self, evidence_id: int) -> None:
        title = " ".join(self.title.text().split())
        announce(self, f"Added {title} to your portfolio.")
        self.added.emit(evidence_id)
        self.accept()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)


def open_add_evidence(
    parent: QWidget, learner: Learner, framework: Framework, on_added: Callable[[], None],
    criterion_ids: Collection[str] = (),
) -> AddEvidenceDialog:  # fmt: skip
    """Open the dialog over `parent` (window-modal); `on_added` runs once an item is added."""
    dialog = AddEvidenceDialog(learner, framework, parent, criterion_ids=criterion_ids)
    dialog.added.connect(lambda _id: on_added())
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
