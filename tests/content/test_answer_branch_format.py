"""`branches` under a written answer: checked on its line, and part of the graph."""

from __future__ import annotations

from pathlib import Path

from tests.content.test_validator import (
    assert_reported,
    edit,
    line_of,
    load_broken,
    pack,  # noqa: F401  (the fixture)
)
from zavmo_desktop.core.content.loader import load_pack

TEAMS = "modules/leading-ml-teams.md"
ANSWER_END = "          min_points: 2\n          next: push-budget\n      - id: push-embedded"
INDENT = "          "


def add_branches(pack: Path, *entries: str) -> None:  # noqa: F811
    """Give the debate's push-central answer these `branches` entries (YAML lines)."""
    block = f"{INDENT}branches:\n" + "".join(f"{INDENT}  {e}\n" for e in entries)
    new = ANSWER_END.replace(f"{INDENT}next: push-budget", block + f"{INDENT}next: push-budget")
    edit(pack, TEAMS, ANSWER_END, new)


def test_a_branch_to_a_point_the_rubric_does_not_have_is_reported(pack: Path) -> None:  # noqa: F811
    add_branches(pack, "- if_found: 4", "  next: agree")
    problems = load_broken(pack, TEAMS)
    line = line_of(pack, TEAMS, "if_found: 4")
    assert_reported(problems, pack / TEAMS, line, "'if_found'", "from 1 to 3")


def test_a_branch_to_a_missing_node_is_reported(pack: Path) -> None:  # noqa: F811
    add_branches(pack, "- if_found: 2", "  next: nowhere")
    problems = load_broken(pack, TEAMS)
    line = line_of(pack, TEAMS, "- id: push-central")
    assert_reported(problems, pack / TEAMS, line, "'push-central' goes to 'nowhere'")


def test_a_branch_without_if_found_is_reported(pack: Path) -> None:  # noqa: F811
    add_branches(pack, "- next: agree")
    problems = load_broken(pack, TEAMS)
    line = line_of(pack, TEAMS, "- next: agree")
    assert_reported(problems, pack / TEAMS, line, "missing 'if_found'")


def test_a_node_reached_only_by_a_branch_is_reachable(pack: Path) -> None:  # noqa: F811
    add_branches(pack, "- if_found: 2", "  next: only-by-branch")
    node = (
        "      - id: only-by-branch\n        say: You argued from a measure.\n        next: agree\n"
    )
    edit(pack, TEAMS, "      - id: agree\n", node + "      - id: agree\n")
    loaded, problems = load_pack(pack)
    assert loaded is not None and [p for p in problems if not p.warning] == []
    module = next(m for m in loaded.modules if m.id == "leading-ml-teams")
    debate = next(c for c in module.conversations if c.id == "team-structure-debate")
    answer = next(n for n in debate.nodes if n.id == "push-central").answer
    assert answer is not None
    assert [(b.point, b.next) for b in answer.branches] == [(2, "only-by-branch")]
