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
