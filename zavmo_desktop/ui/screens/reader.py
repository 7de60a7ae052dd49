"""The reader: one module's text, its plain-language summary, reading aids and completion."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, QUrl
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.content.sections import Section, split_sections, without_title
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.settings import READER_KEYS
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.core.storage.repositories import ModuleProgress
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.theme import colours_for, reading_css
from zavmo_desktop.ui.widgets.checklist_panel import ChecklistPanel
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.focus_order import follow_reading_order
from zavmo_desktop.ui.widgets.labels import heading
from zavmo_desktop.ui.widgets.module_page import (
    INTRO_TITLE,
    PreparedPage,
    needs_preparing,
    prepare_page,
    summary_html,
)
from zavmo_desktop.ui.widgets.module_places import ModulePlaces
from zavmo_desktop.ui.widgets.module_read_aloud import ModuleReadAloud
from zavmo_desktop.ui.widgets.outside_links import ask_then_open
from zavmo_desktop.ui.widgets.practice_panel import PracticePanel
from zavmo_desktop.ui.widgets.reading_aids import ReadingAids
from zavmo_desktop.ui.widgets.reading_position import ReadingPosition
from zavmo_desktop.ui.widgets.reading_progress import ReadingProgress
from zavmo_desktop.ui.widgets.reading_view import ReadingView
from zavmo_desktop.ui.widgets.reflection_panel import ReflectionPanel
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say
from zavmo_desktop.ui.widgets.section_bar import SectionBar
from zavmo_desktop.ui.widgets.term_lookup import TermLookup, bind_look_up

SAVE_POSITION_DELAY_MS = 800
PREPARING = "Preparing this module…"


class ReaderScreen(QWidget):
    def __init__(
        self,
        learner: Learner,
        back_to_library: Callable[[], None],
        read_aloud: ReadAloud,
        open_conversation: Callable[[Module, Conversation], None],
        open_glossary: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self._learner = learner
        self.lookup = TermLookup(
            lambda: learner.glossary, learner.settings, read_aloud, open_glossary
        )
        self._module: Module | None = None
        self._sections: list[Section] = []
        self._text_ready = False  # False while a module's text is being prepared
        self._section = 0
        self._places = ModulePlaces("", [])
        self._body_start = 0  # where the module's body begins in the text shown
        self._values: dict[str, Any] = learner.settings.snapshot()
        self.setAccessibleName("Reader screen")
        layout = scrolling_column(self)
        self._title = heading("")
        layout.addWidget(self._title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of this module")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_read_tab(learner, read_aloud), "Read")
        self.practice = PracticePanel(learner, open_conversation)
        self.checklists = ChecklistPanel(learner)
        self.reflections = ReflectionPanel(learner)
        self.tabs.addTab(self.practice, "Practise")
        self.tabs.addTab(self.checklists, "Checklists")
        self.tabs.addTab(self.reflections, "Reflections")
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_buttons(back_to_library))
        # Each tab builds its controls when shown: Tab goes tab bar, tab, buttons under it.
        self.tabs.currentChanged.connect(lambda _index: follow_reading_order(self))
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_POSITION_DELAY_MS)
        self._save_timer.timeout.connect(self.save_position)

    def _build_read_tab(self, learner: Learner, read_aloud: ReadAloud) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.progress = ReadingProgress()
        layout.addWidget(self.progress)
        self.text = self._build_browser()
        self.aids = ReadingAids(self.text)
        self.place = ReadingPosition(self.text)
        self.place.moved.connect(self.aids.scrolled_away)
        self.place.moved.connect(self._scrolled)
        self.place.shown.connect(self.aids.laid_out_again)
        self.place.shown.connect(self._show_progress)
        self.speech = ModuleReadAloud(read_aloud, learner.settings, self.text, self._turn_page)
        self.speech.bar.bind_keys(self)
        read_aloud.spoken.connect(self._spoken)
        layout.addWidget(self.speech.bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.lookup)
        if learner.features.shows("glossary"):  # else Ctrl+D does nothing
            bind_look_up(self, lambda: self.lookup.look_up(self.text))
        layout.addWidget(self._build_section_bar())
        return tab

    def _build_browser(self) -> ReadingView:
        browser = ReadingView()
        browser.setAccessibleName("Module text")
        browser.setOpenLinks(False)  # every link goes through _link_clicked
        browser.anchorClicked.connect(self._link_clicked)
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return browser

    def _build_section_bar(self) -> SectionBar:
        self.section_bar = SectionBar(self, self.step_section)
        bar = self.section_bar
        self.previous_section, self.next_section = bar.previous, bar.next
        self.section_label = bar.label
        return bar

    def _build_buttons(self, back_to_library: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        back = QPushButton("Back to library")
        back.setAccessibleName("Back to library")
        back.setShortcut("Alt+Left")
        back.clicked.connect(back_to_library)
        self.complete = QPushButton("Mark as complete")
        self.complete.setAccessibleName("Mark as complete")
        self.complete.setCheckable(True)
        self.complete.toggled.connect(self._completion_toggled)
        self.complete_status = SaveStatus()  # only when marking it could not be saved
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.complete_status, 1)
        row.addWidget(self.complete)
        return row

    @property
    def module(self) -> Module | None:
        return self._module

    @property
    def one_section(self) -> bool:
        return bool(self._values.get("one_section"))

    def show_module(self, module: Module) -> None:
        self.save_position()
        self._module = module
        self.lookup.hide()
        self.tabs.setCurrentIndex(0)  # a module always opens on its text
        self._title.setText(module.title)
        self.text.images = lambda src: self._learner.module_image(module, src)
        self.text.decoded = {}
        self._learner.mark_opened(module)
        self._text_ready = False
        self._show_activities(module)
        follow_reading_order(self)
        cached = self._learner.cached_module_html(module)
        if not needs_preparing(module.body):
            self._show_text(module, cached or self._learner.module_html(module))
            return
        # A long or heavily formatted module, or one with images, is made ready off the
        # GUI thread: it never holds the window, and its text follows when ready.
        self._sections = []
        self._set_waiting(PREPARING)
        announce(self, PREPARING)
        run_in_background(
            lambda: prepare_page(self._learner, module, cached),
            lambda page: self._prepared(module, page),
            lambda error: self._render_failed(module, error),
        )

    def _prepared(self, module: Module, page: PreparedPage) -> None:
        if page.rendered:
            self._learner.keep_module_html(module, page.html)
        if self._module is module and not self._learner.closed:
            self.text.decoded = page.images
            self._show_text(module, page.html, page)

    def _render_failed(self, module: Module, error: BaseException) -> None:
        if self._module is module:
            self._set_waiting(f"This module could not be shown ({type(error).__name__}).")

    def _set_waiting(self, text: str) -> None:
        self.speech.stop()
        self.section_bar.hide()
        self.text.setPlainText(text)

    def _show_text(self, module: Module, html: str, page: PreparedPage | None = None) -> None:
        self._text_ready = True
        if page is not None:
            self._sections, self._places = page.sections, page.places
        else:
            self._sections = split_sections(html, INTRO_TITLE)
            self._places = ModulePlaces(without_title(html), self._sections)
        progress = self._learner.module_progress(module.id)
        self.complete.blockSignals(True)
        self.complete.setChecked(bool(progress and progress.complete))
        self.complete.blockSignals(False)
        self._show_completion_state()
        self._show_at(self._saved_offset(progress))

    def _show_activities(self, module: Module) -> None:
        """Only the parts this module has: no empty tabs."""
        self.practice.show_module(module)
        self.checklists.show_module(module)
        self.reflections.show_module(module)
        parts = (module.conversations, module.checklists, module.reflections)
        for index, present in enumerate(parts, start=1):
            self.tabs.setTabVisible(index, bool(present))

    def show_tab(self, name: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == name:
                self.tabs.setCurrentIndex(index)

    def flush(self) -> None:
        """Save everything typed in this module now (the window is closing)."""
        self.save_position()
        self.checklists.flush()
        self.reflections.flush()

    def apply_settings(self, values: dict[str, Any]) -> None:
        if self.module is not None and all(values[k] == self._values[k] for k in READER_KEYS):
            return  # e.g. a timer length: nothing to re-lay out
        offset, caret = self.offset(), self._caret_offsets()
        # The same text is laid out again, so reading carries on from the same sentence.
        same_text = values["one_section"] == self._values["one_section"]
        resume = self.speech.resume_point() if same_text else None
        self._values = values
        self.text.column_chars = values["column_chars"]
        self.aids.configure(values["line_focus"], values["reading_ruler"], colours_for(values))
        if self._module is not None and self._text_ready:
            self._show_completion_state()
            self._show_at(offset, caret)
        self.text.fit_column()
        if resume is not None:
            self.speech.read_range(*resume)

    def _summary_html(self) -> str:
        assert self._module is not None
        return summary_html(self._module, bool(self._values.get("literal_labels")))

    def _saved_offset(self, progress: ModuleProgress | None) -> int:
        if progress is None:
            return 0
        if progress.place is None:  # saved as a fraction only (0.3.0 and earlier)
            return round(progress.position * self._places.length)
        return progress.place

    def _show_at(self, offset: int, caret: tuple[int, int] | None = None) -> None:
        """Show the module with the line holding `offset` (see offset()) first, in either
        reading mode; the caret at `caret` (offsets too), else at the start of that line."""
        if self.one_section and self._sections:
            self._section = min(len(self._sections) - 1, self._places.section_of(offset))
            self._set_html(self._sections[self._section].html, self._section == 0)
        else:
            self._set_html(without_title(self._learner.module_html(self._module)))  # type: ignore[arg-type]
        self.section_bar.setVisible(self.one_section)
        self._show_section_state()
        shown = None
        if caret is not None and all(self._shows(c) for c in caret):
            shown = (self._position_of(caret[0]), self._position_of(caret[1]))
        self.place.show(self._position_of(offset), shown)

    def step_section(self, step: int) -> None:
        if not self.one_section or not self._sections:
            return
        target = self._section + step
        if 0 <= target < len(self._sections):
            self._section = target
            self._set_html(self._sections[target].html, target == 0)
            self.place.show(0)
            self._show_section_state()
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            announce(self, self.section_label.text())
            self._save_timer.start()

    def _turn_page(self) -> bool:
        """The next section, for reading the whole module aloud; False at the end."""
        if self.one_section and self._section < len(self._sections) - 1:
            self.step_section(1)
            return True
        return False

    def _show_section_state(self) -> None:
        count = len(self._sections)
        if self.one_section and count:
            self.section_bar.show_section(self._section, count, self._sections[self._section].title)
        self._show_progress()

    def _set_html(self, body: str, with_summary: bool = True) -> None:
        self.speech.stop()  # its positions belong to the text being replaced
        self.text.document().setDefaultStyleSheet(reading_css(self._values))
        self.text.setHtml((self._summary_html() if with_summary else "") + body)
        second = self.text.document().begin().next()
        self._body_start = second.position() if with_summary and second.isValid() else 0
        self.text.fit_column()

    def _spoken(self, view: object, position: int) -> None:
        if view is self.text:
            self.aids.follow_spoken(position)

    def _scrolled(self) -> None:
        self._show_progress()
        self._save_timer.start()

    def _section_start(self) -> int:
        return self._places.start_of(self._section) if self.one_section else 0

    def _offset_of(self, position: int) -> int:
        """A document position as an offset into the module's body text."""
        return self._section_start() + max(0, position - self._body_start)

    def _position_of(self, offset: int) -> int:
        inner = offset - self._section_start()
        return self._body_start + inner if inner > 0 else 0  # 0: the top, summary and all

    def _shows(self, offset: int) -> bool:
        """Whether the text shown now holds `offset` (one section shows only its own)."""
        if not self.one_section:
            return True
        return self._places.section_of(offset) == self._section

    def _caret_offsets(self) -> tuple[int, int]:
        cursor = self.text.textCursor()
        return self._offset_of(cursor.anchor()), self._offset_of(cursor.position())

    def offset(self) -> int:
        """Where the first visible line begins, in characters from the start of the
        module's body text: the place that is saved and that restyling keeps."""
        return self._offset_of(self.place.place) if self._module is not None else 0

    def position(self) -> float:
        """How far through the whole module the learner is, 0.0 to 1.0."""
        if self._module is None:
            return 0.0
        last = not self.one_section or self._section == len(self._sections) - 1
        return 1.0 if last and self.place.at_end() else self._places.fraction(self.offset())

    def _show_progress(self) -> None:
        count = len(self._sections)
        section = (self._section, count) if self.one_section and count else None
        self.progress.show_progress(self.position(), section)

    def save_position(self) -> None:
        self._save_timer.stop()
        if self._module is not None and self._text_ready:
            # Only where the learner was reading: it is tried again at the next scroll.
            with contextlib.suppress(*STORAGE_ERRORS):
                self._learner.save_position(self._module.id, self.position(), self.offset())

    def _completion_toggled(self, checked: bool) -> None:
        if self._module is not None:
            module_id, folder = self._module.id, self._learner.data_dir
            write = functools.partial(self._learner.set_complete, module_id, checked)
            if not write_or_say(self.complete_status, write, folder):
                with QSignalBlocker(self.complete):
                    self.complete.setChecked(not checked)  # shows what is kept
        self._show_completion_state()

    def _show_completion_state(self) -> None:
        done = self.complete.isChecked()
        if self._values.get("literal_labels"):
            text = "Marked as complete" if done else "Mark as complete"
        else:
            text = "Completed ✓" if done else "Mark as complete"
        self.complete.setText(text)
        self.complete.setAccessibleDescription(
            "This module is marked complete. Press to mark it not complete."
            if done else "Marks this module as complete."
        )  # fmt: skip

    def _go_to_anchor(self, anchor: str) -> None:
        if self.one_section:
            for number, section in enumerate(self._sections):
                if f'id="{anchor}"' in section.html:
                    self.step_section(number - self._section)
        self.text.scrollToAnchor(anchor)

    def _link_clicked(self, url: QUrl) -> None:
        if url.isRelative() and url.hasFragment() and not url.path():
            self._go_to_anchor(url.fragment())
        else:
            ask_then_open(self, url)
