"""The start-up loading sequence (MainWindow's part): open the learner's store and content
off the GUI thread, then, once the learner can act, swap "Opening…" for Home (or the
onboarding), and say `ready`; a first start's modules follow (ui/content_arrival.py)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from zavmo_desktop.ui.tasks import run_in_background

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.org.choices import OrgConfig


def collect_garbage_again() -> None:
    """Start-up is over (see app.prepare_window): what it made is kept out of the way."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class StartLoading:
    """Mixed into MainWindow: uses its data dir, content dirs, navigation and restyler."""

    learner: Learner | None
    data_dir: Path
    onboarding: bool
    timer: Any
    _org: OrgConfig | None
    _content_dirs: list[Path]
    _loading: bool
    _close_when_loaded: bool
    _loading_label: Any
    _nav_bar: Any
    _navigation: Any
    _restyler: Any
    stack: Any
    ready: Any
    failed: Any

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
        self._drop_loading_label()
        self._tell_about_setup()
        self.timer.minutes_changed.connect(self._refresh_home)
        self._restyle_on_each_change(learner)
        self._nav_bar.enable()
        if self.onboarding:
            self.onboarding_screen.focus_first()
        self.ready.emit()
        collect_garbage_again()
        if self._loading:
            run_in_background(learner.read_content, self._content_loaded, self._load_failed)
        else:
            self._all_loaded()

    def _drop_loading_label(self) -> None:
        self.stack.removeWidget(self._loading_label)
        self._restyler.forget(self._loading_label)
        self._loading_label.deleteLater()

    def _restyle_on_each_change(self, learner: Learner) -> None:
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self._apply_settings)
        learner.settings.subscribe(lambda _key, _value: self._restyle.start())

    def explain_failure(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from zavmo_desktop.core.storage.problems import describe_failure

        QMessageBox.critical(self, "Zavmo could not start", describe_failure(error, self.data_dir))
        self.close()
