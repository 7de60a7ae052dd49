"""The Library's "Installed content packs": each imported pack, with Remove <title>.

Only packs named in the data folder's registry are listed, so the pack that comes with
Zavmo is never offered for removal; with none installed the part is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.packs.registry import packs_dir, read_registry
from zavmo_desktop.ui.widgets.labels import heading, paragraph


class InstalledPacks(QWidget):
    removed = Signal()

    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self._learner = learner
        self._buttons: list[QPushButton] = []
        self.remove_dialog: QDialog | None = None  # the newest Remove dialog
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Installed content packs", role="subheading"))
        self._rows = QVBoxLayout()
        column.addLayout(self._rows)
        self.refresh()

    def refresh(self) -> None:
        self._buttons = []
        while (item := self._rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # gone at once, not when the deletion comes round
                widget.deleteLater()
        packs = self._installed()
        for pack_id, title, version, count in packs:
            self._rows.addWidget(self._row(pack_id, title, version, count))
        self.setVisible(bool(packs))
        self._shorten_to_fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._shorten_to_fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._shorten_to_fit()

    def _shorten_to_fit(self) -> None:
        """A button cannot wrap: with a long title at a large text size it shows just
        "Remove" (under the pack's line, which names it), never a cut-off title."""
        for button in self._buttons:
            full = button.accessibleName()
            padding = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(
                button.text()
            )
            fits = button.fontMetrics().horizontalAdvance(full) + padding <= self.width()
            button.setText(full if fits or self.width() == 0 else "Remove")

    def _installed(self) -> list[tuple[str, str, str, int]]:
        """(id, title, version, module count) of each registered pack, titled as loaded."""
        data_dir = self._learner.data_dir
        loaded = {p.root.resolve(): p for p in self._learner.library.packs}
        rows = []
        for pack_id, entry in sorted(read_registry(data_dir).items()):
            pack = loaded.get((packs_dir(data_dir) / entry.folder).resolve())
            title = pack.manifest.title if pack is not None else pack_id
            rows.append((pack_id, title, entry.version, len(pack.modules) if pack else 0))
        return rows

    def _row(self, pack_id: str, title: str, version: str, count: int) -> QWidget:
        # The button under its line, not beside it: a long title at 200% text still fits.
        row = QWidget()
        line = QVBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        modules = f"{count} module{'s' if count != 1 else ''}"
        line.addWidget(paragraph(f"{title}, version {version}: {modules}"))
        button = QPushButton(f"Remove {title}")
        button.setAccessibleName(f"Remove {title}")  # the full name, whatever it shows
        self._buttons.append(button)
        button.setAccessibleDescription(
            "Asks first. The modules go; your evidence, reflections and progress stay"
        )
        button.clicked.connect(lambda: self._confirm(pack_id, title, count))
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return row

    def _confirm(self, pack_id: str, title: str, count: int) -> None:
        from zavmo_desktop.ui.widgets.pack_remove_dialog import PackRemoveDialog

        dialog = PackRemoveDialog(self._learner, pack_id, title, count, self)
        dialog.removed.connect(self.removed)
        dialog.finished.connect(dialog.deleteLater)
        self.remove_dialog = dialog
        dialog.open()
