"""Pathway: the learner's plan week by week, this week's checklist, and gentle re-planning.

Nothing here marks anything overdue. When steps from earlier weeks are not ticked, the
screen says so once, plainly, and offers a re-plan from today or a catch-up week; the new
plan is shown beside the current one and changes nothing until it is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)

from zavmo_desktop.core.content.models import Pack
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.compare import compare
from zavmo_desktop.core.pathway.from_assessment import assessed_levels
from zavmo_desktop.core.pathway.ical import study_calendar
from zavmo_desktop.core.pathway.model import Plan, PlanRequest, StepKind, WeekKind
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.pathway.replan import replan
from zavmo_desktop.core.pathway.view import (
    coming_next,
    minutes_text,
    next_milestone,
    part_text,
    serves_text,
    short_date,
    week_rows,
)
from zavmo_desktop.core.storage.pathway_plans import StoredPlan
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pathway_form import PathwayForm
from zavmo_desktop.ui.widgets.pathway_list import fill, pathway_list, read_only
from zavmo_desktop.ui.widgets.pathway_proposal import PathwayProposal
from zavmo_desktop.ui.widgets.pathway_timeline import PathwayTimeline
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say

PART_KEY = Qt.ItemDataRole.UserRole
CALENDAR_NAME = "zavmo-pathway.ics"


def role_pack(learner: Learner) -> Pack:
    """The pack of the role the learner works towards (onboarding), else the first one."""
    role = learner.profile.load().role
    packs = learner.library.packs
    return next((p for p in packs if p.manifest.id == role), packs[0])


def latest_levels(learner: Learner, pack: Pack) -> dict[str, str]:
    """Each competency's level from the learner's latest assessment of the pack (Discover)."""
    latest = learner.assessments.latest(pack.manifest.id)
    if latest is None:
        return {}
    return assessed_levels(pack.framework, learner.assessments.answers(latest.id))


class PathwayScreen(QWidget):
    def __init__(self, learner: Learner, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._learner = learner
        self._today = today
        self._stored: StoredPlan | None = None
        self._proposed: tuple[Plan, str] | None = None
        self.setAccessibleName("Pathway screen")
        layout = scrolling_column(self)
        body = layout.parentWidget()
        self._scroll: QScrollArea = body.parentWidget().parentWidget()  # body, viewport, page
        self._keep_focus_in_view = QTimer(self, singleShot=True, interval=0)
        self._keep_focus_in_view.timeout.connect(self._focus_in_view)
        body.installEventFilter(self)
        layout.addWidget(heading("Pathway"))
        self._intro = paragraph()
        self._notices = paragraph()
        self._behind = paragraph()
        for label in (self._intro, self._notices, self._behind):
            layout.addWidget(label)
        week, later = self._build_plan_parts()
        self._plan_parts = week + later
        self.proposal = PathwayProposal()
        self.proposal.hide()
        self.proposal.accepted.connect(self._accept_proposal)
        self.proposal.declined.connect(self._decline_proposal)
        self.form = PathwayForm(today())
        self.buttons = self._build_buttons()
        self.save_status = SaveStatus()
        # This week first: it is what the learner comes back for; the plan's settings after.
        for widget in [*week, self.proposal, self._settings_heading, self.form]:
            layout.addWidget(widget)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in [self.buttons, self.save_status, *later]:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.refresh()

    def _build_buttons(self) -> ReflowRow:
        self.create_button = _button("Create my pathway", self._create)
        self.replan_button = _button("Re-plan from today", lambda: self._propose(False))
        self.catch_up_button = _button("Catch-up week", lambda: self._propose(True))
        self.catch_up_button.setAccessibleDescription(
            "Plans this week for the steps not done yet, with nothing new, and the rest after it"
        )
        self.export_button = _button("Export calendar", self._export)
        shown = [self.replan_button, self.catch_up_button, self.export_button]
        if not self._learner.features.shows("export"):  # the organisation keeps work in here
            shown.remove(self.export_button)
        return ReflowRow(shown)

    def _build_plan_parts(self) -> tuple[list[QWidget], list[QWidget]]:
        """This week and what comes next; the weeks of the plan."""
        self._week_heading = heading("This week's steps", role="subheading")
        self._week_summary = paragraph()
        self.this_week = pathway_list("This week", checklist=True)
        self.this_week.itemChanged.connect(self._ticked)
        self._next_heading = heading("What comes next", role="subheading")
        self._next = paragraph()
        self._settings_heading = heading("Your hours and days", role="subheading")
        self._weeks_heading = heading("Week by week", role="subheading")
        self.timeline = PathwayTimeline()
        self.weeks = pathway_list("Weeks of the plan")
        week: list[QWidget] = [
            self._week_heading, self._week_summary, self.this_week, self._next_heading, self._next,
        ]  # fmt: skip
        return week, [self._weeks_heading, self.timeline, self.weeks]

    # --- showing the plan ---------------------------------------------------------------

    def refresh(self) -> None:
        self._stored = self._learner.pathway.current()
        plan = self._stored.plan if self._stored else None
        self.buttons.setVisible(plan is not None)
        self.create_button.setVisible(plan is None and bool(self._learner.library.packs))
        for widget in self._plan_parts:
            widget.setVisible(plan is not None)
        if plan is None and not self._learner.library.packs:
            self._intro.setText("No content pack is loaded, so there is nothing to plan yet.")
            self.form.hide()
            self._settings_heading.hide()
            return
        if plan is None:
            self.form.show_profile(self._learner.profile.load(), self._today())
            self._intro.setText(
                "Tell Zavmo how much time you have, then create your pathway: a plan of small "
                "steps, week by week, that fits your hours. You can change it at any time."
            )
            self._notices.setText("")
            self._notices.hide()
            self._behind.hide()
            return
        self._intro.setText(
            f"Your plan: {minutes_text(plan.weekly_minutes)} a week. To change your hours or "
            "days, change them under Your hours and days and choose Re-plan from today."
        )
        self.form.show_plan(plan, self._today())
        self._show_plan(plan, self._done())

    def _done(self) -> frozenset[str]:
        return self._learner.pathway.done(self._stored.id) if self._stored else frozenset()

    def _show_plan(self, plan: Plan, done: frozenset[str], *, ticked: bool = False) -> None:
        """`ticked`: the learner ticked a step, so the checklist they are in stays as it is."""
        today = self._today()
        self._notices.setText(" ".join(plan.notices))
        self._notices.setVisible(bool(plan.notices))
        if not ticked:
            self._fill_this_week(plan, done, today)
        self._summarise_week(plan, done, today)
        steps = coming_next(plan, done, today)
        lines = steps or ["Nothing else is planned after this week."]
        self._next.setText("\n".join([*lines, next_milestone(plan, today)]))
        self.timeline.show_plan(plan, today)
        fill(self.weeks, [row for week in plan.weeks for row in week_rows(week, done, today)])
        self._show_behind(plan, done, today)

    def _fill_this_week(self, plan: Plan, done: frozenset[str], today: date) -> None:
        week = plan.week_of(today)
        self.this_week.blockSignals(True)
        self.this_week.clear()
        framework = role_pack(self._learner).framework if self._learner.library.packs else None
        for session in week.sessions if week else ():
            for part in session.parts:
                serves = serves_text(part, framework) if framework else ""
                text = f"{short_date(session.day)}: {part_text(part)}"
                text += f"\n{serves}" if serves else ""
                if part.kind is StepKind.MILESTONE:
                    self.this_week.addItem(read_only(text))
                    continue
                item = QListWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = part.key in done
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                item.setData(PART_KEY, part.key)
                self.this_week.addItem(item)
        self.this_week.blockSignals(False)
        self.this_week.schedule_fit()
        self.this_week.setVisible(self.this_week.count() > 0)

    def _summarise_week(self, plan: Plan, done: frozenset[str], today: date) -> None:
        week = plan.week_of(today)
        study = [p for p in (week.parts if week else ()) if p.kind is not StepKind.MILESTONE]
        if week is None or not study:
            self._week_summary.setText("Nothing is planned this week.")
            return
        total = sum(p.minutes for p in study)
        finished = sum(p.minutes for p in study if p.key in done)
        catch_up = (
            " This is a catch-up week: only steps from before, nothing new."
            if week.kind is WeekKind.CATCH_UP
            else ""
        )
        self._week_summary.setText(
            f"Week {week.number}: about {minutes_text(total)} planned, "
            f"{minutes_text(finished)} of it done so far.{catch_up} "
            "Tick a step when you have done it."
        )

    def _show_behind(self, plan: Plan, done: frozenset[str], today: date) -> None:
        earlier = [
            p for w in plan.weeks for s in w.sessions if s.day < today for p in s.parts
            if p.kind is StepKind.MODULE and p.key not in done
        ]  # fmt: skip
        self._behind.setVisible(bool(earlier))
        steps = "1 step" if len(earlier) == 1 else f"{len(earlier)} steps"
        self._behind.setText(
            f"{steps} from earlier days are not ticked yet. That happens. "
            "You can re-plan from today, or take a catch-up week for them first."
        )

    # --- changing the plan --------------------------------------------------------------

    def _request(self) -> PlanRequest:
        completed = frozenset(
            module_id for module_id, p in self._learner.progress.all().items() if p.complete
        )
        pack = role_pack(self._learner)
        return PlanRequest(
            pack.framework,
            pack.modules,
            latest_levels(self._learner, pack),
            self.form.hours.value(),
            self.form.study_days,
            self.form.start_date,
            self.form.target_date,
            completed,
        )

    def _create(self) -> None:
        if not self._learner.library.packs:
            return
        plan = make_plan(self._request())
        if write_or_say(self.save_status, lambda: self._learner.pathway.accept(plan, "first")):
            self.refresh()
            self._focus(self.this_week)

    def _propose(self, catch_up: bool) -> None:
        if self._stored is None or not self._learner.library.packs:
            return
        request = self._request()
        done = self._done()
        new = replan(self._stored.plan, done, request, catch_up=catch_up)
        self._proposed = (new, "catch_up" if catch_up else "replan")
        comparison = compare(self._stored.plan, new, done, request.completed)
        self.proposal.show_plans(self._stored.plan, new, comparison, done, self._today())
        self._focus(self.proposal.accept_button)

    def _accept_proposal(self) -> None:
        if self._proposed is None:
            return
        plan, reason = self._proposed
        if write_or_say(self.save_status, lambda: self._learner.pathway.accept(plan, reason)):
            self._decline_proposal()
            self.refresh()

    def _decline_proposal(self) -> None:
        self._proposed = None
        self.proposal.hide()
        self._focus(self.replan_button)

    def _focus(self, widget: QWidget) -> None:
        """Focus moved by a button lands in sight (WCAG 2.4.11); see eventFilter."""
        widget.setFocus()
        self._scroll.ensureWidgetVisible(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page grows as the plan or the proposal fill in (their lists fit their rows
        # after the focus has moved): the focused control is kept in sight, once the
        # page's layout has placed everything for its new size.
        if event.type() == QEvent.Type.Resize:
            self._keep_focus_in_view.start()
        return False

    def _focus_in_view(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self._scroll.widget().isAncestorOf(focus):
            self._scroll.ensureWidgetVisible(focus)

    def _ticked(self, item: QListWidgetItem) -> None:
        key = item.data(PART_KEY)
        if self._stored is None or not key:
            return
        done = item.checkState() == Qt.CheckState.Checked
        plan_id = self._stored.id
        if not write_or_say(
            self.save_status, lambda: self._learner.pathway.set_done(plan_id, key, done)
        ):
            self.this_week.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked if done else Qt.CheckState.Checked)
            self.this_week.blockSignals(False)
            return
        self._show_plan(self._stored.plan, self._done(), ticked=True)

    # --- the calendar -------------------------------------------------------------------

    def _export(self) -> None:
        suggested = str(Path.home() / CALENDAR_NAME)
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export calendar", suggested, "iCalendar files (*.ics)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> bool:
        if self._stored is None:
            return False
        data = study_calendar(
            self._stored.plan, self._done(), now=datetime.now(UTC), from_day=self._today()
        )
        try:
            path.write_bytes(data)
        except OSError as error:
            self.save_status.not_saved(
                f"The calendar could not be saved to {path}: {error.strerror}."
            )
            return False
        self.save_status.saved(f"Calendar saved to {path}. Open it with your calendar app.")
        return True

    def showEvent(self, event: QShowEvent) -> None:
        if self._proposed is None:
            self.refresh()
        super().showEvent(event)


def _button(name: str, action: Callable[[], None]) -> QPushButton:
    button = QPushButton(name)
    button.setAccessibleName(name)
    button.clicked.connect(action)
    return button
