"""The reader's look-up: the glossary's definition of the term at the caret or selected,
in a panel under the text, which can be read aloud and closes with Escape, giving the
focus back to where it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.glossary.glossary import Entry, Glossary
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.glossary_text import (
    NOT_FOUND_HINT,
    entry_html,
    not_found_html,
    not_found_text,
)
from zavmo_desktop.ui.widgets.labels import heading
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.spoken_text import ReadTextButton, SpokenText

LOOK_UP_KEYS = "Ctrl+D"
_PARAGRAPH_BREAK = "\u2029"  # how QTextCursor.selectedText() writes a new paragraph


def looked_up(glossary: Glossary, cursor: QTextCursor) -> tuple[Entry | None, str]:
    """The entry for the selected words, or for the term written around the caret; and
    the words the learner pointed at (for "... is not in the glossary")."""
    block = cursor.block()
    if cursor.hasSelection():
        words = cursor.selectedText().replace(_PARAGRAPH_BREAK, " ")
        entry = glossary.entry(words)
        start = cursor.selectionStart()
        if entry is None and block.contains(start) and block.contains(cursor.selectionEnd()):
            entry = glossary.term_at(block.text(), start - block.position())
        return entry, words
    entry = glossary.term_at(block.text(), cursor.positionInBlock())
    word = QTextCursor(cursor)
    word.select(QTextCursor.SelectionType.WordUnderCursor)
    return entry, word.selectedText()


class TermLookup(QFrame):
    def __init__(
        self,
        glossary: Callable[[], Glossary],
        settings: Settings,
        read_aloud: ReadAloud,
        open_glossary: Callable[[str], None] | None,
    ) -> None:
        super().__init__()
        self._glossary = glossary
        self._open_glossary = open_glossary
        self._return_to: QWidget | None = None
        self.entry: Entry | None = None
        self.setProperty("role", "practice-box")  # the boxed look the practice panel has
        self.setAccessibleName("Glossary look-up")
        column = QVBoxLayout(self)
        self.title = heading("", role="subheading")
        column.addWidget(self.title)
        self.text = SpokenText("Definition", settings)
        column.addWidget(self.text)
        self.read = ReadTextButton("Read definition aloud", read_aloud, self.text)
        self.in_glossary = self._button("Open in glossary", self._go_to_glossary)
        self.close_button = self._button("Close definition", self.close_lookup)
        self.close_button.setAccessibleDescription("Closes the definition (Escape)")
        column.addWidget(ReflowRow([self.read, self.in_glossary, self.close_button]))
        self.in_glossary.setVisible(open_glossary is not None)  # once it has a parent
        column.addWidget(self.read.status)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_lookup)
        self.hide()

    def _button(self, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        return button

    def look_up(self, view: QTextEdit) -> None:
        """Show the definition of the term at `view`'s caret or selection."""
        if not self.isVisible():
            self._return_to = QApplication.focusWidget() or view
        self.read.stop()
        self.entry, words = looked_up(self._glossary(), view.textCursor())
        if self.entry is not None:
            self.title.setText(f"Glossary: {self.entry.term}")
            self.text.show_html(entry_html(self.entry, with_term=False))  # the title has it
            said = self.entry.spoken()
        else:
            self.title.setText("Not in the glossary")
            self.text.show_html(not_found_html(words))
            said = f"{not_found_text(words)} {NOT_FOUND_HINT}"
        self.in_glossary.setText("Open in glossary" if self.entry else "Open the glossary")
        self.in_glossary.setAccessibleName(self.in_glossary.text())
        self.show()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, said)
        QTimer.singleShot(0, lambda: self._bring_into_view(view))

    def _bring_into_view(self, view: QTextEdit) -> None:
        """The word looked up and the whole panel in view, once the text made room for it:
        at 200% text the reader's page scrolls, and the panel starts below the window."""
        view.ensureCursorVisible()
        page = self.parentWidget()
        while page is not None and not isinstance(page, QScrollArea):
            page = page.parentWidget()
        if page is not None:
            page.widget().layout().activate()  # where the panel is now, not before it showed
            top = self.mapTo(page.widget(), QPoint(0, 0)).y()
            page.ensureVisible(0, top + self.height(), 0, 0)
            page.ensureVisible(0, top, 0, 0)  # the top wins when the whole cannot show

    def close_lookup(self) -> None:
        self.read.stop()
        self.hide()
        back, self._return_to = self._return_to, None
        if back is not None:
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go_to_glossary(self) -> None:
        if self._open_glossary is not None:
            term = self.entry.term if self.entry else ""
            self.read.stop()
            self.hide()
            self._return_to = None
            self._open_glossary(term)


def bind_look_up(screen: QWidget, action: Callable[[], None]) -> None:
    """Ctrl+D anywhere on the screen (the reader) looks up the term at the caret."""
    shortcut = QShortcut(QKeySequence(LOOK_UP_KEYS), screen)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(action)
