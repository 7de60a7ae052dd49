"""The shipped content matches the JSON Schemas in docs/schema/, and the schemas reject mistakes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schema"
CONTENT = ROOT / "content"
MODULES = sorted((CONTENT / "modules").glob("*.md"))


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def front_matter(path: Path) -> Any:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].strip() == "---", f"{path.name}: must start with a '---' line"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end]))


def errors(name: str, data: Any) -> list[str]:
    found = validator(name).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def test_there_are_modules() -> None:
    assert len(MODULES) >= 3


@pytest.mark.parametrize(
    ("schema", "path"),
    [("pack", CONTENT / "pack.yaml"), ("framework", CONTENT / "framework.yaml")],
    ids=["pack.yaml", "framework.yaml"],
)
def test_yaml_file_matches_schema(schema: str, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert errors(schema, data) == []


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_module_front_matter_matches_schema(path: Path) -> None:
    assert errors("module", front_matter(path)) == []


def _broken_missing_title(fm: dict[str, Any]) -> None:
    del fm["title"]


def _broken_when(fm: dict[str, Any]) -> None:
    fm["checklists"][0]["items"][0]["when"] = "next_week"


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_broken_missing_title, "'title' is a required property"),
        (_broken_when, "'next_week' is not one of"),
    ],
    ids=["missing-title", "bad-when"],
)
def test_broken_front_matter_is_rejected(breakage: Any, expected: str) -> None:
    good = next(fm for fm in map(front_matter, MODULES) if fm.get("checklists"))
    broken = copy.deepcopy(good)
    breakage(broken)
    found = errors("module", broken)
    assert any(expected in e for e in found), found
