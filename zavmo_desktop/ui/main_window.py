"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.storage.instance_lock import InstanceLock
from zavmo_desktop.ui.content_arrival import ContentArrival
from zavmo_desktop.ui.navigation import NavigationBar
from zavmo_desktop.ui.org_setup import OrganisationSetup
from zavmo_desktop.ui.own_data_window import OwnDataWindow
from zavmo_desktop.ui.restyle import Restyler
from zavmo_desktop.ui.screen_table import (
    CONVERSATION,
    HELP,
    NAVIGATION,
    ONBOARDING,
    READER,
    SCREENS,
)
from zavmo_desktop.ui.setting_shortcuts import add_setting_shortcuts
from zavmo_desktop.ui.shortcuts import keys_for
from zavmo_desktop.ui.side_screens import SideScreens
from zavmo_desktop.ui.switch_learner import SwitchLearner
from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.week_in_view import WeekInView
from zavmo_desktop.ui.widgets.column_scroll import ColumnScroll
from zavmo_desktop.ui.widgets.labels import heading

if TYPE_CHECKING:  # and what the first frame does not need: each Qt class costs to load
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from zavmo_desktop.core.content.models import Conversation, Module
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.org.config import OrgConfig
    from zavmo_desktop.core.profiles.session import Session
    from zavmo_desktop.ui.read_aloud import ReadAloud
    from zavmo_desktop.ui.widgets.week_strip import WeekStrip


