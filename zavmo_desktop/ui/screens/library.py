"""Library: every module by competency area, full-text search, installed packs, and content
problems."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.content_index import MATCH_END, MATCH_START
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.flow_layout import FlowLayout
from zavmo_desktop.ui.widgets.installed_packs import InstalledPacks
from zavmo_desktop.ui.widgets.labels import heading, paragraph, plain_tooltip
from zavmo_desktop.ui.widgets.problem_list import ProblemList
from zavmo_desktop.ui.widgets.search_box import SearchBox
from zavmo_desktop.ui.widgets.wrapping_delegate import WrappingDelegate

MODULE_ID = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 150


class LibraryScreen(QWidget):
    def __init__(
        self,
        learner: Learner,
        open_module: Callable[[Module], None],
        open_glossary: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._learner = learner
        self._open_module = open_module
        self.setAccessibleName("Library screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Library"))
        layout.addLayout(self._build_search_row())
        self._results_label = paragraph()
        layout.addWidget(self._results_label)
        self.notice = paragraph()  # what the learner must be told, e.g. a module that went
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.modules = self._build_tree()
        layout.addWidget(self.modules, 1)
        self._open_button = QPushButton("Open module")
        self._open_button.setAccessibleName("Open module")
        self._open_button.setAccessibleDescription("Opens the module selected in the list")
        self._open_button.clicked.connect(self._open_selected)
        self.glossary_button = QPushButton("Glossary")
        self.glossary_button.setAccessibleName("Glossary")
        self.glossary_button.setAccessibleDescription(
            "Opens the glossary: every key term, with its plain definition"
        )
        if open_glossary is None:
            self.glossary_button.hide()
        else:
            self.glossary_button.clicked.connect(lambda: open_glossary())
        self.import_button = QPushButton("Import content pack")
        self.import_button.setAccessibleName("Import content pack")
        self.import_button.setAccessibleDescription(
            "Choose a .zpack file, see what is in it, then install its modules"
        )
        self.import_button.clicked.connect(self._import_pack)
        self.choose_pack_file: Callable[[], Path | None] = self._ask_for_pack_file
        self.trusted_keys: Sequence[bytes] | None = None  # set from the organisation config
        self.import_dialog: QDialog | None = None  # the newest Import content pack dialog
        buttons = QWidget()
        row = FlowLayout(buttons)  # wraps at large text sizes instead of squashing buttons
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self._open_button, self.glossary_button, self.import_button):
            row.addWidget(button)
        layout.addWidget(buttons)
        self.installed_packs = InstalledPacks(learner)
        self.installed_packs.removed.connect(self._after_removal)
        layout.addWidget(self.installed_packs)
        self.problems = self._build_problems(layout)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._search_pending = False
        self.show_all()

    def _ask_for_pack_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import content pack", "", "Content packs (*.zpack);;All files (*)"
        )
        return Path(name) if name else None

    def _import_pack(self) -> None:
        from zavmo_desktop.ui.widgets.pack_import_dialog import PackImportDialog

        chosen = self.choose_pack_file()
        if chosen is None:
            return
        dialog = PackImportDialog(self._learner, chosen, self.trusted_keys, self)
        dialog.installed.connect(self._after_import)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def _after_import(self) -> None:
        self.search.clear()
        self.show_all()
        self._show_problems()
        self.installed_packs.refresh()

    def _after_removal(self) -> None:
        self._after_import()
        dialog = self.installed_packs.remove_dialog
        if dialog is not None:  # its Remove button is gone: focus goes back to Import
            dialog.finished.connect(lambda: QTimer.singleShot(0, self._focus_import))

    def _focus_import(self) -> None:
        self.window().activateWindow()  # the dialog's window has just gone
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        announce(self, text)

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("&Search:")
        self.search = SearchBox(
            "Search modules",
            "Type words to find in titles, summaries and text",
            "Empties the search box and lists every module",
        )
        label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._run_search)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        return row

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName("Modules")
        tree.setHeaderLabels(["Module", "Status", "Time"])
        tree.setWordWrap(True)  # long titles and snippets wrap: no sideways scrolling
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.header().setStretchLastSection(False)
        tree.setItemDelegate(WrappingDelegate(tree))
        tree.itemActivated.connect(lambda item, _column: self._open_item(item))
        return tree

    def _build_problems(self, layout: QVBoxLayout) -> ProblemList:
        problems = self._learner.problems
        title = heading(f"Content problems ({len(problems)})", role="subheading")
        listing = ProblemList()
        listing.setAccessibleName("Content problems")
        listing.setAccessibleDescription("Modules that could not be loaded, and why")
        self._problems_title = title
        layout.addWidget(title)
        layout.addWidget(listing)
        self.problems = listing
        self._show_problems()
        return listing

    def _show_problems(self) -> None:
        problems = self._learner.problems
        self.problems.clear()
        for problem in problems:
            self.problems.addItem(str(problem))
        self._problems_title.setText(f"Content problems ({len(problems)})")
        self._problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))

    def show_all(self) -> None:
        self.modules.clear()
        self.modules.setColumnCount(3)
        self.modules.setHeaderLabels(["Module", "Status", "Time"])
        progress = self._learner.progress.all()
        for group in self._learner.modules_by_area():
            area_item = QTreeWidgetItem([group.area.title, "", ""])
            area_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.modules.addTopLevelItem(area_item)
            for module in group.modules:
                state = progress.get(module.id)
                status = "Not started" if state is None else (
                    "Complete" if state.complete else "In progress")  # fmt: skip
                item = QTreeWidgetItem([module.title, status, f"{module.minutes} min"])
                item.setData(0, MODULE_ID, module.id)
                item.setToolTip(0, plain_tooltip(module.summary))
                area_item.addChild(item)
            area_item.setExpanded(True)
        self._results_label.setText(f"{len(self._learner.library.modules)} modules")
        self._resize_columns()

    def _run_search(self) -> None:
        self._search_timer.stop()
        self._search_pending = False
        text = self.search.text().strip()
        if not text:
            self.show_all()
            return
        hits = self._learner.search(text)
        self.modules.clear()
        self.modules.setColumnCount(2)
        self.modules.setHeaderLabels(["Module", "Where it matches"])
        for hit in hits:
            snippet = " ".join(hit.snippet.replace(MATCH_START, "").replace(MATCH_END, "").split())
            item = QTreeWidgetItem([hit.title, snippet])
            item.setData(0, MODULE_ID, hit.module_id)
            item.setToolTip(1, plain_tooltip(snippet))
            self.modules.addTopLevelItem(item)
        count = len(hits)
        self._results_label.setText(
            f"{count} module{'s' if count != 1 else ''} match “{text}”" if count
            else f"No modules match “{text}”. Try fewer or shorter words."
        )  # fmt: skip
        if hits:
            self.modules.setCurrentItem(self.modules.topLevelItem(0))
        self._resize_columns()

    def _resize_columns(self) -> None:
        # The list: the title takes the room, status and time only what they need.
        # Search results: a third for the title, the rest for the snippet, both wrapping.
        header = self.modules.header()
        Mode = QHeaderView.ResizeMode
        searching = self.modules.columnCount() == 2
        header.setSectionResizeMode(0, Mode.Interactive if searching else Mode.Stretch)
        for column in range(1, self.modules.columnCount()):
            last = column == self.modules.columnCount() - 1
            header.setSectionResizeMode(
                column, Mode.Stretch if searching and last else Mode.ResizeToContents
            )
        if searching:
            self.modules.setColumnWidth(0, max(160, self.modules.viewport().width() // 3))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resize_columns()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open_selected(self) -> None:
        item = self.modules.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        module_id = item.data(0, MODULE_ID)
        module = self._learner.module(module_id) if module_id else None
        if module is not None:
            self._open_module(module)

    def showEvent(self, event: QShowEvent) -> None:
        if self._search_pending or not self.search.text().strip():
            self._run_search()  # statuses may have changed in the reader
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A search typed just before leaving (or closing, when the database closes too)
        # waits until the Library is shown again.
        self.notice.hide()  # said once: not again when the learner comes back
        self._search_pending = self._search_timer.isActive()
        self._search_timer.stop()
        super().hideEvent(event)
