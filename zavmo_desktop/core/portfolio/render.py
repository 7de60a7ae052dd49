"""The portfolio document as one self-contained HTML file, and that HTML as a tagged PDF/UA-1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TEMPLATE = Path(__file__).with_name("portfolio.html.j2")


def to_html(document: dict[str, Any], lang: str = "en-GB") -> str:
    import jinja2  # lazily: nothing new on the start path

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(doc=document, lang=lang)


def to_pdf(document: dict[str, Any], lang: str = "en-GB") -> bytes:
    import weasyprint  # type: ignore[import-untyped]

    pdf = weasyprint.HTML(string=to_html(document, lang)).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return bytes(pdf)
