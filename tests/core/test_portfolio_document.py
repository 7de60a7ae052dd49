import json
from pathlib import Path

import jsonschema
import pytest

from tests.core.own_data_work import do_real_work
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.document import build_document, to_json

SCHEMA = Path(__file__).parents[2] / "docs" / "schema" / "portfolio.schema.json"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from tests.conftest import BUNDLED_CONTENT

    learner = Learner.open(tmp_path_factory.mktemp("data"), [BUNDLED_CONTENT])
    try:
        do_real_work(learner)
        pack = learner.library.packs[0]
        doc = build_document(learner.portfolio, pack.framework, pack.manifest.id, {"name": "Ada"})
        return json.loads(to_json(doc))
    finally:
        learner.close()


def test_export_validates_against_the_schema(document: dict) -> None:
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(document)


def test_real_work_appears_with_its_criteria(document: dict) -> None:
    kinds = {item["kind"] for item in document["items"]}
    assert {"conversation", "reflection"} <= kinds
    mapped = {c for item in document["items"] for c in item["criteria"]}
    shown = {row["criterion"] for row in document["matrix"] if row["items"]}
    assert shown and shown <= mapped


def test_a_broken_document_fails_the_schema(document: dict) -> None:
    broken = dict(document, items=[dict(document["items"][0], met="yes")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(broken)


def test_html_is_escaped_and_makes_no_outside_request(document: dict) -> None:
    import re

    from zavmo_desktop.core.portfolio.render import to_html

    hostile = dict(document, programme='<script src="https://evil.example/x.js"></script>')
    html = to_html(hostile)
    assert "<script" not in html and '<html lang="en-GB">' in html
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)|url\(\s*['"]?([^'")]*)""", html)
    assert [r for pair in refs for r in pair if r and not r.startswith(("data:", "#"))] == []


def test_pdf_is_tagged_with_language_and_text(document: dict, tmp_path: Path) -> None:
    import io

    import pypdf

    from zavmo_desktop.core.portfolio.render import to_pdf

    pdf = to_pdf(document)
    (tmp_path / "portfolio.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert str(root["/Lang"]).startswith("en")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Readiness" in text and document["items"][0]["title"].split()[0] in text
