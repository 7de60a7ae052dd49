"""What the Portfolio screen does beyond its list: the competency matrix and readiness tabs of
the learner's programme, and the dialogs it opens (Add evidence, Record a sign-off, Export
portfolio), each imported when first opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from zavmo_desktop.paths import bundled_content_dir
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QTabWidget

    from zavmo_desktop.core.content.models import Competency, Framework
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.widgets.competency_matrix import CompetencyMatrix
    from zavmo_desktop.ui.widgets.evidence_filters import EvidenceFilters
    from zavmo_desktop.ui.widgets.evidence_list import EvidenceList
    from zavmo_desktop.ui.widgets.readiness_panel import ReadinessPanel


class PortfolioActions:
    _learner: Learner
    framework: Framework | None
    matrix: CompetencyMatrix
    readiness: ReadinessPanel
    tabs: QTabWidget
    pages: QStackedWidget
    filters: EvidenceFilters
    list: EvidenceList

    def add_tab(self, widget: QWidget, title: str) -> int: ...
    def open_item(self, evidence_id: int) -> None: ...
    def back_to_list(self) -> None: ...
    def refresh(self) -> None: ...
    def _competencies(self) -> list[Competency]: ...

    def _add_framework_tabs(self, learner: Learner, framework: Framework) -> None:
        from zavmo_desktop.ui.widgets.competency_matrix import CompetencyMatrix
        from zavmo_desktop.ui.widgets.readiness_panel import ReadinessPanel

        self.matrix = CompetencyMatrix(self.show_evidence_of)
        self.readiness = ReadinessPanel(learner, framework)
        page = QWidget()
        layout = scrolling_column(page)  # at 200% text the page scrolls, never cuts the button
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.matrix, 1)
        sign_this = named_button(
            "Record a sign-off for this criterion",
            "Record that an assessor signed off the criterion chosen in the matrix",
        )
        sign_this.clicked.connect(self._sign_off_current)
        row = QHBoxLayout()
        row.addWidget(sign_this)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_tab(page, "Competency matrix")
        self.add_tab(self.readiness, "Readiness")

    def show_evidence_of(self, ids: list[int]) -> None:
        """A matrix cell's evidence: its one item whole, or the list narrowed to its criterion."""
        self.tabs.setCurrentWidget(self.pages)
        criterion = self.matrix.current_criterion()
        if len(ids) == 1 or criterion is None:
            self.open_item(ids[0])
            return
        if self.pages.currentIndex() == 1:
            self.back_to_list()
        competency = next(c for c in self._competencies() if criterion in c.criteria)
        self.filters.choose_criterion(competency.id, criterion.id)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # The dialogs: the learner's own evidence, an assessor's sign-off --------------------

    def add_evidence(self) -> None:
        from zavmo_desktop.ui.widgets.add_evidence_dialog import open_add_evidence

        assert self.framework is not None
        open_add_evidence(self, self._learner, self.framework, self.refresh)

    def sign_off(self, criterion_ids: list[str] | None = None) -> None:
        from zavmo_desktop.ui.widgets.signoff_dialog import open_sign_off

        assert self.framework is not None
        open_sign_off(self, self._learner, self.framework, self.refresh, criterion_ids)

    def export_portfolio(self) -> None:
        from zavmo_desktop.ui.widgets.export_portfolio_dialog import ExportPortfolioDialog

        dialog = ExportPortfolioDialog(self._learner, self, content=self._extra_packs())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _extra_packs(self) -> list[Path]:
        """Packs given with --content: the export reads the bundled and installed ones itself."""
        packs_folder = self._learner.data_dir / "packs"
        roots = [pack.root for pack in self._learner.library.packs]
        return [r for r in roots if r != bundled_content_dir() and packs_folder not in r.parents]

    def _sign_off_current(self) -> None:
        criterion = self.matrix.current_criterion()
        self.sign_off([criterion.id] if criterion is not None else None)


def programme_framework(learner: Learner) -> Framework | None:
    """The framework of the role the learner works towards, else of the first pack."""
    packs = learner.library.packs
    role = learner.profile.load().role
    pack = next((p for p in packs if p.manifest.id == role), packs[0] if packs else None)
    return pack.framework if pack is not None else None


def named_button(name: str, description: str) -> QPushButton:
    button = QPushButton(name)
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    return button
