"""Every bundled module ends with its key terms for the glossary, each defined plainly in
one sentence (issue 12, "key terms for the glossary"; item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.content_text import sentences, split_module, words
from tests.content.test_content_quality import MODULES, SENTENCE_WORDS
from zavmo_desktop.core.glossary.key_terms import key_terms, key_terms_line

MIN_TERMS = 3


def body_of(path: Path) -> str:
    return split_module(path)[1]


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_every_module_ends_with_a_key_terms_list(path: Path) -> None:
    body = body_of(path)
    heading = key_terms_line(body)
    assert heading is not None, f"{path.name}: add a '## Key terms' section at the end"
    after = body.splitlines()[heading + 1 :]
    assert not [line for line in after if line.startswith("#")], "Key terms is the last section"
    assert len(key_terms(body)) >= MIN_TERMS


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_every_definition_is_one_plain_sentence(path: Path) -> None:
    for term in key_terms(body_of(path)):
        said = term.definition
        assert len(sentences(said)) == 1 and said.endswith("."), f"{term.term}: {said}"
        assert len(words(said)) <= SENTENCE_WORDS, f"{term.term}: {said}"


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_no_module_lists_a_term_twice(path: Path) -> None:
    names = [term.term.casefold() for term in key_terms(body_of(path))]
    assert len(names) == len(set(names))
