"""Marks the sentence and the word being read aloud in a text view, and keeps them in sight.

Extra selections only: the document and the learner's own selection are never changed.
The word is shown by colour and an underline, so it does not rely on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.ui.palettes import Colours, spoken_sentence_background

SCROLL_MS = 250


class SpeechHighlight:
    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.sentence: tuple[int, int] | None = None
        self.word: tuple[int, int] | None = None
        self._animation: QPropertyAnimation | None = None

    def show(
        self,
        sentence: tuple[int, int] | None,
        word: tuple[int, int] | None,
        style: str,
        colours: Colours,
        reduce_motion: bool,
    ) -> None:
        self.sentence, self.word = sentence, word
        selections = []
        if sentence and style in ("sentence_and_word", "sentence"):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(spoken_sentence_background(colours)))
            fmt.setForeground(QColor(colours.text))
            selections.append(self._selection(sentence, fmt))
        if word and style in ("sentence_and_word", "word"):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colours.highlight))
            fmt.setForeground(QColor(colours.highlight_text))
            fmt.setFontUnderline(True)
            selections.append(self._selection(word, fmt))
        self.view.setExtraSelections(selections)
        spoken = word or sentence
        if spoken:
            self._keep_in_sight(spoken[0], reduce_motion)

    def clear(self) -> None:
        self.sentence = self.word = None
        self.view.setExtraSelections([])

    def _selection(self, span: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection

    def _keep_in_sight(self, position: int, reduce_motion: bool) -> None:
        """Scroll only when the spoken line nears an edge, then put it a third of the way down."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        line = self.view.cursorRect(cursor)
        height = self.view.viewport().height()
        margin = min(line.height() * 2, height // 4)
        if margin <= line.top() and line.bottom() <= height - margin:
            return
        bar = self.view.verticalScrollBar()
        target = max(bar.minimum(), min(bar.maximum(), bar.value() + line.top() - height // 3))
        if reduce_motion:
            bar.setValue(target)
            return
        if self._animation is not None:
            self._animation.stop()
        self._animation = QPropertyAnimation(bar, b"value", self.view)
        self._animation.setDuration(SCROLL_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.setEndValue(target)
        self._animation.start()
