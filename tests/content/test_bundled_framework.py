"""The bundled framework carries what Discover and the pathway need (issue 11).

Every competency with a module can be assessed with its own level descriptors and
at least one scenario; responsibilities and competencies link both ways; and no
scenario offers two answers for the same level, so an answer always says one thing.
"""

from __future__ import annotations

import pytest

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Competency, Pack
from zavmo_desktop.paths import bundled_content_dir


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded, problems = load_pack(bundled_content_dir())
    assert loaded is not None and not problems, [str(p) for p in problems]
    return loaded


def competencies(pack: Pack) -> list[Competency]:
    return [c for area in pack.framework.areas for c in area.competencies]


def test_every_competency_with_a_module_has_five_descriptors_and_a_scenario(pack: Pack) -> None:
    level_ids = [level.id for level in pack.framework.levels]
    with_modules = {module.competency for module in pack.modules}
    assert len(with_modules) >= 5
    for competency_id in sorted(with_modules):
        competency = pack.framework.competency(competency_id)
        assert competency is not None, competency_id
        descriptors = {d.level: d for d in competency.level_descriptors}
        assert sorted(descriptors) == sorted(level_ids), competency_id
        for level_id in level_ids:
            descriptor = descriptors[level_id]
            assert descriptor.description.strip(), (competency_id, level_id)
            assert descriptor.example.strip(), (competency_id, level_id)
            assert pack.framework.descriptor(competency_id, level_id) == descriptor
        assert competency.scenarios, f"{competency_id} has no scenario"


def test_every_competency_serves_a_responsibility(pack: Pack) -> None:
    known = {r.id for r in pack.framework.responsibilities}
    assert len(known) >= 6
    for competency in competencies(pack):
        assert competency.responsibilities, f"{competency.id} links no responsibility"
        assert set(competency.responsibilities) <= known, competency.id


def test_every_responsibility_is_served_by_a_competency(pack: Pack) -> None:
    assert pack.framework.responsibilities
    linked = {r for c in competencies(pack) for r in c.responsibilities}
    unlinked = [r.id for r in pack.framework.responsibilities if r.id not in linked]
    assert not unlinked, f"no competency links {unlinked}"


def test_every_competency_has_a_priority(pack: Pack) -> None:
    priorities = {c.priority for c in competencies(pack)}
    assert priorities <= {"high", "medium", "low"}
    assert len(priorities) == 3  # the priorities order the pathway only if they differ


def test_no_scenario_has_two_answers_for_one_level(pack: Pack) -> None:
    scenarios = [(c.id, s) for c in competencies(pack) for s in c.scenarios]
    assert scenarios
    for competency_id, scenario in scenarios:
        levels = [answer.level for answer in scenario.answers]
        assert len(levels) == len(set(levels)), (competency_id, scenario.id, levels)
        assert 3 <= len(levels) <= 5, (competency_id, scenario.id)


def test_the_length_of_an_answer_does_not_give_its_level_away(pack: Pack) -> None:
    """A learner should not find the top level by picking the longest answer, nor the
    bottom one by picking the shortest, nor the top one by its place in the list."""
    rank = {level.id: i for i, level in enumerate(pack.framework.levels)}
    scenarios = [s for c in competencies(pack) for s in c.scenarios]
    top_is_longest = low_is_shortest = 0
    top_places = set()
    for scenario in scenarios:
        by_rank = sorted(scenario.answers, key=lambda a: rank[a.level])
        by_length = sorted(scenario.answers, key=lambda a: len(a.text))
        top_is_longest += by_rank[-1] is by_length[-1]
        low_is_shortest += by_rank[0] is by_length[0]
        top_places.add(scenario.answers.index(by_rank[-1]))
    assert top_is_longest <= len(scenarios) // 3
    assert low_is_shortest <= len(scenarios) // 3
    assert len(top_places) >= 3
