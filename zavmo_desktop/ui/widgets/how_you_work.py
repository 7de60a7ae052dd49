"""The optional statements about how the learner works best, as tick boxes by topic."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel

from zavmo_desktop.core.profile.how_i_work import TOPICS
from zavmo_desktop.core.profile.model import LearnerProfile
from zavmo_desktop.ui.widgets.about_button import about_button
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.profile_fields import FieldGroup

INTRO = (
    "These questions are optional. Tick what is true for you, and leave the rest. "
    "Your answers stay on this computer and only suggest settings: nothing changes "
    "unless you choose it."
)


class _BoxLabel(QLabel):
    """A statement beside its box, wrapping at 200% text; clicking it ticks the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class HowYouWork(FieldGroup):
    FIELDS = ("how_i_work",)

    def __init__(self, open_about: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.column.addWidget(paragraph(INTRO))
        if open_about is not None:
            self.column.addWidget(about_button(open_about), 0, Qt.AlignmentFlag.AlignLeft)
        self.boxes: dict[str, QCheckBox] = {}
        for topic in TOPICS:
            self.column.addWidget(heading(topic.title, role="subheading"))
            grid = QGridLayout()
            grid.setColumnStretch(1, 1)
            for row, statement in enumerate(topic.statements):
                box = QCheckBox()
                box.setAccessibleName(statement.text)
                box.toggled.connect(self.edited)
                grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(_BoxLabel(statement.text, box), row, 1)
                self.boxes[statement.id] = box
            self.column.addLayout(grid)
        self.column.addStretch(1)
        self._unknown: tuple[str, ...] = ()

    def show_profile(self, profile: LearnerProfile) -> None:
        # Answers this version does not know (from a newer one) are kept, never dropped.
        self._unknown = tuple(a for a in profile.how_i_work if a not in self.boxes)
        for statement_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(statement_id in profile.how_i_work)
            box.blockSignals(False)

    def read(self, profile: LearnerProfile) -> LearnerProfile:
        ticked = tuple(sid for sid, box in self.boxes.items() if box.isChecked())
        return profile.but(how_i_work=ticked + self._unknown)

    def first_field(self) -> QCheckBox:
        return next(iter(self.boxes.values()))
