"""A module's rendered HTML cut into its sections, for "one section at a time" reading."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_LEADING_TITLE = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>\s*", re.DOTALL)
_SECTION_START = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Section:
    title: str
    html: str


def without_title(rendered: str) -> str:
    """The body without its leading `# title`: the reader shows the title above the summary."""
    return _LEADING_TITLE.sub("", rendered, count=1)


def split_sections(rendered: str, intro_title: str) -> list[Section]:
    """One section per second-level heading; text before the first is the introduction."""
    body = without_title(rendered)
    starts = list(_SECTION_START.finditer(body))
    if not starts:
        return [Section(intro_title, body)]
    sections = []
    intro = body[: starts[0].start()]
    if intro.strip():
        sections.append(Section(intro_title, intro))
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(body)
        sections.append(Section(_plain(match.group(1)), body[match.start() : end]))
    return sections


def _plain(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", fragment)).strip()
