"""Save PNGs of the competency matrix and the readiness panel, as the Portfolio screen's
tabs would hold them: at 100% and 200% text, in the dark and high-contrast themes.

The learner's data is made through the app's own code: two assessment rounds, evidence
items, a sign-off and an accepted pathway, on a copy of the bundled pack whose EC1 and EC2
map onto outside standards.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/matrix_shots.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

from tests.portfolio_data import accept_plan, assess, at_targets, competency_ids, evidence, pack_of
from tests.referenced_pack import referenced_pack
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.status import criterion_ids
from zavmo_desktop.ui import accessible
from zavmo_desktop.ui.theme import apply_theme
from zavmo_desktop.ui.widgets.competency_matrix import CompetencyMatrix
from zavmo_desktop.ui.widgets.readiness_panel import ReadinessPanel


def settle() -> None:
    for _ in range(6):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def fill(learner: Learner) -> None:
    framework = pack_of(learner).framework
    ids = competency_ids(framework)[:-4]  # the last four never assessed: "none" cells
    lowest, second = framework.levels[0].id, framework.levels[1].id
    assess(learner, {cid: lowest for cid in ids}, date(2026, 6, 1))
    assess(learner, {cid: (second if n % 3 else lowest) for n, cid in enumerate(ids)},
           date(2026, 9, 1))  # fmt: skip
    half = {cid: (at_targets(framework)[cid] if n % 2 else second) for n, cid in enumerate(ids)}
    assess(learner, half, date(2026, 11, 20))
    criteria = criterion_ids(framework)
    evidence(learner, "Board paper", ("EC1", "EC2"), met=True)
    evidence(learner, "Draft", ("EC2", "EC3"), met=None)
    evidence(learner, "Team talk", tuple(criteria[8:20]), met=True)
    learner.portfolio.sign_offs.record("EC4", "Grace Hopper", "2026-12-01", "Seen it done")
    accept_plan(learner, half, date(2026, 11, 23))


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    accessible.install(app)
    temp = Path(tempfile.mkdtemp(prefix="zavmo-matrix-shots-"))
    learner = Learner.open(temp / "data", [referenced_pack(temp)])  # EC1, EC2 mapped
    fill(learner)
    framework = pack_of(learner).framework
    # The bundled pack has a module for most competencies, so the plan has modules.
    bundled = Learner.open(temp / "bundled", [Path(__file__).resolve().parents[1] / "content"])
    fill(bundled)
    plan = bundled.pathway.current()
    assert plan is not None
    for part in plan.plan.parts[:6]:
        bundled.pathway.set_done(plan.id, part.key, True)
    opened: list[list[int]] = []
    matrix = CompetencyMatrix(opened.append)
    panel = ReadinessPanel(bundled, pack_of(bundled).framework)
    tabs = QTabWidget()
    tabs.addTab(matrix, "Competency matrix")
    tabs.addTab(panel, "Readiness")
    window = QMainWindow()
    window.setCentralWidget(tabs)
    window.resize(1100, 780)
    window.show()
    window.activateWindow()
    for theme, scale in (("light", 100), ("light", 200), ("dark", 100), ("high_contrast", 100)):
        apply_theme({"theme": theme, "text_scale": scale})
        matrix.show_states(framework, learner.portfolio.states(framework))
        panel.refresh()
        tabs.setCurrentWidget(matrix)
        settle()
        matrix.table.setFocus(Qt.FocusReason.TabFocusReason)
        matrix.table.setCurrentCell(1, 1)
        settle()
        window.grab().save(str(folder / f"matrix-{theme}-{scale}.png"))
        last = matrix.table.rowCount() - 1
        matrix.table.setCurrentCell(last, 0)  # a never-assessed competency: "none"
        settle()
        window.grab().save(str(folder / f"matrix-{theme}-{scale}-end.png"))
        tabs.setCurrentWidget(panel)
        settle()
        window.grab().save(str(folder / f"readiness-{theme}-{scale}.png"))
        panel.why.setChecked(True)
        settle()
        window.grab().save(str(folder / f"readiness-{theme}-{scale}-why.png"))
        panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
        settle()
        window.grab().save(str(folder / f"readiness-{theme}-{scale}-end.png"))
        panel.verticalScrollBar().setValue(0)
        panel.why.setChecked(False)
        print(folder, theme, scale)
    learner.close()
    bundled.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/matrix"))
