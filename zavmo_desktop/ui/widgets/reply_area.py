"""Where the learner answers: one of the offered replies, or their own words.

Choices are radio buttons whose text wraps (in a label beside each button, which also
selects it when clicked); a written answer goes in a plain text box. Both carry the
accessible name "Your reply". Nothing here hurries the learner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Reply
from zavmo_desktop.ui.widgets.labels import paragraph, plain

REPLY_NAME = "Your reply"


class _ChoiceLabel(QLabel):
    """The wrapped text of one choice; clicking it picks the choice, as a button's text does."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        plain(self)  # the reply's words, never markup
        self.setWordWrap(True)
        self.setProperty("role", "reply-choice")
        self.setBuddy(button)
        self._button = button
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._button.setChecked(True)
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


class ChoiceGroup(QGroupBox):
    """The replies on offer as radio buttons. The arrow keys move to a reply and choose it,
    as in any radio group (Qt's own only moves the focus until one is chosen), so
    Ctrl+Return can send it."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Your reply: choose one", parent)
        self.setAccessibleName(REPLY_NAME)
        self._layout = QVBoxLayout(self)
        self._group = QButtonGroup(self)
        self._group.idToggled.connect(self._toggled)
        self.buttons: list[QRadioButton] = []
        self._labels: list[_ChoiceLabel] = []

    def set_replies(self, replies: tuple[Reply, ...]) -> None:
        for button in self.buttons:
            self._group.removeButton(button)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()
        self.buttons, self._labels = [], []
        for number, reply in enumerate(replies):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            button = QRadioButton()
            button.setProperty("role", "reply-choice")
            button.setAccessibleName(reply.text)
            button.setAccessibleDescription(f"Reply {number + 1} of {len(replies)}")
            label = _ChoiceLabel(reply.text, button)
            self._group.addButton(button, number)
            button.installEventFilter(self)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self._layout.addWidget(row)
            self.buttons.append(button)
            self._labels.append(label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            step = _STEPS.get(event.key())  # type: ignore[attr-defined]
            if step is not None and not event.modifiers():  # type: ignore[attr-defined]
                self._choose(self.buttons.index(watched) + step)  # type: ignore[arg-type]
                return True
        return False

    def _choose(self, number: int) -> None:
        button = self.buttons[number % len(self.buttons)]  # round from last to first
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> int:
        return self._group.checkedId()

    def focus_first(self) -> None:
        target = self._group.checkedButton() or (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggled(self, number: int, checked: bool) -> None:
        if 0 <= number < len(self._labels):
            label = self._labels[number]
            label.setProperty("checked", checked)
            label.style().unpolish(label)
            label.style().polish(label)
        if checked:
            self.chosen.emit(number)


class AnswerBox(QWidget):
    """A written answer: the prompt above, the text box below; Tab leaves the box."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prompt = paragraph()
        self.prompt.setProperty("role", "subheading")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(REPLY_NAME)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("Write your answer here, in your own words.")
        self.prompt.setBuddy(self.editor)
        self.editor.textChanged.connect(lambda: self.edited.emit(self.editor.toPlainText()))
        layout.addWidget(self.prompt)
        layout.addWidget(self.editor)

    def set_prompt(self, prompt: str) -> None:
        self.prompt.setText(prompt or "Your answer, in your own words")
        self.editor.setAccessibleDescription(prompt)

    def set_text(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)

    def text(self) -> str:
        return self.editor.toPlainText()

    def fit_lines(self, lines: int = 5) -> None:
        metrics = self.editor.fontMetrics()
        chrome = self.editor.frameWidth() * 2 + 24
        self.editor.setFixedHeight(metrics.lineSpacing() * lines + chrome)


class _Watcher(QObject):
    """Calls back when the watched widget's font changes, to size the box in lines."""

    def __init__(self, box: AnswerBox) -> None:
        super().__init__(box)
        self._box = box
        box.editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._box.fit_lines()
        return False


def watch_font(box: AnswerBox) -> None:
    _Watcher(box)
    box.fit_lines()
