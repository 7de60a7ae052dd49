"""After feedback on a written answer: what a strong answer also includes, and a check box
per point for the learner to say "I believe I covered this".

What the learner ticks is their own claim. It is saved and shown as "You said you covered",
never with the mark the app uses for what it found.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zavmo_desktop.ui.widgets.labels import paragraph

CLAIM_PREFIX = "I believe I covered this: "
EXPLANATION = (
    "The app only looks for certain words, so it can miss a point you made in your own way. "
    "If you believe your answer covers a point below, tick it. It is saved as what you said, "
    "not as something the app found."
)


class _PointLabel(QLabel):
    """The wrapped text of one point; clicking it ticks the box, as a box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)  # rubric points are pack text
        self.setWordWrap(True)
        self.setBuddy(box)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


class ClaimBox(QGroupBox):
    """Check boxes for the points the app did not find; `claimed` says which are ticked."""

    claimed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("A strong answer also includes", parent)
        self.setAccessibleName("A strong answer also includes")
        self.setAccessibleDescription(EXPLANATION)
        self._layout = QVBoxLayout(self)
        self.explanation = paragraph(EXPLANATION)
        self._layout.addWidget(self.explanation)
        self.boxes: list[QCheckBox] = []
        self._rows: list[QWidget] = []

    def set_points(self, points: Sequence[str], ticked: Sequence[str] = ()) -> None:
        for row in self._rows:
            row.hide()  # at once: deletion waits for the event loop
            row.deleteLater()
        self.boxes, self._rows = [], []
        for point in points:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox()
            box.setAccessibleName(CLAIM_PREFIX + point)
            box.setProperty("point", point)
            box.setChecked(point in ticked)
            box.toggled.connect(lambda _on: self.claimed.emit(self.ticked()))
            line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(_PointLabel(CLAIM_PREFIX + point, box), 1)
            self._layout.addWidget(row)
            self.boxes.append(box)
            self._rows.append(row)

    def ticked(self) -> list[str]:
        return [str(box.property("point")) for box in self.boxes if box.isChecked()]

    def focus_first(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)


class ReviewPanel(QWidget):
    """What the learner sees while reviewing feedback: the claim boxes, then what next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.claims = ClaimBox()
        self.advice = paragraph()
        self.advice.setProperty("role", "practice-box")
        layout.addWidget(self.claims)
        layout.addWidget(self.advice)

    def show_review(self, missed: Sequence[str], ticked: Sequence[str], advice: str) -> None:
        self.claims.set_points(missed, ticked)
        self.claims.setVisible(bool(missed))
        self.advice.setText(advice)
