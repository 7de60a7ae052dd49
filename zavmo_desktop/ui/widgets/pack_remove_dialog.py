"""Remove a content pack: say what goes and what stays, then remove it on request.

The modules and the pack's files go; the learner's evidence, reflections and progress are
in the database, keyed by ids, and stay in the portfolio. "Keep it" has the focus first,
so a stray Enter removes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.settings import LOOK_KEYS
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.theme import current_stylesheet
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph

LINE_CHARS = 60
KEPT = "Your evidence, reflections and progress from its modules stay in your portfolio."
LATER = "The modules leave the other screens when you next start Zavmo."


def what_happens(title: str, module_count: int) -> str:
    modules = "Its module leaves" if module_count == 1 else f"Its {module_count} modules leave"
    return (f"{modules} the Library and the pack's files are deleted from this "
            f"computer. {KEPT}\n\nTo have the modules back, import the pack again.")  # fmt: skip


class PackRemoveDialog(QDialog):
    removed = Signal()

    def __init__(
        self,
        learner: Learner,
        pack_id: str,
        title: str,
        module_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._learner, self._pack_id, self._pack_title = learner, pack_id, title
        self._refit = QTimer(self, singleShot=True, interval=0)  # first: changeEvent uses it
        self._refit.timeout.connect(self._fit)
        self.setWindowTitle(f"Remove {title}")
        self.setAccessibleName(f"Remove {title}: confirm")
        column = QVBoxLayout(self)
        self._title = heading(f"Remove {title}?")
        column.addWidget(self._title)
        self.details = paragraph(what_happens(title, module_count))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        column.addWidget(self.details)
        self.remove_button = QPushButton("Remove pack")
        self.remove_button.setAccessibleName("Remove pack")
        self.remove_button.setAccessibleDescription(f"Removes {title}; your evidence stays")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove)
        self.keep_button = QPushButton("Keep it")
        self.keep_button.setAccessibleName("Keep it")
        self.keep_button.setAccessibleDescription("Closes this and changes nothing")
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self._look_changed = QTimer(self, singleShot=True, interval=0)
        self._look_changed.timeout.connect(self._restyle)
        listener = self._setting_changed
        learner.settings.subscribe(listener)
        self.destroyed.connect(lambda: learner.settings.unsubscribe(listener))
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        self._restyle()  # the look as it is now, should it have changed since it was made
        super().showEvent(event)
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit.start()  # once the children have their new font too
        super().changeEvent(event)

    def _setting_changed(self, key: str, _value: object) -> None:
        if key in LOOK_KEYS:
            self._look_changed.start()  # after the main window has applied the new look

    def _restyle(self) -> None:
        # Its own copy: the window keeps the stylesheet on its parts, not on itself.
        self.setStyleSheet(current_stylesheet())
        self._fit()

    def _fit(self) -> None:
        fit_dialog(self, LINE_CHARS)

    def _remove(self) -> None:
        try:
            self._learner.remove_installed_pack(self._pack_id)
        except OSError as error:
            self._finish("The pack was not removed",
                         f"{error.strerror or error}. Nothing else was changed.")  # fmt: skip
            return
        self._finish(
            "Removed", f"{self._pack_title} is removed: its modules have left the Library. "
            f"{KEPT} {LATER}"
        )  # fmt: skip
        self.removed.emit()

    def _finish(self, title: str, text: str) -> None:
        self._title.setText(title)
        self.details.setText(text)
        self.remove_button.hide()
        self.keep_button.setText("Close")
        self.keep_button.setAccessibleName("Close")
        self.keep_button.setAccessibleDescription("")
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()
        announce(self, f"{title}. {text}")
