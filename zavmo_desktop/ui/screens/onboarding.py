"""Onboarding on a first start: five short steps, each one optional, changeable later.

About you, your week, your dates, how you work best, and the preset those answers
suggest (previewed; applied only if the learner chooses). What the learner enters is
saved as they go, and the step they are on too, so a restart resumes where they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.profile.model import Onboarding, keep_valid, problems
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.how_you_work import HowYouWork
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.preset_suggestion import PresetSuggestion
from zavmo_desktop.ui.widgets.profile_fields import AboutYou, FieldGroup, YourDates, YourWeek
from zavmo_desktop.ui.widgets.profile_saver import ProfileSaver

INTRO = (
    "A few short questions so Zavmo can fit your learning to you. Every step is optional: "
    "skip anything you like. What you enter is kept as you go, and you can change it "
    "later in Settings, under Your profile."
)


class OnboardingScreen(QWidget):
    def __init__(
        self,
        learner: Learner,
        done: Callable[[], None],
        open_about: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._learner = learner
        self._done = done
        self.setAccessibleName("Onboarding screen")
        roles = learner.roles()
        titles = dict(roles)
        self.saver = ProfileSaver(
            self, learner.profile, learner.data_dir, lambda pid: titles.get(pid, pid)
        )
        self.pending = self.saver.pending
        self.groups: list[FieldGroup] = [
            AboutYou(roles),
            YourWeek(),
            YourDates(),
            HowYouWork(open_about),
        ]
        self.suggestion = PresetSuggestion(learner.settings)
        self.titles = ["About you", "Your week", "Your dates", "How you work best",
                       "A suggestion for your settings"]  # fmt: skip
        self._build()
        for group in self.groups:
            group.show_profile(self.saver.draft)
            group.edited.connect(lambda g=group: self._edited(g))
        last = len(self.titles) - 1
        self.go_to(min(max(self.saver.draft.onboarding_step, 0), last), announce_it=False)

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(heading("Welcome to Zavmo"))
        self.intro = paragraph(INTRO)  # on the first step only: at 200% text room is short
        column.addWidget(self.intro)
        self.step_label = heading("", role="subheading")
        column.addWidget(self.step_label)
        self.pages = QStackedWidget()
        for widget in (*self.groups, self.suggestion):
            scroll = page_scroll()  # at 200% text a step scrolls; the buttons stay in view
            scroll.setWidget(widget)
            self.pages.addWidget(scroll)
        column.addWidget(self.pages, 1)
        column.addWidget(self.saver.status)
        row = QHBoxLayout()
        self.back = self._button("Back", self.go_back)
        self.next = self._button("Next", self.go_next)
        self.skip = self._button("Skip this step", self.skip_step)
        self.skip_all = self._button("Skip setup", self.skip_setup)
        self.skip_all.setAccessibleDescription("Go to Home now; you can fill this in later")
        for button in (self.back, self.next, self.skip):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.skip_all)
        column.addLayout(row)

    def _button(self, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        return button

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def go_to(self, step: int, announce_it: bool = True) -> None:
        self.pages.setCurrentIndex(step)
        self._page(step).layout().invalidate()  # heights measured while hidden are stale
        last = step == len(self.titles) - 1
        words = f"Step {step + 1} of {len(self.titles)}: {self.titles[step]}"
        self.step_label.setText(words)
        self.back.setEnabled(step > 0)
        self.intro.setVisible(step == 0)
        self.skip.setVisible(not last)
        self.next.setText("Finish" if last else "Next")
        self.next.setAccessibleName(self.next.text())
        if last:
            self.suggestion.show_answers(self.saver.draft.how_i_work)
        if announce_it:
            announce(self, words)
            self._first_field(step).setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        """Where a keyboard user starts: the first field of the step shown."""
        self._first_field(self.step).setFocus(Qt.FocusReason.OtherFocusReason)

    def _page(self, step: int) -> QWidget:
        return (*self.groups, self.suggestion)[step]

    def _first_field(self, step: int) -> QWidget:
        if step < len(self.groups):
            return self.groups[step].first_field()
        return (
            self.suggestion.first_field()
            if self.suggestion.preview.isVisibleTo(self.suggestion)
            else self.next
        )

    # What the learner does ---------------------------------------------------------------

    def _edited(self, group: FieldGroup) -> None:
        draft = group.read(self.saver.draft)
        group.show_problems(problems(draft))
        self.saver.want(draft)

    def go_next(self) -> None:
        if self.step < len(self.groups):
            group = self.groups[self.step]
            draft = group.read(self.saver.draft)  # what is shown is the answer, if untouched
            wrong = group.show_problems(problems(draft))
            if wrong is not None:
                self.saver.want(draft, now=True)  # the valid part is kept all the same
                announce(self, group.message.text(), assertive=True)
                wrong.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.saver.draft = draft
        if self.step == len(self.titles) - 1:
            self._leave(Onboarding.FINISHED)
            return
        self._move(self.step + 1)

    def go_back(self) -> None:
        if self.step > 0:
            self._move(self.step - 1)

    def skip_step(self) -> None:
        """On without this step's untouched answers; what the learner changed is kept."""
        if self.step < len(self.groups):
            group = self.groups[self.step]
            self.saver.draft = keep_valid(self.saver.draft, self.saver.saved)
            group.show_problems([])
            group.show_profile(self.saver.draft)
        self._move(self.step + 1)

    def skip_setup(self) -> None:
        self._leave(Onboarding.SKIPPED)

    def _move(self, step: int) -> None:
        self.saver.want(self.saver.draft.but(onboarding=Onboarding.IN_PROGRESS,
                                             onboarding_step=step), now=True)  # fmt: skip
        self.go_to(step)

    def _leave(self, state: Onboarding) -> None:
        # Saved, or kept and retried by the saver: Home comes either way, nothing is lost.
        self.saver.want(self.saver.draft.but(onboarding=state, onboarding_step=0), now=True)
        self._done()

    def flush(self) -> None:
        self.saver.flush()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field means Next; on a button, the window presses that button.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        focused = QApplication.focusWidget()
        is_button = isinstance(focused, QAbstractButton) and not focused.isCheckable()
        if enter and plain and not is_button:
            self.next.click()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self.saver.reload():  # changed in Settings' "Your profile" meanwhile
            for group in self.groups:
                group.show_profile(self.saver.draft)
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self.saver.flush()
        super().hideEvent(event)  # type: ignore[arg-type]
