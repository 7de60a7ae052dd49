"""Who is learning? The first screen on a shared laptop, and the one Switch learner shows.

It lists names only: nothing of any learner's work is on it. A learner behind a PIN types
it first (ui/widgets/pin_prompt.py); Add a learner makes a new learning space; Remove asks
for that learner's PIN, if they have one, then for the typed word ERASE, and erases only
that learner's files (core.profiles.registry).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.own_data.erase import EraseError
from zavmo_desktop.core.profiles.registry import PinTry, Profile, ProfileError, Profiles
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.add_learner_form import AddLearnerForm
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.erase_dialog import EraseDialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pin_prompt import OPEN, PinPrompt

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from zavmo_desktop.core.profiles.session import Session

CHOOSER = "Choose a learner screen"
ADD_LEARNER = "Add a learner"
CONTINUE_REMOVING = "Go on to remove"


def learner_label(profile: Profile) -> str:
    """The button's words, which are its accessible name too: "Sam", or "Sam (PIN)"."""
    return f"{profile.name} (PIN)" if profile.protected else profile.name


def _button(name: str, action: Callable[[], None]) -> QPushButton:
    button = QPushButton(name)
    button.setAccessibleName(name)
    button.clicked.connect(action)
    return button


class ListPage(QWidget):
    def __init__(self, add: Callable[[], None]) -> None:
        super().__init__()
        self.setAccessibleName(CHOOSER)
        column = scrolling_column(self)
        column.addWidget(heading("Who is learning today?"))
        column.addWidget(paragraph(
            "Choose your name. Each learner's work is kept apart: no one sees anyone else's."
        ))  # fmt: skip
        # Names in one column of equal buttons; Remove apart on the right, less in the way.
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(32)
        self.rows.setColumnStretch(2, 1)
        column.addLayout(self.rows)
        self.add_button = QPushButton(ADD_LEARNER)
        self.add_button.setAccessibleName(ADD_LEARNER)
        self.add_button.clicked.connect(add)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = paragraph()
        self.status.setAccessibleDescription("What happened")  # its name is the words it shows
        self.status.hide()
        column.addWidget(self.status)
        column.addStretch(1)
        self.learner_buttons: dict[str, QPushButton] = {}


