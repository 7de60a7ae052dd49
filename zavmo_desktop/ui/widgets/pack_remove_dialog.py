"""Remove a content pack: say what goes and what stays, then remove it on request.

The modules and the pack's files go; the learner's evidence, reflections and progress are
in the database, keyed by ids, and stay in the portfolio. "Keep it" has the focus first,
so a stray Enter removes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.look_dialog import LookFollowingDialog

KEPT = "Your evidence, reflections and progress from its modules stay in your portfolio."
LATER = "The modules leave the other screens when you next start Zavmo."


def what_happens(title: str, module_count: int) -> str:
    modules = "Its module leaves" if module_count == 1 else f"Its {module_count} modules leave"
    return (f"{modules} the Library and the pack's files are deleted from this "
            f"computer. {KEPT}\n\nTo have the modules back, import the pack again.")  # fmt: skip


class PackRemoveDialog(LookFollowingDialog):
    removed = Signal()

    def __init__(
        self,
        learner: Learner,
        pack_id: str,
        title: str,
        module_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(learner.settings, parent)
        self._learner, self._pack_id, self._pack_title = learner, pack_id, title
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
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # restyled as the learner's look is now
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

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
