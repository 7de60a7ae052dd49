"""About your learning: the app's own page on ADHD, dyslexia and autism (what people often
bring, what can be harder, what helps, and where Zavmo's settings are), read aloud if wanted.

The page is Markdown the app ships (resources/pages/), made safe HTML like a module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.render import render_markdown
from zavmo_desktop.core.content.sections import without_title
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.paths import about_your_learning_path
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.theme import reading_css
from zavmo_desktop.ui.widgets.labels import heading
from zavmo_desktop.ui.widgets.reading_view import ReadingView
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.spoken_text import ReadTextButton

TITLE = "About your learning"


def page_html() -> str:
    text = about_your_learning_path().read_text(encoding="utf-8")
    return without_title(render_markdown(text))


class AboutYourLearningScreen(QWidget):
    def __init__(
        self,
        settings: Settings,
        read_aloud: ReadAloud,
        go_back: Callable[[], None],
        go_to_settings: Callable[[], None],
    ) -> None:
        super().__init__()
        self._settings = settings
        self.setAccessibleName(f"{TITLE} screen")
        column = QVBoxLayout(self)
        column.addWidget(heading(TITLE))
        self.text = ReadingView()
        self.text.setAccessibleName(f"{TITLE} text")
        self.text.setOpenLinks(False)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._html = page_html()
        self.read = ReadTextButton("Read this page aloud", read_aloud, self.text)
        column.addWidget(self.read, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.read.status)
        column.addWidget(self.text, 1)
        self.back = self._button("Back", go_back, "Goes back to where you opened this page")
        self.back.setShortcut("Alt+Left")
        to_settings = self._button("Go to Settings", go_to_settings, "Opens Settings and presets")
        column.addWidget(ReflowRow([self.back, to_settings]))
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self.restyle)
        listener = lambda _key, _value: self._restyle.start()  # noqa: E731
        settings.subscribe(listener)
        self.destroyed.connect(lambda: settings.unsubscribe(listener))
        self.restyle()

    def _button(self, name: str, action: Callable[[], None], about: str) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.setAccessibleDescription(about)
        button.clicked.connect(action)
        return button

    def restyle(self) -> None:
        """The learner's spacing, colours and column width, live."""
        values = self._settings.snapshot()
        self.read.stop()  # its word positions belong to the layout being replaced
        self.text.column_chars = values["column_chars"]
        self.text.document().setDefaultStyleSheet(reading_css(values))
        self.text.setHtml(self._html)
        self.text.fit_column()
