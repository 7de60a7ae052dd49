"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.storage.instance_lock import InstanceLock
from zavmo_desktop.ui.shortcuts import keys_for
from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.theme import apply_theme
from zavmo_desktop.ui.widgets.column_scroll import ColumnScroll
from zavmo_desktop.ui.widgets.labels import heading

if TYPE_CHECKING:
    from zavmo_desktop.core.content.models import Conversation, Module
    from zavmo_desktop.core.learner import Learner

NAVIGATION = ("Home", "Library", "Settings")
HELP = "Keyboard shortcuts"
TEXT_STEPS = tuple(range(75, 251, 25))
LINE_FOCUS_STEPS = (0, 1, 3, 5)


class MainWindow(QMainWindow):
    ready = Signal()  # the learner's data is loaded and every screen is built
    failed = Signal(object)  # the learner's data could not be opened: the exception

    def __init__(self, data_dir: Path, content_dirs: list[Path], lock: InstanceLock) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._content_dirs = content_dirs
        self._lock = lock
        self.learner: Learner | None = None
        self._loading = False  # the store is being opened (perhaps restored) on a worker
        self._close_when_loaded = False
        self.setWindowTitle("Zavmo Desktop")
        self.resize(1100, 760)
        self.stack = QStackedWidget()
        self._loading_label = heading("Opening your learning space…")
        self.stack.addWidget(self._loading_label)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(ColumnScroll(self._build_navigation()))
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._add_shortcuts()

    def _build_navigation(self) -> QWidget:
        bar = QWidget()
        bar.setAccessibleName("Navigation")
        self._sidebar = QVBoxLayout(bar)
        self.nav_buttons: dict[str, QPushButton] = {}
        for number, name in enumerate(NAVIGATION, start=1):
            self._sidebar.addWidget(self._nav_button(name, f"Ctrl+{number}"))
        self._sidebar.addStretch(1)
        # The timer and help sit in the same place on every screen (WCAG 3.2.6).
        self._sidebar.addWidget(self._nav_button(HELP, "F1"))
        return bar

    def _nav_button(self, name: str, keys: str) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.setAccessibleDescription(f"Go to {name} ({keys})")
        button.setToolTip(f"{name} ({keys})")
        button.setCheckable(True)
        button.setProperty("nav", True)
        button.setEnabled(False)  # until the learner's data has loaded
        button.clicked.connect(lambda _=False, n=name: self.show_screen(n))
        self.nav_buttons[name] = button
        return button

    def _add_shortcuts(self) -> None:
        for number, name in enumerate(NAVIGATION, start=1):
            self._shortcut(f"Ctrl+{number}", lambda n=name: self.show_screen(n))
        self._shortcut("F1", lambda: self.show_screen(HELP))
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(keys_for("Make text bigger"), lambda: self._step_text_size(1))
        self._shortcut("Ctrl++", lambda: self._step_text_size(1))
        self._shortcut(keys_for("Make text smaller"), lambda: self._step_text_size(-1))
        self._shortcut(keys_for("Text back"), lambda: self._set_and_say("text_scale", 100))
        self._shortcut(keys_for("Start, pause"), self._toggle_timer)
        self._shortcut(keys_for("Line focus"), self._cycle_line_focus)
        self._shortcut(keys_for("Reading ruler"), self._toggle_ruler)

    def _shortcut(self, keys: Any, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(action)

    def start_loading(self) -> None:
        """Open the learner's store and content off the GUI thread, then build the screens."""
        self._loading = True
        run_in_background(self._open_learner, self._learner_loaded, self._load_failed)

    def _open_learner(self) -> Learner:
        # Imported here, on the worker thread: storage, YAML and Markdown are not
        # needed to paint the first window, and importing them costs ~200 ms.
        from zavmo_desktop.core.content.render import warm_up
        from zavmo_desktop.core.learner import Learner

        learner = Learner.open(self.data_dir, self._content_dirs)
        warm_up()
        return learner

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        if self._close_when_loaded:
            self.close()
        else:
            self.failed.emit(error)

    def _learner_loaded(self, learner: Learner) -> None:
        self._loading = False
        if self._close_when_loaded:  # closed while loading: the lock was held until now
            learner.close()
            self.close()
            return
        from zavmo_desktop.ui.read_aloud import ReadAloud
        from zavmo_desktop.ui.screens.conversation import ConversationScreen
        from zavmo_desktop.ui.screens.home import HomeScreen
        from zavmo_desktop.ui.screens.library import LibraryScreen
        from zavmo_desktop.ui.screens.reader import ReaderScreen
        from zavmo_desktop.ui.screens.settings import SettingsScreen
        from zavmo_desktop.ui.screens.shortcuts import ShortcutsScreen
        from zavmo_desktop.ui.widgets.focus_timer import FocusTimerPanel

        self.learner = learner
        self.home = HomeScreen(learner, self.open_module)
        self.library = LibraryScreen(learner, self.open_module)
        self.read_aloud = ReadAloud.for_this_machine(learner.settings)
        self.reader = ReaderScreen(
            learner, lambda: self.show_screen("Library"), self.read_aloud, self.open_conversation
        )
        self.conversation_screen = ConversationScreen(
            learner, self._back_to_module, self.read_aloud
        )
        self.settings_screen = SettingsScreen(learner.settings)
        self.shortcuts_screen = ShortcutsScreen()
        self.timer = FocusTimerPanel(learner.settings, learner.focus_sessions, self._activity)
        self.timer.minutes_changed.connect(self.home.refresh)
        self._sidebar.insertWidget(self._sidebar.count() - 1, self.timer)
        self._screens: dict[str, QWidget] = {
            "Home": self.home,
            "Library": self.library,
            "Settings": self.settings_screen,
            HELP: self.shortcuts_screen,
        }
        loading = self.stack.widget(0)
        for screen in (*self._screens.values(), self.reader, self.conversation_screen):
            self.stack.addWidget(screen)
        self.stack.removeWidget(loading)
        loading.deleteLater()
        self.reader.apply_settings(learner.settings.snapshot())
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self._apply_settings)
        learner.settings.subscribe(lambda _key, _value: self._restyle.start())
        for button in self.nav_buttons.values():
            button.setEnabled(True)
        self.show_screen("Home")
        self.ready.emit()

    def _activity(self) -> str:
        """What the learner is studying, for the focus-session log."""
        showing = self.stack.currentWidget()
        if showing is self.reader and self.reader.module is not None:
            return self.reader.module.title
        return showing.accessibleName().removesuffix(" screen") if showing else ""

    def explain_failure(self, error: BaseException) -> None:
        from zavmo_desktop.core.storage.problems import describe_failure

        QMessageBox.critical(self, "Zavmo could not start", describe_failure(error, self.data_dir))
        self.close()

    def _apply_settings(self) -> None:
        # Coalesced: a preset changes ten settings, and the window restyles once.
        if self.learner is None:
            return
        values = self.learner.settings.snapshot()
        apply_theme(values)
        self.reader.apply_settings(values)

    def _step_text_size(self, step: int) -> None:
        assert self.learner is not None
        current = self.learner.settings.get("text_scale")
        bigger = [size for size in TEXT_STEPS if size > current]
        smaller = [size for size in TEXT_STEPS if size < current]
        target = (bigger[:1] if step > 0 else smaller[-1:]) or [current]
        self._set_and_say("text_scale", target[0])

    def _cycle_line_focus(self) -> None:
        assert self.learner is not None
        current = self.learner.settings.get("line_focus")
        position = LINE_FOCUS_STEPS.index(current) if current in LINE_FOCUS_STEPS else 0
        self._set_and_say("line_focus", LINE_FOCUS_STEPS[(position + 1) % len(LINE_FOCUS_STEPS)])

    def _toggle_timer(self) -> None:
        if self.learner is not None and self.timer.isVisible():
            self.timer.toggle()

    def _toggle_ruler(self) -> None:
        assert self.learner is not None
        self._set_and_say("reading_ruler", not self.learner.settings.get("reading_ruler"))

    def _set_and_say(self, key: str, value: Any) -> None:
        """Shortcuts change settings out of sight, so the change is announced."""
        from zavmo_desktop.ui.announce import announce
        from zavmo_desktop.ui.setting_options import describe

        if self.learner is None:
            return
        settings = self.learner.settings
        if settings.is_locked(key):
            announce(self, f"{SPECS[key].label} is set by your organisation.")
            return
        settings.set(key, value)
        announce(self, f"{SPECS[key].label}: {describe(key, value)}")

    def show_screen(self, name: str) -> None:
        if self.learner is None:
            return
        self.reader.save_position()
        self.read_aloud.stop()  # speech belongs to the screen it was started on
        self.stack.setCurrentWidget(self._screens[name])
        self._mark_current(name)

    def _mark_current(self, name: str) -> None:
        # Not a QButtonGroup: that would make Tab skip every button but the checked one.
        for button_name, button in self.nav_buttons.items():
            button.setChecked(button_name == name)

    def open_module(self, module: Module) -> None:
        self.read_aloud.stop()
        self.reader.show_module(module)
        self.stack.setCurrentWidget(self.reader)
        self._mark_current("Library")
        self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)

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
            self.reader.practice.setFocus(Qt.FocusReason.OtherFocusReason)

    def bring_to_front(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def _focus_search(self) -> None:
        if self.learner is not None:
            self.show_screen("Library")
            self.library.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._loading:
            # The loader may be restoring a backup: it keeps the lock until it is done.
            self._close_when_loaded = True
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
        super().closeEvent(event)
