"""The combining rule (docs/assessment.md): both sides kept, the lower used, every
disagreement said in words; and the order of questions, resume and progress."""

from __future__ import annotations

import pytest

from tests.core.assessment_packs import EXEC, scenario_pack
from zavmo_desktop.core.assessment.model import (
    NOT_SURE,
    CompetencyAnswer,
    clean_evidence,
    rate,
)
from zavmo_desktop.core.assessment.steps import (
    RATING,
    Step,
    next_step,
    previous_step,
    progress,
    resume_at,
    steps,
)
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Competency, Framework


@pytest.fixture(scope="module")
def framework(tmp_path_factory: pytest.TempPathFactory) -> Framework:
    pack, problems = load_pack(scenario_pack(tmp_path_factory.mktemp("packs")))
    assert problems == [] and pack is not None
    return pack.framework


def competency(framework: Framework, competency_id: str = EXEC) -> Competency:
    found = framework.competency(competency_id)
    assert found is not None
    return found


def answer(rating: str | None, **scenarios: str) -> CompetencyAnswer:
    chosen = {key.replace("_", "-"): level for key, level in scenarios.items()}
    return CompetencyAnswer(EXEC, rating, chosen)


def test_agreement_is_said_and_used(framework: Framework) -> None:
    rated = rate(framework, competency(framework), answer("advanced", board_pushback="advanced"))
    assert (rated.self_level, rated.scenario_levels, rated.result) == (4, (4,), 4)
    assert not rated.disagreement
    assert rated.explanation == "Your rating and your scenario answers agree: Advanced."


def test_a_disagreement_keeps_both_uses_the_lower_and_says_so(framework: Framework) -> None:
    rated = rate(framework, competency(framework), answer("expert", cfo_asks_value="aware"))
    assert rated.self_level == 5 and rated.scenario_levels == (1,)
    assert rated.suggested == 1 and rated.result == 1
    assert rated.disagreement
    assert rated.explanation == (
        "You rated yourself Expert. Your scenario answers suggest Aware. They differ by "
        "4 levels, so your plan starts from the lower, Aware. You can change any answer."
    )


def test_one_level_apart_is_a_disagreement_too(framework: Framework) -> None:
    rated = rate(framework, competency(framework), answer("practising", board_pushback="aware"))
    assert rated.disagreement and rated.result == 1
    assert "They differ by 1 level," in rated.explanation
    lower_self = rate(framework, competency(framework), answer("aware", board_pushback="advanced"))
    assert lower_self.disagreement and lower_self.result == 1
    assert "You rated yourself Aware. Your scenario answers suggest Advanced." in (
        lower_self.explanation
    )


def test_scenarios_that_disagree_with_each_other_are_flagged(framework: Framework) -> None:
    both = answer(NOT_SURE, cfo_asks_value="expert", board_pushback="practising")
    rated = rate(framework, competency(framework), both)
    assert rated.self_level is None and rated.scenario_levels == (5, 2)
    assert rated.result == 2 and rated.disagreement
    assert rated.explanation.startswith(
        "You were not sure. Your scenario answers point to Expert and Practising. "
        "They differ by 3 levels"
    )


def test_not_sure_with_scenarios_uses_the_scenarios(framework: Framework) -> None:
    rated = rate(framework, competency(framework), answer(NOT_SURE, board_pushback="advanced"))
    assert rated.answered and rated.result == 4 and not rated.disagreement
    assert rated.explanation == "You were not sure. Your scenario answers suggest Advanced."


def test_not_sure_alone_is_not_known_and_unanswered_is_not_assessed(framework: Framework) -> None:
    no_scenarios = competency(framework, "strategic-thinking")
    assert no_scenarios.scenarios == ()
    unsure = rate(framework, no_scenarios, CompetencyAnswer("strategic-thinking", NOT_SURE))
    assert (unsure.answered, unsure.result) == (True, None)
    assert unsure.explanation == "You were not sure, so it is not known yet."
    nothing = rate(framework, no_scenarios, None)
    assert (nothing.answered, nothing.result, nothing.explanation) == (
        False,
        None,
        "Not assessed yet.",
    )
    rated = rate(framework, no_scenarios, CompetencyAnswer("strategic-thinking", "proficient"))
    assert (rated.result, rated.explanation) == (3, "You rated yourself Proficient.")


def test_a_level_the_pack_no_longer_has_counts_as_not_given(framework: Framework) -> None:
    rated = rate(framework, competency(framework), answer("guru", board_pushback="wizard"))
    assert rated.self_level is None and rated.scenario_levels == () and rated.result is None


def test_evidence_is_one_line_and_too_long_is_refused_not_cut() -> None:
    assert clean_evidence("  Led the Q3\nboard\r\n update. ") == "Led the Q3 board update."
    with pytest.raises(ValueError, match="501 characters; keep it to 500"):
        clean_evidence("x" * 501)


def test_the_questions_go_competency_by_competency(framework: Framework) -> None:
    every = steps(framework)
    competencies = [c.id for area in framework.areas for c in area.competencies]
    assert [s for s in every if s.question == RATING] == [Step(c, RATING) for c in competencies]
    at = every.index(Step(EXEC, RATING))
    assert every[at + 1 : at + 3] == [Step(EXEC, "cfo-asks-value"), Step(EXEC, "board-pushback")]
    assert next_step(framework, every[-1]) is None and previous_step(framework, every[0]) is None
    assert previous_step(framework, every[at + 1]) == Step(EXEC, RATING)


def test_resume_is_the_saved_question_else_the_first_unanswered(framework: Framework) -> None:
    every = steps(framework)
    saved = Step(EXEC, "board-pushback")
    assert resume_at(framework, saved, {}) == saved
    gone = Step(EXEC, "a-scenario-the-pack-dropped")
    answers = {every[0].competency_id: CompetencyAnswer(every[0].competency_id, NOT_SURE)}
    assert resume_at(framework, gone, answers) == every[1]
    done = {c: CompetencyAnswer(c, "aware") for c in {s.competency_id for s in every}}
    done[EXEC] = answer("aware", cfo_asks_value="aware", board_pushback="aware")
    assert resume_at(framework, None, done) is None


def test_progress_counts_questions_and_names_the_competency(framework: Framework) -> None:
    every = steps(framework)
    total = len(every)
    competencies = sum(len(area.competencies) for area in framework.areas)
    answers = {EXEC: answer("aware", board_pushback="aware")}
    shown = progress(framework, Step(EXEC, "cfo-asks-value"), answers)
    assert (shown.answered, shown.total, shown.competencies) == (2, total, competencies)
    assert shown.competency_number == 1  # executive communication is the first competency
    assert shown.words == f"Competency 1 of {competencies}; 2 of {total} questions answered"
