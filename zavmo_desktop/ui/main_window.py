"""The main window: navigation on the left, one screen at a time on the right.

Each of the window's concerns is a part of its own, mixed in here: start-up loading
(start_loading.py), the screens by name (screen_registry.py) and which one shows
(screen_showing.py), the keyboard (window_keys.py), closing (window_closing.py), and the
features' parts (the organisation, content arriving, this week in view, side screens, the
learner's own data, switching learner). This file lays the window out and follows the look.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from zavmo_desktop.core.storage.instance_lock import InstanceLock
from zavmo_desktop.ui.content_arrival import ContentArrival
from zavmo_desktop.ui.navigation import NavigationBar
from zavmo_desktop.ui.org_setup import OrganisationSetup
from zavmo_desktop.ui.own_data_window import OwnDataWindow
from zavmo_desktop.ui.restyle import Restyler
from zavmo_desktop.ui.screen_registry import ScreenRegistry
from zavmo_desktop.ui.screen_showing import ScreenShowing
from zavmo_desktop.ui.screen_table import HELP, NAVIGATION, READER
from zavmo_desktop.ui.side_screens import SideScreens
from zavmo_desktop.ui.start_loading import StartLoading, collect_garbage_again
from zavmo_desktop.ui.switch_learner import SwitchLearner
from zavmo_desktop.ui.week_in_view import WeekInView
from zavmo_desktop.ui.widgets.column_scroll import ColumnScroll
from zavmo_desktop.ui.widgets.labels import heading
from zavmo_desktop.ui.window_closing import WindowClosing
from zavmo_desktop.ui.window_keys import WindowKeys, clicked_focused_button

if TYPE_CHECKING:  # and what the first frame does not need: each Qt class costs to load
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.org.choices import OrgConfig
    from zavmo_desktop.core.profiles.session import Session
    from zavmo_desktop.ui.read_aloud import ReadAloud
    from zavmo_desktop.ui.widgets.week_strip import WeekStrip


class MainWindow(
    OrganisationSetup,
    StartLoading,
    ContentArrival,
    ScreenRegistry,
    ScreenShowing,
    WindowKeys,
    WindowClosing,
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
        self._lay_out()
        self._add_shortcuts(NAVIGATION)
        self.failed.connect(lambda _error: collect_garbage_again())

    def _lay_out(self) -> None:
        """The navigation, and a plain "Opening…" where the screens go: the first frame."""
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

    def _screen_changed(self, _index: int) -> None:
        self._restyler.refresh(self.stack.currentWidget())
        self._show_week_strip()

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

    def _activity(self) -> str:
        """What the learner is studying, for the focus-session log."""
        showing = self.stack.currentWidget()
        reader = self.built(READER)
        if showing is reader and reader.module is not None:
            return str(reader.module.title)
        return showing.accessibleName().removesuffix(" screen") if showing else ""

    def bring_to_front(self) -> None:
        from zavmo_desktop.ui.single_instance import bring_forward

        bring_forward(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not clicked_focused_button(event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close():
            super().closeEvent(event)
        else:
            event.ignore()
