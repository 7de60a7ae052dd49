"""Markdown to safe HTML: Python-Markdown, then nh3 so content can never run or fetch."""

from __future__ import annotations

import re

import nh3

MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "toc"]

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
LINK_SCHEMES = {"http", "https", "mailto"}
_HAS_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Images may only be files inside the pack: no web, no data: or file: URLs.
    if tag == "img" and attribute == "src" and (_HAS_SCHEME.match(value) or ".." in value):
        return None
    return value


def render_markdown(text: str) -> str:
    import markdown  # imported on first use: it is not needed to show the first window

    html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return sanitise_html(html)


def sanitise_html(html: str) -> str:
    cleaned: str = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel=None,
        strip_comments=True,
    )
    return cleaned


def warm_up() -> None:
    """Load Markdown and its extensions ahead of time (~60 ms), off the GUI thread."""
    render_markdown("# Ready\n\n| a |\n|---|\n| b |\n")
