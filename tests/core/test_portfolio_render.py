"""The rendered exports: the learner's font embedded in the PDF, the heat map as a picture
and a table, words beside every colour, and an HTML file that needs nothing outside it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pypdf
import pytest

from tests.conftest import BUNDLED_CONTENT
from tests.core.portfolio_export_work import full_portfolio
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.export import ExportOptions, portfolio_document
from zavmo_desktop.core.portfolio.render import to_html, to_pdf


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data_dir = tmp_path_factory.mktemp("data")
    learner = Learner.open(data_dir, [BUNDLED_CONTENT])
    try:
        full_portfolio(learner, data_dir, tmp_path_factory.mktemp("files"))
        options = ExportOptions(frozenset({"name", "role"}))
        out = tmp_path_factory.mktemp("out") / "portfolio.pdf"
        yield portfolio_document(learner, learner.library.packs[0], options, data_dir, out)[0]
    finally:
        learner.close()


def embedded_fonts(pdf: bytes) -> dict[str, set[str]]:
    """Each font's base name and which font-file streams its descriptor carries."""
    found: dict[str, set[str]] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            descriptor = descendants[0].get_object()["/FontDescriptor"]
            files = {k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor}
            found[str(font["/BaseFont"]).split("+")[-1]] = files
    return found


@pytest.mark.parametrize(
    ("setting", "family", "stream"),
    [
        ("system", "Atkinson-Hyperlegible", "/FontFile2"),  # a PDF has no "system font"
        ("lexend", "Lexend", "/FontFile2"),
        ("opendyslexic", "OpenDyslexic", "/FontFile3"),
    ],
)
def test_the_learners_font_is_embedded_and_no_fallback_font_is_used(
    document: dict, setting: str, family: str, stream: str
) -> None:
    fonts = embedded_fonts(to_pdf(document, font=setting))
    assert set(fonts) == {family, f"{family}-Bold"}
    assert all(files == {stream} for files in fonts.values())


def test_pdf_is_tagged_with_its_title_and_the_sign_off_words(document: dict) -> None:
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(document, font="atkinson")))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and str(root["/Lang"]) == "en-GB"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Portfolio: Director of Machine Learning Engineering" in text
    assert "not a certificate" in text and "Sam Okafor" in text and "Ada Lovelace" in text


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parsed(html: str) -> Collect:
    collector = Collect()
    collector.feed(html)
    return collector


def test_html_carries_the_font_and_refers_to_nothing_outside(document: dict) -> None:
    html = to_html(document, font="atkinson")
    assert 'font-family: "Atkinson Hyperlegible"' in html
    assert html.count('src: url("data:font/ttf;base64,') == 2  # regular and bold
    refs = [v for _, attrs in parsed(html).tags for k, v in attrs.items() if k in ("src", "href")]
    assert refs and all(str(ref).startswith("#") for ref in refs)
    assert not re.search(r"url\(\s*(?!['\"]?data:)", html)
    assert "https://example.org/board" in html and 'href="https://example.org' not in html


def test_html_with_the_system_font_embeds_nothing(document: dict) -> None:
    html = to_html(document, font="system")
    assert "@font-face" not in html and "font-family: system-ui" in html


def test_heat_map_picture_is_labelled_and_drawn_from_the_tables_numbers(document: dict) -> None:
    html = to_html(document)
    svg = html[html.index("<svg") : html.index("</svg>")]
    svg_tag = next(attrs for tag, attrs in parsed(svg + "</svg>").tags if tag == "svg")
    assert svg_tag["role"] == "img" and svg_tag["aria-labelledby"] == "heat-title heat-desc"
    assert '<title id="heat-title">Skills-gap heat map' in svg and '<desc id="heat-desc">' in svg
    cells = [cell for area in document["heat_map"]["areas"] for cell in area["competencies"]]
    assert svg.count("<rect") == len(cells)
    for cell in cells:  # every colour has its words
        assert f"gap {cell['gap']}: {cell['gap_words']}" in svg
    table = html[html.index("<caption>Skills-gap heat map") :]
    assert f"{cells[0]['gap']} ({cells[0]['gap_words']})" in table


def test_matrix_status_is_in_words_and_content_is_escaped(document: dict) -> None:
    hostile = dict(document, programme='<script src="https://evil.example/x.js"></script>')
    html = to_html(hostile)
    assert "<script" not in html and "evil.example/x.js&#34;" in html
    statuses = {row["status"] for row in document["matrix"]}
    assert {"verified", "some evidence", "no evidence"} <= statuses
    for status in statuses:
        assert f"<td>{status}</td>" in html