class ProfileChooser(QWidget):
    def __init__(
        self,
        session: Session,
        registry: Profiles,
        open_learner: Callable[[str, ProfileChooser], QWidget],
    ) -> None:
        super().__init__()
        self.session = session
        self._registry = registry
        self._open_learner = open_learner
        self._asking = ""  # whose PIN the PIN page asks for
        self.handed_over = False  # a learner's window has the lock now
        self.successor: QWidget | None = None
        self.remove_dialog: EraseDialog | None = None
        self.setWindowTitle("Zavmo Desktop: who is learning?")
        self.resize(1100, 760)
        self.pages = QStackedWidget()
        QVBoxLayout(self).addWidget(self.pages)
        self.list_page = ListPage(self.show_add)
        self.pin_page = PinPrompt(self._try_pin, self.show_list)
        self.add_page = AddLearnerForm(self._add, self.show_list)
        for page in (self.list_page, self.pin_page, self.add_page):
            self.pages.addWidget(page)
        self.show_list()
        if registry.problem:
            self.tell(registry.problem)

    # The list

    def show_list(self) -> None:
        self._fill_rows()
        self.pages.setCurrentWidget(self.list_page)
        buttons = list(self.list_page.learner_buttons.values())
        first = buttons[0] if buttons else self.list_page.add_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_rows(self) -> None:
        rows = self.list_page.rows
        while rows.count():
            item = rows.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:  # gone at once, for the keyboard and a screen reader too
                old.hide()
                old.deleteLater()
        self.list_page.learner_buttons = {}
        profiles = self._registry.learners()
        for number, profile in enumerate(profiles):
            self._row(profile, number, removable=len(profiles) > 1)

    def _row(self, profile: Profile, number: int, removable: bool) -> None:
        rows = self.list_page.rows
        choose = _button(learner_label(profile), lambda: self.choose(profile.id))
        choose.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # equal
        if profile.protected:
            choose.setAccessibleDescription("Asks for a PIN")
        rows.addWidget(choose, number, 0)
        # Shown now, not when the layout gets round to it: a hidden button cannot take the
        # focus, which would stay on the old row's button and go when that is deleted.
        choose.show()
        self.list_page.learner_buttons[profile.id] = choose
        if removable:
            remove = _button(f"Remove {profile.name}", lambda: self.ask_to_remove(profile.id))
            rows.addWidget(remove, number, 1)
            remove.show()

    # Choosing, with a PIN if there is one

    def choose(self, profile_id: str) -> None:
        profile = self._registry.get(profile_id)
        if profile.protected:
            self._ask_pin(profile, OPEN, lambda: self._enter(profile_id))
        else:
            self._enter(profile_id)

    def _ask_pin(self, profile: Profile, go_label: str, accepted: Callable[[], None]) -> None:
        self._asking = profile.id
        self.pin_page.ask(profile.name, go_label, accepted)
        self.pages.setCurrentWidget(self.pin_page)
        self.pin_page.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _try_pin(self, pin: str) -> PinTry:
        return self._registry.try_pin(self._asking, pin)

    def _enter(self, profile_id: str) -> None:
        from zavmo_desktop.core.storage.problems import classify, explain

        self.handed_over = True
        try:
            self.successor = self._open_learner(profile_id, self)
        except OSError as error:  # their folder cannot be made: read-only media, a full disk
            self.handed_over = False
            folder = self._registry.folder_of(profile_id)
            self.show_list()
            self.tell(f"Zavmo could not open {folder}. {explain(classify(error, folder), folder)}")
            return
        self.close()
        self.deleteLater()

    # Adding

    def show_add(self) -> None:
        self.pages.setCurrentWidget(self.add_page)
        self.add_page.start()

    def _add(self, name: str, pin: str | None) -> str:
        try:
            profile = self._registry.add(name, pin)
        except (ProfileError, OSError) as error:
            return str(error)
        self._enter(profile.id)  # a new learner starts with the onboarding, as on a first run
        return ""

    # Removing

    def ask_to_remove(self, profile_id: str) -> None:
        profile = self._registry.get(profile_id)
        if profile.protected:  # no one erases another learner's work without their PIN
            self._ask_pin(profile, CONTINUE_REMOVING, lambda: self._confirm_removal(profile_id))
        else:
            self._confirm_removal(profile_id)

    def _confirm_removal(self, profile_id: str) -> None:
        self.show_list()
        profile = self._registry.get(profile_id)
        folder = self._registry.folder_of(profile_id)
        words = (
            f"This deletes everything Zavmo keeps about {profile.name} on this computer: "
            f"their answers, plan, practice, reflections, evidence, settings and backup "
            f"copies, from {folder}.",
            "Other learners' work is not touched. It cannot be undone: to keep a copy, "
            f"{profile.name} can choose Cancel, open their learning space and use Export all "
            "my data in Settings first.",
        )
        action = f"Remove {profile.name}"
        dialog = EraseDialog(str(folder), self, f"{action} and erase their data?", words, action)
        self.remove_dialog = dialog
        dialog.accepted.connect(lambda: self._remove(profile_id))
        dialog.finished.connect(self._removal_dialog_closed)
        dialog.open()

    def _removal_dialog_closed(self) -> None:
        self.remove_dialog = None
        self.activateWindow()
        self.show_list()

    def _remove(self, profile_id: str) -> None:
        name = self._registry.get(profile_id).name
        try:
            self._registry.remove(profile_id)
        except (ProfileError, EraseError) as error:
            self.tell(str(error))
            return
        self.show_list()
        self.tell(f"{name} has been removed, and their data erased from this computer.")

    def tell(self, words: str) -> None:
        status = self.list_page.status
        status.setText(words)
        status.show()
        announce(status, words)

    # The window

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtWidgets import QApplication

        from zavmo_desktop.ui.window_keys import is_plain_enter

        if event.key() == Qt.Key.Key_Escape and self.pages.currentWidget() is not self.list_page:
            self.show_list()
            return
        focused = QApplication.focusWidget()
        if is_plain_enter(event) and isinstance(focused, QPushButton) and focused.isEnabled():
            focused.click()  # as in the main window: Enter presses the focused button
            return
        super().keyPressEvent(event)

    def bring_to_front(self) -> None:
        from zavmo_desktop.ui.single_instance import bring_forward

        bring_forward(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.handed_over:
            self.session.lock.release()  # closed without choosing: the app ends here
        super().closeEvent(event)
