"""Every key term of the loaded packs, with each module's definition, and finding them.

A term that two modules define is one entry with both definitions, each with its
module: the modules look at it from their own side (spot capacity in a cost plan, spot
capacity in a budget), and the learner sees both, and where each comes from, rather
than one chosen for them. Terms are the same when their words are the same, with case,
accents, plurals and a bracketed short form aside ("Total cost of ownership (TCO)").

Search looks for the words in the terms first and in the definitions after; each word
typed matches a word that starts with it or has the same stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from zavmo_desktop.core.content.models import Library, Module
from zavmo_desktop.core.glossary.key_terms import key_terms
from zavmo_desktop.core.glossary.words import Word, fold, stems, words

_BRACKETED = re.compile(r"\s*\(([^)]*)\)\s*")


@dataclass(frozen=True)
class Definition:
    text: str
    module_id: str
    module_title: str


@dataclass(frozen=True)
class Entry:
    term: str
    definitions: tuple[Definition, ...]

    @property
    def in_several_modules(self) -> bool:
        return len({d.module_id for d in self.definitions}) > 1

    def spoken(self) -> str:
        """The entry as one text to read aloud or announce."""
        return " ".join([f"{self.term}.", *(d.text for d in self.definitions)])


def forms(term: str) -> list[tuple[str, ...]]:
    """The word stems a term is known by: in full, without its bracketed part, and the
    bracketed part alone ("TCO")."""
    found = [stems(term), stems(_BRACKETED.sub(" ", term))]
    found += [stems(inside) for inside in _BRACKETED.findall(term)]
    return [form for index, form in enumerate(found) if form and form not in found[:index]]


def _key(term: str) -> tuple[str, ...]:
    return stems(_BRACKETED.sub(" ", term)) or stems(term)


class Glossary:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: fold(e.term))
        self._forms: dict[tuple[str, ...], Entry] = {}
        for entry in self.entries:
            for form in forms(entry.term):
                self._forms.setdefault(form, entry)
        self._longest = max((len(form) for form in self._forms), default=0)
        self._words = {id(e): _Searched(e) for e in self.entries}  # worked out once

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, text: str) -> Entry | None:
        """The entry whose term (or its short form) is exactly these words."""
        return self._forms.get(stems(text))

    def term_at(self, text: str, position: int) -> Entry | None:
        """The longest term written in `text` that covers the word at `position` (the
        caret may also sit just after the word)."""
        found = words(text)
        at = next((i for i, w in enumerate(found) if w.start <= position < w.end), None)
        if at is None:
            at = next((i for i, w in enumerate(found) if w.end == position), None)
        if at is None:
            return None
        for length in range(min(self._longest, len(found)), 0, -1):
            for first in range(max(0, at - length + 1), min(at, len(found) - length) + 1):
                form = tuple(w.stem for w in found[first : first + length])
                if form in self._forms:
                    return self._forms[form]
        return None

    def search(self, query: str) -> list[Entry]:
        """The entries that match every word typed: terms that match first, then those
        whose definitions do; alphabetical within each."""
        typed = words(query)
        if not typed:
            return list(self.entries)
        ranked = []
        for entry in self.entries:
            rank = self._words[id(entry)].rank(query, typed)
            if rank is not None:
                ranked.append((rank, fold(entry.term), entry))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [entry for _, _, entry in ranked]


class _Searched:
    """An entry's words, as search compares them."""

    def __init__(self, entry: Entry) -> None:
        self.forms = forms(entry.term)
        self.term = fold(entry.term)
        self.term_words = words(entry.term)
        self.all_words = self.term_words + [w for d in entry.definitions for w in words(d.text)]

    def rank(self, query: str, typed: list[Word]) -> int | None:
        if tuple(w.stem for w in typed) in self.forms:
            return 0
        if self.term.startswith(fold(query.strip())):
            return 1
        if all(_matches(q, self.term_words) for q in typed):
            return 2
        if all(_matches(q, self.all_words) for q in typed):
            return 3
        return None


def _matches(typed: Word, among: list[Word]) -> bool:
    return any(w.folded.startswith(typed.folded) or w.stem == typed.stem for w in among)


def build_glossary(library: Library) -> Glossary:
    """The glossary of every module loaded, in pack and module order."""
    merged: dict[tuple[str, ...], tuple[str, list[Definition]]] = {}
    for module in library.modules:
        for term, definition in _module_terms(module):
            key = _key(term)
            name, definitions = merged.setdefault(key, (term, []))
            if "(" in term and "(" not in name:
                name = term  # the fuller name, with its short form
            definitions.append(definition)
            merged[key] = (name, definitions)
    return Glossary(Entry(name, tuple(defs)) for name, defs in merged.values())


def _module_terms(module: Module) -> list[tuple[str, Definition]]:
    return [
        (k.term, Definition(k.definition, module.id, module.title)) for k in key_terms(module.body)
    ]
