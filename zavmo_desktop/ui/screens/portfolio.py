"""Portfolio (Ctrl+7): the learner's evidence, in tabs. The first tab, Evidence, lists every
item, narrowed by the filters, and opens one whole on the same screen; Back returns to the
list with the same item chosen. The competency matrix and readiness of the learner's
programme follow as tabs; a matrix cell opens the evidence behind it here.

How each item reads is in core/portfolio/evidence_words.py and which ones show in
core/portfolio/evidence_filter.py; the rules behind outcomes are in docs/portfolio.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Competency, Criterion
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.evidence_filter import (
    count_words,
    crossed_dates_words,
    filtered,
)
from zavmo_desktop.core.portfolio.evidence_words import drafts_words
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.column_scroll import page_scroll, scrolling_column
from zavmo_desktop.ui.widgets.evidence_filters import EvidenceFilters
from zavmo_desktop.ui.widgets.evidence_list import EvidenceList
from zavmo_desktop.ui.widgets.evidence_view import EvidenceView
from zavmo_desktop.ui.widgets.focus_order import follow_reading_order
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.portfolio_actions import (
    PortfolioActions,
    named_button,
    programme_framework,
)

EMPTY = (
    "No evidence yet. Finished practice conversations, ticked checklists and reflections "
    "appear here."
)
NONE_MATCH = "No items match these filters. Choose a wider filter to see more."
DRAFT_LEFT = "{title}: a draft is waiting. Your changed words are kept but not saved yet."


class PortfolioScreen(PortfolioActions, QWidget):
    def __init__(
        self,
        learner: Learner,
        read_aloud: ReadAloud,
        clock: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._learner = learner
        self.clock = clock  # what the date filter counts as today
        self._items: list[EvidenceItem] = []
        self._shown: list[EvidenceItem] = []
        self._said = ""
        self.framework = programme_framework(learner)
        self.setAccessibleName("Portfolio screen")
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading("Portfolio"), 1)
        if learner.features.shows("export"):
            self.export_button = named_button(
                "Export portfolio", "Save the portfolio as a PDF, a web page or data (JSON)"
            )
            self.export_button.clicked.connect(self.export_portfolio)
            top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of your portfolio")
        self.tabs.setDocumentMode(True)
        self.pages = QStackedWidget()  # the list, or one item whole
        self.pages.setAccessibleName("Evidence")
        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_item_page(learner, read_aloud))
        self.tabs.addTab(self.pages, "Evidence")
        column.addWidget(self.tabs, 1)
        if self.framework is not None:
            self._add_framework_tabs(learner, self.framework)
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self.filters.reflow)
        listener = lambda _key, _value: self._restyle.start()  # noqa: E731
        learner.settings.subscribe(listener)
        self.destroyed.connect(lambda: learner.settings.unsubscribe(listener))
        self.tabs.currentChanged.connect(lambda _index: follow_reading_order(self))
        self.refresh()

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        layout = scrolling_column(page)  # at 200% text the filters scroll, never squashed
        layout.setContentsMargins(0, 8, 0, 0)
        self.filters = EvidenceFilters(lambda: self.clock())
        self.filters.changed.connect(self._show_list)
        self.count = paragraph()
        self.empty = paragraph(EMPTY)
        self.list = EvidenceList()
        self.list.itemActivated.connect(lambda _row: self.open_chosen())
        self.list.currentRowChanged.connect(lambda _row: self._enable_open())
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open")
        self.open_button.setAccessibleDescription("Show the chosen item whole")
        self.open_button.clicked.connect(self.open_chosen)
        buttons = [self.open_button]
        if self.framework is not None:  # what the learner adds maps to its criteria
            self.add_button = named_button("Add evidence", "Add your own writing, a link or a file")
            self.add_button.clicked.connect(self.add_evidence)
            self.sign_off_button = named_button(
                "Record a sign-off", "Record that an assessor signed off criteria on this laptop"
            )
            self.sign_off_button.clicked.connect(lambda: self.sign_off())
            buttons += [self.add_button, self.sign_off_button]
        for widget in (self.filters, self.count, self.empty):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(0)  # the room the list takes; with no list, the words stay on top
        return page

    def _build_item_page(self, learner: Learner, read_aloud: ReadAloud) -> QWidget:
        self.item_scroll = page_scroll()
        self.view = EvidenceView(learner, read_aloud)
        self.view.back.connect(self.back_to_list)
        self.view.changed.connect(lambda _id: self._reload())
        self.item_scroll.setWidget(self.view)
        return self.item_scroll

    # More tabs, and a refresh once a dialog has added something --------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        index = self.tabs.addTab(widget, title)
        follow_reading_order(self)
        return index

    def refresh(self) -> None:
        """Read the evidence and the frameworks again; the list keeps its filters."""
        self._fill_filters()
        self._reload()
        if self.framework is not None:
            self.matrix.show_states(self.framework, self._learner.portfolio.states(self.framework))
            self.readiness.refresh()
        if self.pages.currentIndex() == 1 and self.view.item is not None:
            fresh = self._learner.evidence.by_id(self.view.item.id)
            if fresh is None:
                self.back_to_list()
            else:
                self.view.show_item(fresh, self._competencies(), self._known())

    def _reload(self) -> None:
        self._items = list(reversed(self._learner.evidence.all()))  # newest first
        self._show_list()

    # The frameworks of the loaded packs -------------------------------------------------

    def _competencies(self) -> list[Competency]:
        return [
            competency
            for pack in self._learner.library.packs
            for area in pack.framework.areas
            for competency in area.competencies
        ]

    def _criteria(self) -> list[Criterion]:
        seen: dict[str, Criterion] = {}
        for competency in self._competencies():
            for criterion in competency.criteria:
                seen.setdefault(criterion.id, criterion)
        return list(seen.values())

    def _known(self) -> dict[str, Criterion]:
        return {criterion.id: criterion for criterion in self._criteria()}

    def _fill_filters(self) -> None:
        self.filters.set_competencies(self._competencies())

    # The list ----------------------------------------------------------------------------

    def _show_list(self) -> None:
        criteria_of = {c.id: [cr.id for cr in c.criteria] for c in self._competencies()}
        chosen = self.filters.current()
        self._shown = filtered(self._items, chosen, criteria_of, self.clock())
        drafts = self._drafts()
        self.list.show_items(self._shown, drafts)
        has_any = bool(self._items)
        self.empty.setVisible(not has_any)
        self.filters.setVisible(has_any)
        self.list.setVisible(bool(self._shown))
        self.open_button.setVisible(has_any)
        said = count_words(len(self._shown), len(self._items)) if has_any else EMPTY
        if has_any and self.filters.competency_title():  # whole, though its list may cut it
            said = f"{said} for {self.filters.competency_title()}"
        waiting = drafts_words(sum(item.id in drafts for item in self._shown))
        if has_any and waiting:
            said = f"{said}, {waiting}"
        if has_any and chosen.dates_crossed:
            said = f"{said}. {crossed_dates_words(chosen)}"
        elif has_any and not self._shown:
            said = f"{said}. {NONE_MATCH}"
        self.count.setText(said if has_any else "")
        self.count.setVisible(has_any)
        self._enable_open()
        if said != self._said:
            if self._said and self.isVisible():
                announce(self, said)
            self._said = said

    def _drafts(self) -> set[int]:
        """The items whose changed words wait in the editor, not saved yet."""
        return set(self.view.editor.drafts)

    def _enable_open(self) -> None:
        self.open_button.setEnabled(self.list.chosen_id() is not None and bool(self._shown))

    @property
    def shown_count(self) -> int:
        return len(self._shown)

    # One item ----------------------------------------------------------------------------

    def open_chosen(self) -> None:
        evidence_id = self.list.chosen_id()
        if evidence_id is not None:
            self.open_item(evidence_id)

    def open_item(self, evidence_id: int) -> None:
        item = self._learner.evidence.by_id(evidence_id)
        if item is None:
            return
        self.view.show_item(item, self._competencies(), self._known())
        self.pages.setCurrentIndex(1)
        self.item_scroll.verticalScrollBar().setValue(0)
        follow_reading_order(self)
        self.view.focus_first()
        announce(self, f"Opened {item.title}")

    def back_to_list(self) -> None:
        self.view.read.stop()
        self.view.close_panels()
        opened = self.view.item.id if self.view.item is not None else None
        self._show_list()  # a draft left in the editor now shows on its row
        self.pages.setCurrentIndex(0)
        if opened is not None:
            self.list.choose(opened)
            if opened in self._drafts():
                announce(self, DRAFT_LEFT.format(title=self.view.item.title))
        follow_reading_order(self)
        target = self.list if self.list.isVisible() else self.filters.competency.combo
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def pending(self) -> PendingSaves:
        """Edited words that could not be saved at close (a full disk), for closing.py."""
        return self.view.editor.pending

    def flush(self) -> None:
        """The window is closing: words still in the editor are saved (not lost)."""
        self.view.editor.flush()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # evidence made elsewhere since it was last shown
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self.view.read.stop()
        super().hideEvent(event)  # type: ignore[arg-type]
