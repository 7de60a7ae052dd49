"""The glossary built from the real bundled modules: what it holds and how it finds terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CONTENT
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.glossary.glossary import Glossary, build_glossary
from zavmo_desktop.core.glossary.key_terms import key_terms


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return build_glossary(load_library([BUNDLED_CONTENT]))


def terms(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [entry.term for entry in entries]


BODY = """# A module

Some text about **spot capacity**.

## Key terms

Spot capacity
: Spare machines sold cheaply, which the provider can
  take back at short notice.

**Error budget**
: The failures a service may have in a period
: before changes stop.

Term with no definition

## After the list

Not a term
: Not a definition either.
"""


def test_key_terms_are_read_from_the_list_under_their_heading_only() -> None:
    found = key_terms(BODY)
    assert [(k.term, k.definition) for k in found] == [
        ("Spot capacity", "Spare machines sold cheaply, which the provider can take back at "
         "short notice."),
        ("Error budget", "The failures a service may have in a period before changes stop."),
    ]  # fmt: skip
    assert [k.line for k in found] == [6, 10]
    assert key_terms("# No list\n\nJust text.\n") == []


def test_every_bundled_term_is_in_the_glossary_with_its_module(glossary: Glossary) -> None:
    library = load_library([BUNDLED_CONTENT])
    for module in library.modules:
        for key in key_terms(module.body):
            entry = glossary.entry(key.term)
            assert entry is not None, key.term
            assert (key.definition, module.id, module.title) in [
                (d.text, d.module_id, d.module_title) for d in entry.definitions
            ]


def test_a_term_two_modules_define_keeps_both_definitions_each_with_its_module(
    glossary: Glossary,
) -> None:
    entry = glossary.entry("spot capacity")
    assert entry is not None and entry.in_several_modules
    assert {d.module_id for d in entry.definitions} == {
        "cloud-cost-for-ml",
        "cloud-economics-for-ml",
    }
    assert len({d.text for d in entry.definitions}) == 2
    assert terms(glossary.search("spot capacity")) == ["Spot capacity"]  # listed once


def test_a_short_form_and_the_name_without_it_are_the_same_term(glossary: Glossary) -> None:
    both = glossary.entry("Total cost of ownership")
    assert both is not None and both is glossary.entry("TCO")
    assert both.term == "Total cost of ownership (TCO)"
    assert {d.module_id for d in both.definitions} == {
        "aws-for-ml-services-tco-vendor", "ml-platform-strategy"
    }  # fmt: skip


def test_search_ignores_case_and_accents_and_knows_word_endings(glossary: Glossary) -> None:
    assert terms(glossary.search("SPOT"))[:1] == ["Spot capacity"]
    assert terms(glossary.search("pséudonymisation")) == ["Pseudonymisation"]
    assert "Error budget" in terms(glossary.search("budgets"))  # a stem, not the letters
    assert "Drift" in terms(glossary.search("drifting"))


def test_search_lists_matching_terms_before_matching_definitions(glossary: Glossary) -> None:
    found = terms(glossary.search("budget"))
    in_term = [t for t in found if "budget" in t.lower()]
    assert in_term == ["Error budget", "Privacy budget"]
    assert found[: len(in_term)] == in_term
    assert "Burn rate" in found[len(in_term) :]  # its definition speaks of the budget


def test_search_needs_every_word_typed_and_finds_words_as_they_are_typed(
    glossary: Glossary,
) -> None:
    assert terms(glossary.search("data lin"))[:1] == ["Data lineage"]
    assert glossary.search("spot nonsenseword") == []
    assert len(glossary.search("   ")) == len(glossary)


@pytest.mark.parametrize(
    ("text", "word", "term"),
    [
        ("We set an error budget for each month.", "budget", "Error budget"),
        ("We set an error budget for each month.", "error", "Error budget"),
        ("The SLO was missed twice.", "SLO", "Service level objective (SLO)"),
        ("Their service level objectives slipped.", "level", "Service level objective (SLO)"),
        ("It is a data owner's call.", "owner", "Data owner"),
        ("Watch for concept drift early.", "drift", "Concept drift"),  # the longer term wins
        ("Some drift is normal.", "drift", "Drift"),
    ],
)
def test_the_term_at_a_word_is_the_longest_written_around_it(
    glossary: Glossary, text: str, word: str, term: str
) -> None:
    start = text.index(word)
    for position in (start, start + len(word) // 2, start + len(word)):  # caret just after
        entry = glossary.term_at(text, position)
        assert entry is not None and entry.term == term


def test_a_word_that_is_no_term_finds_nothing(glossary: Glossary) -> None:
    assert glossary.term_at("The board met on Tuesday.", 5) is None
    assert glossary.term_at("   ", 1) is None
    assert glossary.entry("Tuesday") is None


def test_a_pack_without_key_terms_gives_an_empty_glossary(tmp_path: Path) -> None:
    assert len(build_glossary(load_library([tmp_path / "missing"]))) == 0
