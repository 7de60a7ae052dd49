"""Places in a module as offsets into its body text: the same in both reading modes.

Whole-module reading shows the summary and the body in one document; one section at a
time shows one section (the first with the summary). An offset counts characters from the
start of the body as Qt lays it out, so a saved place means the same words in either mode.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextDocument

from zavmo_desktop.core.content.sections import Section

SECTION_HEADING = 2  # split_sections starts a section at each "##" heading


class ModulePlaces:
    def __init__(self, body_html: str, sections: list[Section]) -> None:
        document = QTextDocument()
        document.setHtml(body_html)
        self.length = max(1, document.characterCount() - 1)
        headings = [
            block.position()
            for block in _blocks(document)
            if block.blockFormat().headingLevel() == SECTION_HEADING
        ]
        intro = [0] if len(sections) > len(headings) else []  # text before the first "##"
        self.starts = (intro + headings)[: max(1, len(sections))] or [0]

    def section_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def start_of(self, section: int) -> int:
        return self.starts[min(section, len(self.starts) - 1)]

    def fraction(self, offset: int) -> float:
        return min(1.0, max(0.0, offset / self.length))


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
