"""Rubric feedback on free text: whole words, any case, phrases, numbers, punctuation."""

from __future__ import annotations

import pytest

from zavmo_desktop.core.content.models import RubricPoint
from zavmo_desktop.core.conversation.rubric import RubricResult, check_answer, normalise

VALUE = RubricPoint("Links the spend to business value", ("revenue", "roi", "5 million", "5m"))
COST = RubricPoint("Names a measure of cloud cost", ("cloud cost", "cost per model", "15"))
OFTEN = RubricPoint("Says how often you will report", ("quarterly", "every quarter"))
RUBRIC = (VALUE, COST, OFTEN)


def words(answer: str, point: RubricPoint) -> tuple[str, ...]:
    return check_answer(answer, (point,)).points[0].words


@pytest.mark.parametrize(
    ("answer", "point", "found"),
    [
        ("Revenue went up.", VALUE, ("revenue",)),
        ("REVENUE", VALUE, ("revenue",)),
        ("ROI, and more ROI!", VALUE, ("roi",)),
        ("We expect £5m a year", VALUE, ("5m",)),
        ("over £5 million", VALUE, ("5 million",)),
        ("over 5  million", VALUE, ("5 million",)),  # extra spaces
        ("5-million-pound target", VALUE, ("5 million",)),  # punctuation between words
        ("the Cloud\ncost fell", COST, ("cloud cost",)),  # phrase across a line break
        ("costs fell by 15%", COST, ("15",)),
        ("(15)", COST, ("15",)),
        ("Report it every quarter.", OFTEN, ("every quarter",)),
    ],
)
def test_keywords_match_as_whole_words_in_any_case(
    answer: str, point: RubricPoint, found: tuple[str, ...]
) -> None:
    assert words(answer, point) == found


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        ("Our revenues rose", VALUE),  # a longer word is not the keyword
        ("Heroism is not a plan", VALUE),  # "roi" inside a word
        ("costs fell by 150%", COST),  # 15 inside a bigger number
        ("costs fell by 1.5%", COST),  # 1.5 is not 15
        ("£25m of value", VALUE),  # 5m inside 25m
        ("cloud and then cost", COST),  # the words of a phrase, but not together
        ("", OFTEN),
        ("   ", OFTEN),
    ],
)
def test_part_words_and_split_phrases_do_not_count(answer: str, point: RubricPoint) -> None:
    assert words(answer, point) == ()


def test_contractions_and_curly_apostrophes_match_the_written_out_phrase() -> None:
    honest = RubricPoint("Honest", ("cannot promise", "do not know"))
    assert words("I can’t promise that.", honest) == ("cannot promise",)
    assert words("We don't know yet", honest) == ("do not know",)
    assert words("I cannot promise", honest) == ("cannot promise",)


def test_hyphenated_keyword_matches_with_or_without_the_hyphen_as_spaces() -> None:
    point = RubricPoint("Meets people", ("one-to-one", "re-test"))
    assert words("book a one to one", point) == ("one-to-one",)
    assert words("book one-to-ones", point) == ()  # a different word
    assert words("we re-test monthly", point) == ("re-test",)


def test_every_keyword_found_is_listed_once_in_the_authors_order() -> None:
    assert words("ROI and revenue and more revenue", VALUE) == ("revenue", "roi")


def test_covered_missed_and_min_points() -> None:
    result = check_answer("Revenue up; cloud cost down.", RUBRIC, min_points=2)
    assert [p.point for p in result.covered] == [VALUE.point, COST.point]
    assert [p.point for p in result.missed] == [OFTEN.point]
    assert result.enough
    assert not check_answer("Revenue up.", RUBRIC, min_points=2).enough
    assert check_answer("nothing relevant", RUBRIC, min_points=0).enough


def test_min_points_above_the_number_of_points_means_all_of_them() -> None:
    assert check_answer("revenue", (VALUE,), min_points=3).enough


def test_summary_says_covered_and_missed_in_words_without_a_grade() -> None:
    summary = check_answer("ROI every quarter", RUBRIC, min_points=2).summary()
    assert summary.splitlines() == [
        "You covered 2 of 3 key points.",
        "✓ Covered: Links the spend to business value (you wrote “roi”)",
        "✗ Missed: Names a measure of cloud cost",
        "✓ Covered: Says how often you will report (you wrote “every quarter”)",
    ]
    assert "%" not in summary and "score" not in summary.lower()


def test_result_round_trips_through_a_dict() -> None:
    result = check_answer("ROI every quarter", RUBRIC, min_points=2)
    assert RubricResult.from_dict(result.to_dict()) == result


def test_normalise_pads_and_collapses() -> None:
    assert normalise("  Hello,   World! ") == " hello world "
    assert normalise("...") == ""
