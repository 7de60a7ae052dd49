"""How far through a module the learner is, as a bar that also says it in words."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


class ReadingProgress(QProgressBar):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Reading progress")
        self.setRange(0, 100)
        self.setTextVisible(True)

    def show_progress(self, fraction: float, section: tuple[int, int] | None) -> None:
        """`section`: (index, count) when one section is shown at a time."""
        percent = round(fraction * 100)
        self.setValue(percent)
        if section is not None:
            text = f"Section {section[0] + 1} of {section[1]}"
        else:
            text = f"{percent}% read"
        self.setFormat(text)
        self.setAccessibleDescription(text)
