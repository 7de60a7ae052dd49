"""A module's page made ready off the GUI thread: its HTML, sections, places and images.

Qt allows a QTextDocument without a widget, and QImage, on any thread. Decoding an image
can take 200 ms (a 4,096-pixel PNG) and releases Python's lock meanwhile, so images are
decoded here and the GUI thread only looks them up. The page itself must still be built
and laid out on the GUI thread: QTextEdit lays out any document it is given again, and
`setHtml` and layout hold Python's lock, so on a worker they would stall it just the same.
"""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.content.module_review import reviewed_words
from zavmo_desktop.core.content.render import likely_render_ms
from zavmo_desktop.core.content.sections import Section, split_sections, without_title
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.widgets.module_places import ModulePlaces
from zavmo_desktop.ui.widgets.reading_view import blank_image, decode_image

RENDER_HERE_MS = 25  # a module likely to render faster, without images, is shown at once
INTRO_TITLE = "Introduction"
_IMAGE_SOURCE = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]*)\"", re.IGNORECASE)


@dataclass
class PreparedPage:
    html: str
    sections: list[Section]
    places: ModulePlaces
    images: dict[str, QImage]  # by the name Qt asks for: QUrl(src).toString()
    rendered: bool  # False when the HTML came from the cache


def needs_preparing(body: str) -> bool:
    """Whether showing the module at once would hold the GUI thread too long."""
    has_images = "![" in body or "<img" in body.lower()
    return has_images or likely_render_ms(body) > RENDER_HERE_MS


def prepare_page(learner: Learner, module: Module, cached: str | None) -> PreparedPage:
    """Runs on a worker thread: it touches no widget and no database."""
    page = cached if cached is not None else learner.render_module_html(module)
    sections = split_sections(page, INTRO_TITLE)
    places = ModulePlaces(without_title(page), sections)
    images = decoded_images(page, lambda src: learner.module_image(module, src))
    return PreparedPage(page, sections, places, images, cached is None)


def decoded_images(page: str, read: Callable[[str], bytes | None]) -> dict[str, QImage]:
    """Every image the page shows, decoded; a blank one for each that cannot be shown."""
    images: dict[str, QImage] = {}
    for source in {html_text.unescape(src) for src in _IMAGE_SOURCE.findall(page)}:
        data = read(source)
        image = decode_image(data) if data else None
        images[QUrl(source).toString()] = image if image is not None else blank_image()
    return images


def summary_html(module: Module, literal_labels: bool) -> str:
    """The plain-language summary, at the top of the text: it scrolls away with it, so at
    large text sizes it never takes the room the reading needs (and it is read aloud)."""
    intro = "Summary:" if literal_labels else "In short:"
    # Law and practice change: the learner sees how current the teaching is.
    when = f" Last reviewed: {reviewed_words(module.reviewed)}." if module.reviewed else ""
    return f'<p class="summary"><b>{intro}</b> {html_text.escape(module.summary)}{when}</p>'
