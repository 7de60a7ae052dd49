"""Which screen is showing (MainWindow's part): the navigation's screens, a module in the
reader and a practice conversation, with the navigation marking where the learner is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.ui.screen_table import READER

if TYPE_CHECKING:
    from zavmo_desktop.core.content.models import Conversation, Module
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.read_aloud import ReadAloud


def other_reason() -> Any:
    from PySide6.QtCore import Qt  # here: its namespace takes ~20 ms, off the first frame

    return Qt.FocusReason.OtherFocusReason


class ScreenShowing:
    """Mixed into MainWindow: uses its screens, stack and navigation bar."""

    learner: Learner | None
    onboarding: bool
    stack: Any
    features: Any
    reader: Any
    conversation_screen: Any
    read_aloud: ReadAloud
    _read_aloud: ReadAloud | None
    _waiting: Any
    _nav_bar: Any

    def show_screen(self, name: str) -> None:
        if self.learner is None or not self.features.shows_screen(name):
            return
        self._leave_reading()
        if self._read_content(name):
            return
        self.stack.setCurrentWidget(self.screen(self._in_place_of(name)))
        self._mark_current(name)

    def _leave_reading(self) -> None:
        reader = self.built(READER)
        if reader is not None:
            reader.save_position()
        self.stop_reading_aloud()  # speech belongs to the screen it was started on

    def stop_reading_aloud(self) -> None:
        if self._read_aloud is not None:
            self._read_aloud.stop()

    def _go_to(self, name: str) -> None:
        """A shortcut lands on the screen's first control, as if Tab had been pressed."""
        self.show_screen(name)
        if self.learner is not None and self._waiting is None and self.features.shows_screen(name):
            self._focus_first_control(self._in_place_of(name))

    def _focus_first_control(self, name: str) -> None:
        from PySide6.QtCore import Qt

        from zavmo_desktop.ui.widgets.focus_order import tab_stops

        stops = tab_stops(self.screen(name))
        first = next((w for w in stops if w.isVisible() and w.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _mark_current(self, name: str) -> None:
        self._nav_bar.mark_current(name)

    def finish_onboarding(self) -> None:
        self.onboarding = False
        self._go_to("Home")

    def _refresh_home(self) -> None:
        home = self.built("Home")
        if home is not None:
            home.refresh()

    def open_module(self, module: Module) -> None:
        if self.learner is not None and self.learner.module(module.id) is None:
            self._module_gone(module)  # a screen built before its pack was removed
            return
        self.read_aloud.stop()
        self._bring_reader_up_to_date()
        self.reader.show_module(module)
        self.stack.setCurrentWidget(self.reader)
        self._mark_current("Library")
        self.reader.text.setFocus(other_reason())

    def _module_gone(self, module: Module) -> None:
        self.show_screen("Library")
        library = self.built("Library")
        if library is not None:
            library.tell(
                f"“{module.title}” is no longer here: its content pack was removed. "
                "Your evidence and progress from it are kept in your portfolio."
            )

    def open_conversation(self, module: Module, conversation: Conversation) -> None:
        self.read_aloud.stop()
        self.reader.flush()
        self.conversation_screen.show_conversation(module, conversation)
        self.stack.setCurrentWidget(self.conversation_screen)
        self._mark_current("Library")

    def _back_to_module(self) -> None:
        module = self.conversation_screen.module
        if module is None:
            self.show_screen("Library")
        else:
            self.open_module(module)
            self.reader.show_tab("Practise")
            self.reader.practice.setFocus(other_reason())