def collect_garbage_again() -> None:
    """Start-up is over (see app.prepare_window): what it made is kept out of the way."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def other_reason() -> Any:
    from PySide6.QtCore import Qt  # here: its namespace takes ~20 ms, off the first frame

    return Qt.FocusReason.OtherFocusReason


class MainWindow(
    OrganisationSetup,
    ContentArrival,
    WeekInView,
    SideScreens,
    OwnDataWindow,
    SwitchLearner,
    QMainWindow,
):
    ready = Signal()  # the learner can act: Home (filled) or the onboarding is showing
    loaded = Signal()  # and the modules are loaded too (on a first start they come after)
    failed = Signal(object)  # the learner's data could not be opened: the exception

    def __init__(
        self,
        data_dir: Path,
        content_dirs: list[Path],
        lock: InstanceLock,
        org: OrgConfig | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self._org = org
        self._session = session  # the data root this learner's folder is on
        self.learner_name = ""  # from the list of learners, when there is one
        self.data_dir = data_dir
        self._content_dirs = content_dirs
        self._lock = lock
        self.learner: Learner | None = None
        self._loading = False  # the store is being opened (perhaps restored) on a worker
        self._close_when_loaded = False
        self._waiting: tuple[QWidget, str] | None = None  # a screen waiting for the content
        self._built: dict[str, QWidget] = {}
        self._read_aloud: ReadAloud | None = None
        self._reader_behind = False  # the look changed while the reader was hidden
        self.onboarding = False  # Home shows the onboarding until it is finished or skipped
        self.clock: Callable[[], date] = date.today  # what the pathway counts as today
        self.week_strip: WeekStrip | None = None  # made once the learner wants it in view
        self.setWindowTitle("Zavmo Desktop")
        self.resize(1100, 760)
        self._restyler = Restyler()
        self.stack = QStackedWidget()
        self._loading_label = heading("Opening your learning space…")
        self.stack.addWidget(self._loading_label)
        self._restyler.add(self._loading_label)
        self.stack.currentChanged.connect(self._screen_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        self._nav_bar = NavigationBar(
            NAVIGATION, HELP, self.show_screen, self.features.shows_screen
        )
        self._show_organisation()
        self.nav_buttons = self._nav_bar.buttons
        self._navigation = ColumnScroll(self._nav_bar, follow=False, fit=self._nav_bar.fit)
        self._restyler.add(self._navigation)
        layout.addWidget(self._navigation)
        self._content = QVBoxLayout()  # this week's plan above the screen, when it is on
        self._content.setContentsMargins(0, 0, 0, 0)
        self._content.addWidget(self.stack, 1)
        layout.addLayout(self._content, 1)
        self.setCentralWidget(central)
        self._add_shortcuts()
        self.failed.connect(lambda _error: collect_garbage_again())

    def _screen_changed(self, _index: int) -> None:
        self._restyler.refresh(self.stack.currentWidget())
        self._show_week_strip()

    def _add_shortcuts(self) -> None:
        for number, name in enumerate(NAVIGATION, start=1):
            if self.features.shows_screen(name):
                self._shortcut(f"Ctrl+{number}", lambda n=name: self._go_to(n))
        self._shortcut("F1", lambda: self._go_to(HELP))
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(keys_for("Start, pause"), self._toggle_timer)
        add_setting_shortcuts(self, self._shortcut)

    def _shortcut(self, keys: Any, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)  # for the whole window, by default
        shortcut.activated.connect(action)

    def start_loading(self) -> None:
        """Open the learner's store and content off the GUI thread, then build the screens."""
        self._loading = True
        run_in_background(self._open_learner, self._learner_loaded, self._load_failed)

    def _open_learner(self) -> Learner:
        # Imported here, on the worker thread: storage is not needed to paint the first window.
        from zavmo_desktop.core.learner import Learner

        self._install_org_packs()
        # A first start shows the onboarding, which needs only the packs' roles, while the
        # modules are still being read; today's backup comes once the learner can act.
        learner = Learner.open(self.data_dir, self._content_dirs, quick_start=True)
        self._follow_organisation(learner)
        if self._org is not None:
            learner.keep_learning_records(self._org.lrs)  # queued and sent only with an LRS
        return learner

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        if self._close_when_loaded:
            self.close()
        else:
            self.failed.emit(error)

    def _learner_loaded(self, learner: Learner) -> None:
        self._loading = not learner.content_loaded
        if self._close_when_loaded and not self._loading:  # the lock was held until now
            learner.close()
            self.close()
            return
        from zavmo_desktop.ui.widgets.focus_timer import FocusTimerPanel

        self.learner = learner
        self.onboarding = learner.profile.load().needs_onboarding
        self.timer = FocusTimerPanel(learner.settings, learner.focus_sessions, self._activity)
        self._nav_bar.add_timer(self.timer)
        self._navigation.follow_content()  # from now on the column changes size
        self.show_screen("Home")
        self.stack.removeWidget(self._loading_label)
        self._restyler.forget(self._loading_label)
        self._loading_label.deleteLater()
        self._tell_about_setup()
        self.timer.minutes_changed.connect(self._refresh_home)
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self._apply_settings)
        learner.settings.subscribe(lambda _key, _value: self._restyle.start())
        self._nav_bar.enable()
        if self.onboarding:
            self.onboarding_screen.focus_first()
        self.ready.emit()
        collect_garbage_again()
        if self._loading:
            run_in_background(learner.read_content, self._content_loaded, self._load_failed)
        else:
            self._all_loaded()

    def screen(self, name: str) -> QWidget:
        """The named screen, built (and added to the stack) the first time it is asked for."""
        built = self._built.get(name)
        if built is None:
            assert self.learner is not None, "screens exist once the learner's data is open"
            built = SCREENS[name](self, self.learner)
            self._built[name] = built
            self._restyler.add(built)
            self.stack.addWidget(built)
            self._screen_made(name, built)
            if name == READER:
                built.apply_settings(self.learner.settings.snapshot())
        return built

    def built_screens(self) -> list[str]:
        return list(self._built)

    def built(self, name: str) -> Any:
        """The named screen if it has been built, else None (closing must not build one)."""
        return self._built.get(name)

    @property
    def home(self) -> Any:
        return self.screen("Home")

    @property
    def onboarding_screen(self) -> Any:
        return self.screen(ONBOARDING)

    def _refresh_home(self) -> None:
        home = self.built("Home")
        if home is not None:
            home.refresh()

    def finish_onboarding(self) -> None:
        self.onboarding = False
        self._go_to("Home")

    def _in_place_of(self, name: str) -> str:
        return ONBOARDING if name == "Home" and self.onboarding else name

    @property
    def library(self) -> Any:
        return self.screen("Library")

    @property
    def settings_screen(self) -> Any:
        return self.screen("Settings")

    @property
    def shortcuts_screen(self) -> Any:
        return self.screen(HELP)

    @property
    def reader(self) -> Any:
        return self.screen(READER)

    @property
    def conversation_screen(self) -> Any:
        return self.screen(CONVERSATION)

    @property
    def read_aloud(self) -> ReadAloud:
        """One speech player for every screen, made when a screen that speaks is built."""
        if self._read_aloud is None:
            from zavmo_desktop.ui.read_aloud import ReadAloud

            assert self.learner is not None
            self._read_aloud = ReadAloud.for_this_machine(self.learner.settings)
            self._read_aloud.offered = self.features.shows("read_aloud")
        return self._read_aloud

    def _activity(self) -> str:
        """What the learner is studying, for the focus-session log."""
        showing = self.stack.currentWidget()
        reader = self.built(READER)
        if showing is reader and reader.module is not None:
            return str(reader.module.title)
        return showing.accessibleName().removesuffix(" screen") if showing else ""

    def explain_failure(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from zavmo_desktop.core.storage.problems import describe_failure

        QMessageBox.critical(self, "Zavmo could not start", describe_failure(error, self.data_dir))
        self.close()

    def _apply_settings(self) -> None:
        # Coalesced: a preset changes ten settings, and the window restyles once.
        if self.learner is None:
            return
        self._restyler.restyle(self.learner.settings.snapshot())
        self._show_week_strip()
        self._reader_behind = True
        self._bring_reader_up_to_date(only_if_shown=True)

    def _bring_reader_up_to_date(self, only_if_shown: bool = False) -> None:
        # A hidden reader lays its text out again when next opened, not on every change.
        reader = self.built(READER)
        if reader is None or not self._reader_behind or (only_if_shown and reader.isHidden()):
            return
        self._reader_behind = False
        assert self.learner is not None
        reader.apply_settings(self.learner.settings.snapshot())

    def _toggle_timer(self) -> None:
        if self.learner is not None and self.timer.isVisible():
            self.timer.toggle()

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

    def open_module(self, module: Module) -> None:
        self.read_aloud.stop()
        self._bring_reader_up_to_date()
        self.reader.show_module(module)
        self.stack.setCurrentWidget(self.reader)
        self._mark_current("Library")
        self.reader.text.setFocus(other_reason())

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt's buttons take Enter only inside dialogs; the shortcuts page promises it everywhere.
        # A button ignores Enter, so the key reaches the window only when nothing used it.
        if is_plain_enter(event):
            focused = QApplication.focusWidget()
            buttons = ("QPushButton", "QToolButton")  # by name: Qt classes cost to load
            if focused is not None and focused.isEnabled() and any(map(focused.inherits, buttons)):
                focused.click()
                return
        super().keyPressEvent(event)

    def bring_to_front(self) -> None:
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def _focus_search(self) -> None:
        if self.learner is not None:
            self.show_screen("Library")
            if self.content_loaded:
                self.library.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._loading:
            # The loader may be restoring a backup: it keeps the lock until it is done.
            self._close_when_loaded = True
            if self.learner is None:  # else the content is read: that takes a moment only
                self._loading_label.setText("Closing once your learning data is safe…")
            event.ignore()
            return
        if self.learner is not None:
            from zavmo_desktop.ui.closing import close_learner, save_everything
            from zavmo_desktop.ui.unsaved_words import may_close_with

            unsaved, reason = save_everything(self)
            if not may_close_with(self, unsaved, reason):
                event.ignore()
                return
            close_learner(self.learner)
            self.learner = None
        self._lock.release()
        collect_garbage_again()  # closed before it was ready
        super().closeEvent(event)


def is_plain_enter(event: QKeyEvent) -> bool:
    from PySide6.QtCore import Qt

    keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in keys and modifiers == Qt.KeyboardModifier.NoModifier
