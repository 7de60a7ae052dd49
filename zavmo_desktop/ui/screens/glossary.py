"""The glossary: every key term of the loaded modules, searchable, with its definitions,
the module each comes from (and a button to open it), and read-aloud.

It opens from the Library's "Glossary" button and from the reader's look-up; it is not a
navigation button (COMMON.md), so the navigation shows Library while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.glossary.glossary import Entry
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.glossary_text import entry_html
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.problem_list import ProblemList
from zavmo_desktop.ui.widgets.search_box import SearchBox
from zavmo_desktop.ui.widgets.spoken_text import ReadTextButton, SpokenText
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

SEARCH_DELAY_MS = 150
SIDE_BY_SIDE_CHARS = 75  # narrower than this (200% text), the definition goes under the list
INTRO = "Key terms from every module, each with a plain definition."


class TermList(ProblemList):
    """Each term shown whole, wrapped at 200% text; as tall as the room it is given."""

    def _follow_text_size(self) -> None:
        pass


class GlossaryScreen(QWidget):
    def __init__(
        self, learner: Learner, open_module: Callable[[Module], None], read_aloud: ReadAloud
    ) -> None:
        super().__init__()
        self._learner = learner
        self._open_module = open_module
        self._entries: list[Entry] = []
        self.setAccessibleName("Glossary screen")
        column = QVBoxLayout(self)
        column.addWidget(heading("Glossary"))
        column.addWidget(paragraph(INTRO))
        column.addLayout(self._build_search_row())
        self.count = paragraph()
        column.addWidget(self.count)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.terms = TermList()
        self.terms.setAccessibleName("Terms")
        self.terms.setAccessibleDescription("Choose a term to read its definition")
        self.terms.currentRowChanged.connect(self._show_row)
        self.terms.itemActivated.connect(lambda _item: self._open_first_module())
        self._body.addWidget(self.terms, 2)
        self._body.addWidget(self._build_details(learner, read_aloud), 3)
        column.addLayout(self._body, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.run_search()

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("&Search:")
        self.search = SearchBox(
            "Search the glossary",
            "Type a word to find in the terms and their definitions",
            "Empties the search box and lists every term",
        )
        label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_then_list)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        return row

    def _build_details(self, learner: Learner, read_aloud: ReadAloud) -> QWidget:
        scroll = page_scroll()  # a long entry at 200% text scrolls; the list stays put
        inner = QWidget()
        self._details = QVBoxLayout(inner)
        self._details.setContentsMargins(0, 0, 0, 0)
        self.definition = SpokenText("Definition", learner.settings)
        self._details.addWidget(self.definition)
        self.read = ReadTextButton("Read definition aloud", read_aloud, self.definition)
        self._details.addWidget(self.read, 0, Qt.AlignmentFlag.AlignLeft)
        self._details.addWidget(self.read.status)
        self._sources = QVBoxLayout()
        self._details.addLayout(self._sources)
        self._details.addStretch(1)
        self.open_buttons: list[WrappingButton] = []
        scroll.setWidget(inner)
        return scroll

    # What the learner does -----------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        self._entries = self._learner.glossary.search(text)
        self.terms.blockSignals(True)
        self.terms.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry.term)
            if entry.in_several_modules:
                item.setToolTip(f"Defined in {len(entry.definitions)} modules")
            self.terms.addItem(item)
        self.terms.blockSignals(False)
        self.count.setText(self._count_words(text))
        self.terms.setCurrentRow(0 if self._entries else -1)
        self._show_row(self.terms.currentRow())

    def _count_words(self, text: str) -> str:
        count = len(self._entries)
        if not text:
            return f"{count} terms" if count else "No key terms are in the modules loaded."
        if not count:
            return f"No terms match “{text}”. Try fewer or shorter words."
        return f"{count} term{'s' if count != 1 else ''} match “{text}”"

    def _search_then_list(self) -> None:
        self.run_search()
        if self._entries:
            self.terms.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_term(self, term: str) -> None:
        """List every term with `term` chosen (from the reader's look-up)."""
        self.search.clear()
        self.run_search()
        for row, entry in enumerate(self._entries):
            if entry.term == term:
                self.terms.setCurrentRow(row)
        self.terms.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    @property
    def entry(self) -> Entry | None:
        row = self.terms.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _show_row(self, _row: int) -> None:
        self.read.stop()  # its words belong to the entry shown before
        entry = self.entry
        self.definition.setVisible(entry is not None)
        self.read.setVisible(entry is not None)
        self.definition.show_html(entry_html(entry) if entry else "")
        self._show_sources(entry)

    def _show_sources(self, entry: Entry | None) -> None:
        for button in self.open_buttons:
            self._sources.removeWidget(button)
            button.hide()  # at once: deletion waits for the event loop
            button.deleteLater()
        self.open_buttons = []
        modules = [] if entry is None else list(dict.fromkeys(
            (d.module_id, d.module_title) for d in entry.definitions))  # fmt: skip
        for module_id, title in modules:
            button = WrappingButton(f"Open {title}".replace("&", "&&"))
            button.setAccessibleName(f"Open the module {title}")
            button.setAccessibleDescription("Opens the module this definition comes from")
            button.clicked.connect(lambda _=False, mid=module_id: self._open(mid))
            self._sources.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.open_buttons.append(button)

    def _open_first_module(self) -> None:
        if self.entry is not None:
            self._open(self.entry.definitions[0].module_id)

    def _open(self, module_id: str) -> None:
        module = self._learner.module(module_id)
        if module is not None:
            self._open_module(module)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        sample = "the quick brown fox jumps over a lazy dog "  # spacing included, as read
        per_char = self.fontMetrics().horizontalAdvance(sample) / len(sample)
        wide = self.width() >= SIDE_BY_SIDE_CHARS * per_char
        wanted = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._body.direction() != wanted:
            self._body.setDirection(wanted)
            self._body.setStretch(0, 2 if wide else 1)  # one under the other: room to read
