"""Save PNGs of the Portfolio screen: the evidence list, a filtered list, a conversation
opened whole (the app's result and the learner's claim apart), and a reflection with its
editor, criteria and history; the From and To dates (and a From after To), an item with a
draft waiting, an item's sign-offs and a verified matrix cell, at 100% and 200% text,
light and dark.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/portfolio_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from discover_shots import grab  # scripts/ is on the path when a script runs
from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.core.conversation.engine import REVIEW
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.evidence_filter import CHOOSE_DATES
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.signing import record_sign_offs
from zavmo_desktop.ui.main_window import MainWindow

LOOKS = [("100", "light", 100), ("200", "light", 200), ("dark-100", "dark", 100),
         ("dark-200", "dark", 200)]  # fmt: skip
REFLECTION = (
    "The CFO asked about cost first, so I led with payback and the risk we carry if we "
    "wait. Next time I will bring one page with the three numbers."
)


def some_evidence(learner: Learner) -> None:
    """What a week of work leaves, made through the app's own code paths."""
    modules = learner.library.modules
    module, talk = next((m, c) for m in modules for c in m.conversations
                        if c.id == "drift-teach-back")  # fmt: skip
    session = PracticeSession(learner.conversations, module, talk)
    session.start()
    session.answer("Imagine the model learned from last year's customers; customers changed.")
    session.answer("We watch the incoming data and alert the owner.")
    session.claim(["Watches the answers and their accuracy"])
    session.carry_on()
    session.choose(0)
    session.answer("I cannot promise it, but we will notice sooner.")
    while not session.finished and session.engine.phase == REVIEW:
        session.carry_on()
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    with_reflection = next(m for m in modules if m.reflections)
    reflection = with_reflection.reflections[0]
    deliver.save_reflection(with_reflection.id, reflection, REFLECTION, reflection.evidences)
    with_checklist = next(m for m in modules if m.checklists)
    checklist = with_checklist.checklists[0]
    for item in checklist.items[:2]:
        deliver.tick(with_checklist.id, checklist, item, True)
        deliver.add_item_to_evidence(with_checklist.id, checklist, item)
    add_text(learner.evidence, "Board paper on model costs", "I wrote the paper.", ["EC1", "EC2"])
    comment = "Presented the paper to the board and took every question."
    record_sign_offs(learner.portfolio.sign_offs, ["EC1"], "Priya Shah", "Head of Data, Acme",
                     date.today(), comment)  # fmt: skip


def dates_and_draft(window: MainWindow, folder: Path, name: str) -> None:
    """The From and To fields, then a From after To, then a reflection's draft waiting."""
    screen = window.screen("Portfolio")
    period = screen.filters.period.combo
    period.setCurrentIndex(period.findData(CHOOSE_DATES))
    grab(window, folder, f"portfolio-dates-{name}")
    screen.filters.since.set_day(date.today() + timedelta(days=3))
    grab(window, folder, f"portfolio-dates-crossed-{name}")
    screen.filters.clear()
    open_kind(screen, "Reflection")
    screen.view.edit_button.click()
    screen.view.editor.box.insertPlainText(" And the risks.")
    screen.back_to_list()
    grab(window, folder, f"portfolio-draft-{name}")
    screen.view.editor.drafts.clear()
    screen.refresh()


def sign_offs(window: MainWindow, folder: Path, name: str) -> None:
    """An item's sign-offs, and the verified cell of the matrix with its line below."""
    screen = window.screen("Portfolio")
    open_kind(screen, "Your own writing")
    screen.item_scroll.ensureWidgetVisible(screen.view.sign_offs)
    grab(window, folder, f"portfolio-signed-{name}")
    screen.back_to_list()
    screen.tabs.setCurrentIndex(1)
    table = screen.matrix.table
    table.setCurrentCell(1, 0)
    table.setFocus()
    grab(window, folder, f"portfolio-matrix-signed-{name}")
    screen.tabs.setCurrentIndex(0)


def open_kind(screen: object, words: str) -> None:
    view = screen.list  # type: ignore[attr-defined]
    for row in range(view.count()):
        if f"— {words}," in view.item(row).text():
            view.setCurrentRow(row)
            screen.open_chosen()  # type: ignore[attr-defined]
            return


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-portfolio-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.activateWindow()
    window.onboarding_screen.skip_all.click()
    learner = window.learner
    window.show_screen("Portfolio")
    grab(window, folder, "portfolio-empty-100")
    some_evidence(learner)
    for name, theme, scale in LOOKS:
        learner.settings.apply({"theme": theme, "text_scale": scale})
        window.show_screen("Home")
        window.show_screen("Portfolio")
        screen = window.screen("Portfolio")
        grab(window, folder, f"portfolio-list-{name}")
        kinds = screen.filters.kind.combo
        kinds.setCurrentIndex(kinds.findText("Checklist item"))
        grab(window, folder, f"portfolio-filtered-{name}")
        screen.filters.clear()
        open_kind(screen, "Practice conversation")
        grab(window, folder, f"portfolio-item-{name}")
        screen.back_to_list()
        open_kind(screen, "Reflection")
        screen.view.edit_button.click()
        screen.item_scroll.ensureWidgetVisible(screen.view.editor)
        grab(window, folder, f"portfolio-edit-{name}")
        screen.view.editor.cancel()
        screen.view.map_button.click()
        screen.item_scroll.ensureWidgetVisible(screen.view.mapper, 0, 400)
        grab(window, folder, f"portfolio-map-{name}")
        screen.view.map_button.click()
        screen.view.history_button.click()
        screen.item_scroll.ensureWidgetVisible(screen.view.history)
        grab(window, folder, f"portfolio-history-{name}")
        screen.view.editor.cancel()
        screen.back_to_list()
        dates_and_draft(window, folder, name)
        sign_offs(window, folder, name)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    main(Path(sys.argv[1]))
