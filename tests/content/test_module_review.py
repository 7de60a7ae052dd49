"""A module's `reviewed` date: read from the front matter, checked, and kept by the loader."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.module_review import reviewed_words

GDPR = "modules/gdpr-for-ml-leaders.md"
REVIEWED = 'reviewed: "2026-12-01"\n'


@pytest.fixture
def pack(tmp_path: Path, bundled_content: Path) -> Path:
    return Path(shutil.copytree(bundled_content, tmp_path / "pack"))


def with_reviewed(pack: Path, line: str) -> int:
    """Replace the GDPR module's `reviewed:` line; the line number it is on."""
    file = pack / GDPR
    text = file.read_text(encoding="utf-8")
    assert text.count(REVIEWED) == 1
    file.write_text(text.replace(REVIEWED, line), encoding="utf-8")
    return text.splitlines().index(REVIEWED.strip()) + 1


def test_every_module_that_teaches_law_says_when_it_was_last_reviewed(
    bundled_content: Path,
) -> None:
    loaded, problems = load_pack(bundled_content)
    assert loaded is not None and problems == []
    law = [m for m in loaded.modules if loaded.framework.area_of(m.competency).id == "regulation"]  # type: ignore[union-attr]
    assert len(law) >= 3
    assert {m.id: m.reviewed for m in law} == {m.id: dt.date(2026, 12, 1) for m in law}


@pytest.mark.parametrize("line", ['reviewed: "2026-12-01"\n', "reviewed: 2026-12-01\n"])
def test_a_quoted_or_bare_date_is_read(pack: Path, line: str) -> None:
    with_reviewed(pack, line)
    loaded, problems = load_pack(pack)
    assert problems == [] and loaded is not None
    module = next(m for m in loaded.modules if m.id == "gdpr-for-ml-leaders")
    assert module.reviewed == dt.date(2026, 12, 1)


@pytest.mark.parametrize("value", ['"2026-13-01"', "December 2026", "[2026]", '""'])
def test_a_date_that_is_not_real_is_reported_on_its_line(pack: Path, value: str) -> None:
    line = with_reviewed(pack, f"reviewed: {value}\n")
    loaded, problems = load_pack(pack)
    assert loaded is not None
    assert "gdpr-for-ml-leaders" not in {m.id for m in loaded.modules}
    assert [str(p) for p in problems] == [
        f"{pack / GDPR}:{line}: 'reviewed' is not a date: write the date the module was last "
        "checked as YYYY-MM-DD, e.g. 2026-12-01"
    ]


def test_the_date_is_written_out_in_words() -> None:
    assert reviewed_words(dt.date(2026, 12, 1)) == "1 December 2026"
    assert reviewed_words(dt.date(2027, 3, 31)) == "31 March 2027"
