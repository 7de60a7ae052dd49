"""A criterion's references to outside standards read "Maps to: <standard> <code>" wherever
criteria are listed (issue 12 item 4); the bundled pack claims none."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BUNDLED_CONTENT
from tests.referenced_pack import EC1_MAPS_TO, EC2_MAPS_TO, referenced_pack
from zavmo_desktop.core.content.criterion_words import criteria_by_id, maps_to
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.deliver.evidence import criterion_lines


def test_a_copied_pack_with_references_says_what_each_criterion_maps_to(tmp_path: Path) -> None:
    pack, problems = load_pack(referenced_pack(tmp_path))
    assert pack is not None and [str(p) for p in problems] == []
    known = criteria_by_id(pack.framework)
    assert maps_to(known["EC1"]) == EC1_MAPS_TO
    assert maps_to(known["EC2"]) == EC2_MAPS_TO
    assert maps_to(known["EC3"]) == ""
    lines = criterion_lines(pack.framework, ("EC1", "EC3", "ZZ9"))
    assert lines[0] == f"EC1: {known['EC1'].text} {EC1_MAPS_TO}"
    assert lines[1] == f"EC3: {known['EC3'].text}"  # no reference, no "Maps to"
    assert lines[2] == "ZZ9"


def test_the_bundled_pack_claims_no_outside_code() -> None:
    pack, _ = load_pack(BUNDLED_CONTENT)
    assert pack is not None
    assert [c.id for c in criteria_by_id(pack.framework).values() if c.references] == []
