"""Settings' "Your profile": the onboarding's answers, to change at any time, with the same
fields as the onboarding's steps. Saved as the learner changes them."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.profile.model import problems
from zavmo_desktop.ui.widgets.how_you_work import HowYouWork
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.preset_suggestion import PresetSuggestion
from zavmo_desktop.ui.widgets.profile_fields import AboutYou, FieldGroup, YourDates, YourWeek
from zavmo_desktop.ui.widgets.profile_saver import ProfileSaver


class ProfilePanel(QWidget):
    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self.setAccessibleName("Your profile")
        roles = learner.roles()
        titles = dict(roles)
        self.saver = ProfileSaver(
            self, learner.profile, learner.data_dir, lambda pid: titles.get(pid, pid)
        )
        self.pending = self.saver.pending
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            paragraph("Your answers from the start. Changes are kept as you make them.")
        )
        self.groups: list[FieldGroup] = [AboutYou(roles), YourWeek(), YourDates(), HowYouWork()]
        for title, group in zip(
            ("About you", "Your week", "Your dates", "How you work best"), self.groups, strict=True
        ):
            column.addWidget(heading(title, role="subheading"))
            column.addWidget(group)
            group.edited.connect(lambda g=group: self._edited(g))
        self.suggestion = PresetSuggestion(learner.settings)
        column.addWidget(self.suggestion)
        column.addWidget(self.saver.status)
        self._show_saved()

    def _show_saved(self) -> None:
        for group in self.groups:
            group.show_profile(self.saver.draft)
        self.suggestion.show_answers(self.saver.draft.how_i_work)

    def _edited(self, group: FieldGroup) -> None:
        draft = group.read(self.saver.draft)
        group.show_problems(problems(draft))
        self.saver.want(draft)
        if isinstance(group, HowYouWork):
            self.suggestion.show_answers(draft.how_i_work)

    def flush(self) -> None:
        self.saver.flush()

    def showEvent(self, event: QShowEvent) -> None:
        if self.saver.reload():  # the onboarding may have changed it meanwhile
            self._show_saved()
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self.saver.flush()
        super().hideEvent(event)  # type: ignore[arg-type]
