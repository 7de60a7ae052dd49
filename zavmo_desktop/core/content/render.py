"""Markdown to safe HTML: markdown-it-py, then nh3 so content can never run or fetch.

markdown-it-py parses in time linear in its input (Python-Markdown took minutes on a line
of 50,000 "![" and overflowed the stack on deeply nested lists). nh3 then keeps only
harmless tags, and every image or link to a file must name a regular file inside the
module's own pack (references.py); anything else loses its src or href.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import nh3

from zavmo_desktop.core.content.limits import MAX_NESTING
from zavmo_desktop.core.content.references import (
    WEB_SCHEMES,
    Refused,
    check_image,
    check_link,
    pack_path,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from zavmo_desktop.core.content.pack_source import PackSource

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol",
    "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "title"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
}
LINK_SCHEMES = set(WEB_SCHEMES)


@dataclass
class Rendered:
    html: str
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (reference, why)
    too_deep: list[int] = field(default_factory=list)  # 0-based body lines nesting stopped at


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    options = {"html": True, "maxNesting": MAX_NESTING, "linkify": False, "typographer": False}
    parser = MarkdownIt("commonmark", options).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # nh3 decides
    return (
        parser.use(deflist_plugin)
        .use(footnote_plugin)
        .use(anchors_plugin, min_level=1, max_level=6)
    )


def render_module(
    text: str, source: PackSource | None = None, module_relative: str = "modules/module.md"
) -> Rendered:
    """The module's safe HTML, and what was dropped from it (for the validator).

    Without a source only the form of each reference is checked (no absolute paths, no
    URLs, no '..' above the pack); with one, each must also be a usable file in it.
    """
    parser = _parser()
    env: dict[str, object] = {}
    tokens = parser.parse(text, env)
    too_deep = [
        token.map[0]
        for token in tokens
        if token.map and token.nesting == 1 and token.level >= MAX_NESTING - 1
    ]
    rendered = Rendered("", too_deep=too_deep)
    checker = _checker(source, module_relative, rendered.dropped)
    html = sanitise_html(parser.renderer.render(tokens, parser.options, env), checker)
    rendered.html = _show_what_was_dropped(html)
    return rendered


# What nh3 leaves of a dropped reference: an image without src, a link without href.
_IMAGE_WITHOUT_SOURCE = re.compile(r'<img(?: alt="([^"<>]*)")?>')
_LINK_WITHOUT_TARGET = re.compile(r"<a>(.*?)</a>", re.DOTALL)


def _show_what_was_dropped(html: str) -> str:
    """An image that is not shown says so in words (Qt shows nothing for it), and a link
    that goes nowhere is plain text, not something that looks clickable."""
    html = _IMAGE_WITHOUT_SOURCE.sub(
        lambda m: f"<span>[Image not shown: {m.group(1)}]</span>" if m.group(1) else "", html
    )
    return _LINK_WITHOUT_TARGET.sub(r"<span>\1</span>", html)


def render_markdown(
    text: str, source: PackSource | None = None, module_relative: str = "modules/module.md"
) -> str:
    return render_module(text, source, module_relative).html


def likely_render_ms(text: str) -> float:
    """About how long rendering takes here (2 cores): ~0.5 µs a character, and ~16 µs
    more for each character that starts formatting (measured: 5,000 "![" take 80 ms)."""
    formatting = sum(text.count(mark) for mark in "*_[`<&~\\")
    return len(text) * 0.0005 + formatting * 0.016


def _checker(
    source: PackSource | None, module_relative: str, dropped: list[tuple[str, str]]
) -> Callable[[str, str, str], str | None]:
    def check(tag: str, attribute: str, value: str) -> str | None:
        try:
            if tag == "img" and attribute == "src":
                if value.strip().lower().startswith(("http:", "https:")):
                    return None  # the body check already warns about web images
                if source is None:
                    pack_path(module_relative, value)
                else:
                    check_image(source, module_relative, value)
            elif tag == "a" and attribute == "href":
                if source is None:
                    _form_of_link(module_relative, value)
                else:
                    check_link(source, module_relative, value)
        except Refused as refused:
            dropped.append((value, str(refused)))
            return None
        return value

    return check


def _form_of_link(module_relative: str, href: str) -> None:
    stripped = href.strip()
    scheme = stripped.split(":", 1)[0].lower() if ":" in stripped else ""
    if stripped.startswith("#") or scheme in WEB_SCHEMES:
        return
    if scheme.isalpha() and len(scheme) > 1:
        raise Refused("is a kind of link the reader does not open")
    pack_path(module_relative, href)


def sanitise_html(
    html: str, attribute_filter: Callable[[str, str, str], str | None] | None = None
) -> str:
    cleaned: str = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        attribute_filter=attribute_filter or _checker(None, "modules/module.md", []),
        link_rel=None,
        strip_comments=True,
    )
    return cleaned


def warm_up() -> None:
    """Build the Markdown parser ahead of time, off the GUI thread."""
    render_markdown("# Ready\n\n| a |\n|---|\n| b |\n")
