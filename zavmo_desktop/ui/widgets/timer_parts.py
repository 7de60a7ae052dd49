"""Parts of the focus timer panel: the "study with me" question, and steady buttons and
labels that wrap to the narrow navigation column."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton


class CompanionDialog(QDialog):
    """One question for "study with me": Enter answers, Escape or Skip leaves it blank."""

    def __init__(self, prompt: str, name: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Study with me")
        self.setAccessibleName("Study with me")
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setAccessibleName(name)
        self.field.setPlaceholderText(hint)
        # Room for a sentence, in the learner's own text size.
        self.field.setMinimumWidth(self.field.fontMetrics().averageCharWidth() * 44)
        label.setBuddy(self.field)
        buttons = QDialogButtonBox()
        ok = buttons.addButton("OK", QDialogButtonBox.ButtonRole.AcceptRole)
        name_button(ok, "OK", "Keep this answer with the session")
        ok.setDefault(True)
        skip = buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        name_button(skip, "Skip", "Carry on without an answer")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (label, self.field, buttons):
            layout.addWidget(widget)

    def answer(self) -> str:
        return self.field.text().strip() if self.result() == QDialog.DialogCode.Accepted else ""


def wrapping_label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # The buttons set the panel's width; labels wrap to it, whatever they say.
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    if role:
        label.setProperty("role", role)
    return label


class SteadyButton(WrappingButton):
    """As wide and as tall as the longest of its texts, so a change of text never moves the
    layout."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        super().__init__(texts[0])
        self._texts = texts

    def texts(self) -> tuple[str, ...]:
        return self._texts


def named_button(text: str, description: str = "") -> QPushButton:
    made = WrappingButton()
    name_button(made, text, description)
    return made


def name_button(button: QPushButton, text: str, description: str) -> None:
    if button.text() != text:
        button.setText(text)
    if button.accessibleName() != text:
        button.setAccessibleName(text)
    if button.accessibleDescription() != description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)


# Set only what changed: nothing repaints or tells a screen reader about a non-change.


def set_text(widget: QLabel, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def set_shown(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)
