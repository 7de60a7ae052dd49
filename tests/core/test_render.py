"""Markdown to safe HTML: what content authors can use, and what can never get through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zavmo_desktop.core.content.render import render_markdown, sanitise_html


def test_tables_are_kept() -> None:
    html = render_markdown("| Measure | Target |\n|---|---|\n| Attrition | Below 10% |\n")
    assert "<table>" in html
    assert "<th>Measure</th>" in html
    assert "<td>Below 10%</td>" in html


def test_headings_get_ids_for_the_table_of_contents() -> None:
    html = render_markdown("# Telling the board\n\n## Four numbers that tell the story\n\nText.")
    assert '<h1 id="telling-the-board">Telling the board</h1>' in html
    assert '<h2 id="four-numbers-that-tell-the-story">' in html


def test_web_and_mail_links_are_kept() -> None:
    html = render_markdown("[NIST](https://www.nist.gov/ai) and [us](mailto:help@example.org)")
    assert '<a href="https://www.nist.gov/ai">NIST</a>' in html
    assert '<a href="mailto:help@example.org">us</a>' in html


def test_relative_links_are_kept() -> None:
    assert '<a href="other-module.md">next</a>' in render_markdown("[next](other-module.md)")


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,<b>x</b>"],
)
def test_script_links_lose_their_target(href: str) -> None:
    html = render_markdown(f"[click me]({href})")
    assert "click me" in html  # the words stay
    assert "href" not in html
    assert "script:" not in html.lower()


def test_raw_html_script_links_lose_their_target() -> None:
    html = render_markdown('<a href="javascript:alert(1)">click</a>')
    assert "javascript" not in html.lower()


@pytest.mark.parametrize(
    ("raw", "gone"),
    [
        ('<iframe src="https://evil.example/"></iframe>', ("<iframe", "evil.example")),
        ("<style>body { display: none }</style>", ("<style", "display")),
        (
            '<form action="https://evil.example/"><input name="password"></form>',
            ("<form", "<input", "evil.example"),
        ),
        ("<script>alert(1)</script>", ("<script", "alert(1)")),
        ('<object data="x.swf"></object><embed src="x.swf">', ("<object", "<embed")),
        ('<p onclick="steal()" style="color:red">Hi</p>', ("onclick", "steal", "style=")),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ("<meta", "evil")),
    ],
)
def test_dangerous_html_is_removed(raw: str, gone: tuple[str, ...]) -> None:
    html = render_markdown(f"Before.\n\n{raw}\n\nAfter.")
    for text in gone:
        assert text not in html
    assert "Before." in html and "After." in html


def test_relative_images_are_kept() -> None:
    html = render_markdown("![The ML lifecycle](images/lifecycle.png)")
    assert '<img src="images/lifecycle.png" alt="The ML lifecycle">' in html


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/pixel.png",
        "http://tracker.example/pixel.png",
        "//tracker.example/pixel.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "file:///etc/passwd",
        "../../../secret.png",
    ],
)
def test_remote_data_and_outside_images_are_dropped(src: str) -> None:
    html = render_markdown(f"![diagram]({src})")
    assert "src=" not in html
    assert "diagram" in html  # the alt text still tells the learner what was there


def test_raw_img_tag_from_the_web_is_dropped() -> None:
    html = sanitise_html('<img src="https://tracker.example/x.png" onerror="alert(1)">')
    assert "tracker.example" not in html
    assert "onerror" not in html


def test_comments_are_removed() -> None:
    assert "secret" not in render_markdown("Text.\n\n<!-- secret note for authors -->\n")


def test_extra_markdown_features_render() -> None:
    text = (
        "Term\n: Its definition.\n\n"
        "A claim.[^1]\n\n[^1]: The source.\n\n"
        "```python\nprint('hi')\n```\n"
    )
    html = render_markdown(text)
    assert "<dl>" in html and "<dt>Term</dt>" in html
    assert '<a href="#fn1" id="fnref1">[1]</a>' in html and '<li id="fn1">' in html
    assert "<pre><code" in html and "print(" in html


def test_bundled_modules_render_without_anything_unsafe(bundled_content: Path) -> None:
    for file in sorted((bundled_content / "modules").glob("*.md")):
        body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        html = render_markdown(body)
        assert "<h2 id=" in html, file.name
        assert not re.search(r"<(script|style|iframe|form)\b", html), file.name
        assert not re.search(r"\son\w+=", html), file.name
