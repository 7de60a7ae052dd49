"""A module's practice conversations: what each is, how far the learner got, and a button.

Each entry says its title, its kind in words, its summary and its status ("Not started",
"In progress at turn 3", "Finished on 14 March 2025"), with one button that opens it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.conversation.kinds import type_name
from zavmo_desktop.core.conversation.session import practice_status
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.labels import heading, paragraph


class PracticePanel(QWidget):
    def __init__(
        self, learner: Learner, open_conversation: Callable[[Module, Conversation], None]
    ) -> None:
        super().__init__()
        self._learner = learner
        self._open = open_conversation
        self._module: Module | None = None
        self.setAccessibleName("Practice conversations")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = page_scroll()  # at 200% text two entries are taller than the tab
        outer.addWidget(scroll)
        page = QWidget()
        self._layout = QVBoxLayout(page)
        scroll.setWidget(page)
        self.buttons: list[QPushButton] = []

    @property
    def module(self) -> Module | None:
        return self._module

    def show_module(self, module: Module) -> None:
        self._module = module
        self.refresh()

    def refresh(self) -> None:
        """Build the list again: the statuses change as the learner practises."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()
        self.buttons = []
        module = self._module
        if module is None:
            return
        if not module.conversations:
            self._layout.addWidget(paragraph("This module has no practice conversations."))
        for conversation in module.conversations:
            self._layout.addWidget(self._entry(module, conversation))
        self._layout.addStretch(1)

    def _entry(self, module: Module, conversation: Conversation) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        column.addWidget(heading(conversation.title, role="subheading"))
        status = practice_status(self._learner.conversations, module.id, conversation.id)
        kind = paragraph(f"{type_name(conversation.type)}. {status.describe()}.")
        column.addWidget(kind)
        if conversation.summary:
            column.addWidget(paragraph(conversation.summary))
        verb = "Continue" if status.state == "in_progress" else "Practise"
        button = QPushButton(verb)
        button.setAccessibleName(f"{verb}: {conversation.title}")
        button.setAccessibleDescription(status.describe())
        button.clicked.connect(lambda _=False, c=conversation: self._open(module, c))
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons.append(button)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
