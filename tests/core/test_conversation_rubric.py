"""Rubric feedback on free text: stems, phrases, groups, negation, numbers and time words."""

from __future__ import annotations

import pytest

from zavmo_desktop.core.content.models import RubricPoint
from zavmo_desktop.core.conversation.rubric import COPIED, NOT_KNOWN, RubricResult, check_answer

VALUE = RubricPoint("Links the spend to business value", ("revenue", "roi", "5 million"))
COST = RubricPoint("Names a measure of cloud cost", ("cloud cost", "cost per model", "15"))
OFTEN = RubricPoint("Says how often you will report", ("{period}",))
REPORT = RubricPoint("Reports", ("report",))
HONEST = RubricPoint(
    "Says honestly that drift will happen again", ("happen again",), negated=("promise",)
)
SOONER = RubricPoint(
    "Says you will notice it sooner",
    (),
    all_of=(("notice", "catch", "spot"), ("sooner", "earlier", "{duration}")),
)
RUBRIC = (VALUE, COST, OFTEN)


def words(answer: str, point: RubricPoint, question: str = "") -> tuple[str, ...]:
    return check_answer(answer, (point,), question=question).points[0].words


@pytest.mark.parametrize("answer", ["I am reporting it", "two reports", "it was reported"])
def test_word_stems_meet(answer: str) -> None:
    assert words(answer, REPORT)


@pytest.mark.parametrize(
    "answer",
    [
        "I'll send you an update every three months.",
        "Quarterly.",
        "each quarter",
        "once a quarter",
        "every 3 months",
        "three-monthly",
        "monthly",
        "twice a year",
        "every other week",
    ],
)
def test_any_regular_period_says_how_often(answer: str) -> None:
    assert words(answer, OFTEN)


def test_periods_have_one_meaning() -> None:
    quarterly = RubricPoint("Quarterly", ("quarterly",))
    for answer in ("every three months", "each quarter", "once a quarter", "every 3 months"):
        assert words(answer, quarterly), answer
    for answer in ("every month", "every six months", "three months from now"):
        assert not words(answer, quarterly), answer


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        ("We expect £5m a year", VALUE),
        ("over five million", VALUE),
        ("costs fell by 15%", COST),
        ("fifteen", COST),
        ("ROI, and more ROI!", VALUE),
        ("the Cloud\ncost fell", COST),
        ("cost per each model", COST),  # a small word between the words of a phrase
    ],
)
def test_numbers_and_phrases_match_as_such(answer: str, point: RubricPoint) -> None:
    assert words(answer, point)


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        ("Heroism is not a plan", VALUE),  # "roi" inside a word
        ("costs fell by 150%", COST),  # 15 inside a bigger number
        ("costs fell by 1.5%", COST),
        ("£25m of value", VALUE),
        ("cloud and then cost", COST),  # the words of a phrase, but not together
        ("", OFTEN),
        ("every", OFTEN),
    ],
)
def test_part_words_other_numbers_and_split_phrases_do_not_count(
    answer: str, point: RubricPoint
) -> None:
    assert words(answer, point) == ()


def test_a_number_inside_a_time_is_not_that_number() -> None:
    target = RubricPoint("Names a target", ("10",))
    assert words("attrition below 10%", target)
    assert words("week 10", target) == () and words("every 10 days", target) == ()
    assert words("in week 10", RubricPoint("A date", ("{date}",)))


@pytest.mark.parametrize(
    "answer",
    [
        "I promise it will never happen again.",
        "It won't happen again, I'm sure of it.",
        "This cannot happen again.",
        "We will not let it happen again",
    ],
)
def test_a_match_inside_a_negated_clause_does_not_count(answer: str) -> None:
    assert words(answer, HONEST) == ()


@pytest.mark.parametrize(
    "answer",
    [
        "I can't promise that.",
        "No, I cannot promise it",
        "Nobody can promise that",
        "I won’t promise",
    ],
)
def test_a_point_can_need_the_negated_form(answer: str) -> None:
    assert words(answer, HONEST)


def test_negation_ends_at_the_clause() -> None:
    assert words("I can't say when, but it will happen again", HONEST)
    assert words("We will not stop it; it will happen again.", HONEST)
    assert words("I can promise one thing: it will happen again", HONEST)
    assert words("not only will it happen again, it is normal", HONEST)


def test_all_of_needs_one_of_each_group_in_one_sentence() -> None:
    assert words("We will catch it sooner.", SOONER) == ("catch", "sooner")
    assert words("Alerts will spot it within two days", SOONER)
    assert words("We will catch it. Sooner or later.", SOONER) == ()  # two sentences
    assert words("We won't catch it sooner", SOONER) == ()
    assert words("sooner", SOONER) == ()


def test_i_dont_know_covers_nothing() -> None:
    known = RubricPoint("Says what is not known yet", (), negated=("know",))
    result = check_answer("I don't know.", (known, HONEST))
    assert result.covered == () and result.note == NOT_KNOWN
    assert check_answer("We don't know yet how often it will drift.", (known,)).covered


def test_an_answer_copied_from_the_question_covers_nothing() -> None:
    question = "Can you promise me this will not happen again?"
    result = check_answer("Can you promise me this will not happen again", (HONEST,), 1, question)
    assert result.covered == () and result.note == COPIED
    honest = "I cannot promise this: it will happen again"
    assert check_answer(honest, (HONEST,), 1, question).covered


def test_the_learners_own_words_are_reported() -> None:
    assert words("I'll report Every Three Months", OFTEN) == ("Every Three Months",)
    assert words("We expect £5M", VALUE) == ("£5M",)


def test_covered_missed_and_min_points() -> None:
    result = check_answer("Revenue up; cloud cost down.", RUBRIC, min_points=2)
    assert [p.point for p in result.covered] == [VALUE.point, COST.point]
    assert [p.point for p in result.missed] == [OFTEN.point]
    assert result.enough and not result.complete
    assert not check_answer("Revenue up.", RUBRIC, min_points=2).enough
    assert check_answer("revenue", (VALUE,), min_points=3).enough


def test_summary_is_calm_with_one_total_and_no_crosses() -> None:
    summary = check_answer("ROI every quarter", RUBRIC, min_points=2).summary()
    assert summary.splitlines() == [
        "The app found 2 of 3 key points in your answer:",
        "• Links the spend to business value (you wrote “ROI”)",
        "• Says how often you will report (you wrote “every quarter”)",
        "A strong answer also includes:",
        "• Names a measure of cloud cost",
        "You can add to your answer and try again, or carry on.",
    ]
    nothing = check_answer("We will do our best.", RUBRIC).summary()
    assert "✗" not in nothing and "Missed" not in nothing and "score" not in nothing.lower()
    assert "A strong answer includes:" in nothing and "other words" in nothing
    assert sum(ch.isdigit() for ch in nothing) == 1  # one total, said once


def test_result_round_trips_through_a_dict() -> None:
    result = check_answer("ROI every quarter", RUBRIC, min_points=2)
    assert RubricResult.from_dict(result.to_dict()) == result
    old = {"points": [{"point": "A", "words": ["roi"]}], "min_points": 1}  # saved before
    assert RubricResult.from_dict(old).covered[0].words == ("roi",)
