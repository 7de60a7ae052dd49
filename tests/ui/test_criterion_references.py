"""Where the learner sees criteria (a practice's introduction, a checklist item, a
reflection's criteria), a criterion that maps onto an outside standard says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from tests.accessibility import find_starting, settle
from tests.referenced_pack import EC1_MAPS_TO, EC2_MAPS_TO, MODULE_ID, referenced_pack
from tests.ui.conftest import OpenWindow
from zavmo_desktop.ui.main_window import MainWindow


def open_mapped(open_window: OpenWindow, tmp_path: Path) -> MainWindow:
    window = open_window("--content", str(referenced_pack(tmp_path)))
    assert window.learner is not None
    module = window.learner.module(MODULE_ID)
    assert module is not None
    window.open_module(module)
    settle()
    return window


def test_the_checklist_item_and_reflection_criteria_show_what_they_map_to(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_mapped(open_window, tmp_path)
    window.reader.show_tab("Checklists")
    settle()
    about = window.reader.checklists.detail.about.text()  # the quick win, first: EC1
    assert "Evidence for: EC1: " in about and about.endswith(EC1_MAPS_TO)
    window.reader.show_tab("Reflections")
    settle()
    box = find_starting(window, "EC1: ")
    assert box.accessibleName().endswith(EC1_MAPS_TO)  # what a screen reader says
    shown = [label.text() for label in window.reader.reflections.findChildren(QLabel)]
    assert any(text.endswith(f"\n{EC1_MAPS_TO}") for text in shown)  # and what is seen


def test_a_practice_introduction_lists_what_its_criteria_map_to(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_mapped(open_window, tmp_path)
    module = window.reader.module
    window.open_conversation(module, module.conversations[0])  # evidences EC1, EC2, EC3
    settle()
    intro = window.conversation_screen._intro.text()
    assert EC1_MAPS_TO in intro and EC2_MAPS_TO in intro
    assert intro.count("Maps to:") == 2  # EC3 claims nothing
