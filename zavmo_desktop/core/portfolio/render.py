"""The portfolio document as one self-contained HTML file, and that HTML as a tagged PDF/UA-1.

The PDF embeds the learner's reading font (export_fonts.py); the HTML carries it as data:
URLs, so it is one file that asks nothing of the network.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from zavmo_desktop.core.portfolio.export_fonts import html_font_css, pdf_font_css
from zavmo_desktop.core.portfolio.heat_picture import heat_svg

TEMPLATE = Path(__file__).with_name("portfolio.html.j2")
DETAIL_LABELS = {"name": "Name", "role": "Role", "organisation": "Organisation"}


@cache
def _template() -> Any:
    import jinja2  # lazily: nothing new on the start path

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8"))


def _html(document: Mapping[str, Any], lang: str, fonts: tuple[str, str], links: bool) -> str:
    from markupsafe import Markup

    heat = document.get("heat_map", {}).get("areas", [])
    picture = heat_svg(
        heat,
        f"Skills-gap heat map: {document['programme']}",
        "Each competency of the programme, grouped by area, with its gap from the target "
        "level in words; the table after the picture gives the same figures.",
        fonts[1],
    )
    return str(
        _template().render(
            doc=document,
            lang=lang,
            font_faces=Markup(fonts[0]),  # our own CSS: file or data: URLs, never content
            font_family=Markup(fonts[1]),
            heat_svg=Markup(picture),  # built by heat_picture.py, every text escaped
            detail_labels=DETAIL_LABELS,
            links=links,
            matrix_groups=_by_competency(document["matrix"]),
            readiness_groups=_by_area(document["readiness"]["competencies"].values()),
        )
    )


def _by_competency(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The matrix as one table per competency: small tables break across pages cheaply."""
    groups: list[dict[str, Any]] = []
    for row in rows:
        if not groups or groups[-1]["competency"] != row["competency"]:
            groups.append({"area": row["area"], "competency": row["competency"], "rows": []})
        groups[-1]["rows"].append(row)
    return groups


def _by_area(competencies: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for competency in competencies:
        if not groups or groups[-1]["area"] != competency["area"]:
            groups.append({"area": competency["area"], "rows": []})
        groups[-1]["rows"].append(competency)
    return groups


def to_html(document: Mapping[str, Any], lang: str = "en-GB", font: str = "system") -> str:
    return _html(document, lang, html_font_css(font), links=True)


def to_pdf(document: Mapping[str, Any], lang: str = "en-GB", font: str = "system") -> bytes:
    import weasyprint  # type: ignore[import-untyped]

    html = _html(document, lang, pdf_font_css(font), links=False)
    with _collector_paused(), _page_references_kept():
        pdf = weasyprint.HTML(string=html, base_url=str(TEMPLATE.parent)).write_pdf(
            pdf_variant="pdf/ua-1"
        )
    assert pdf is not None
    return bytes(pdf)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """WeasyPrint makes millions of short-lived objects; with the app's content loaded the
    cyclic collector kept walking all of it (measured: a quarter of the time), so what
    exists already is set aside from collection while the PDF is made."""
    gc.freeze()  # no collection first: that alone took ~0.1 s with the content loaded
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _page_references_kept() -> Iterator[None]:
    """pydyf rebuilds the tuple of every page's reference each time the PDF/UA tagging asks
    for one page's (once per tagged element): quadratic, 1.3 s of a 1,000-item export. The
    tuple only changes when a page is added, so it is kept until then."""
    import pydyf  # type: ignore[import-untyped]

    rebuild = pydyf.PDF.page_references

    def kept(pdf: Any) -> Any:
        count = len(pdf.pages["Kids"])
        memo = pdf.__dict__.get("_page_references_kept")
        if memo is None or memo[0] != count:
            memo = (count, rebuild.fget(pdf))
            pdf.__dict__["_page_references_kept"] = memo
        return memo[1]

    pydyf.PDF.page_references = property(kept)
    try:
        yield
    finally:
        pydyf.PDF.page_references = rebuild
