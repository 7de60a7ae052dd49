"""A place in a module means the same words whole or one section at a time, in every
bundled module: checked character by character against Qt's own documents."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from tests.conftest import BUNDLED_CONTENT
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.render import render_markdown
from zavmo_desktop.core.content.sections import split_sections, without_title
from zavmo_desktop.ui.widgets.module_places import ModulePlaces

MODULES = load_library([BUNDLED_CONTENT]).modules


def document(html: str) -> QTextDocument:
    shown = QTextDocument()
    shown.setHtml(html)
    return shown


@pytest.mark.parametrize("module", MODULES, ids=[m.id for m in MODULES])
def test_every_section_maps_onto_the_same_characters_of_the_whole_module(
    qapp: QApplication, module: object
) -> None:
    rendered = render_markdown(module.body)  # type: ignore[attr-defined]
    sections = split_sections(rendered, "Introduction")
    places = ModulePlaces(without_title(rendered), sections)
    whole = document(without_title(rendered))
    assert len(places.starts) == len(sections) > 1
    for number, section in enumerate(sections):
        part = document(section.html)
        start = places.start_of(number)
        assert places.section_of(start) == number
        assert section.title.split()[0] in whole.findBlock(start).text() or number == 0
        for inner in range(0, part.characterCount() - 2, 7):
            assert part.characterAt(inner) == whole.characterAt(start + inner), (
                f"{section.title}: character {inner}"
            )
