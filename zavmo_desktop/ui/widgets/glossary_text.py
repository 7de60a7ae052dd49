"""A glossary entry as the learner reads and hears it: the term, then each definition with
the module it comes from. Every word from a pack is escaped: plain text, never markup."""

from __future__ import annotations

import html

from zavmo_desktop.core.glossary.glossary import Entry

NOT_FOUND_HINT = "The glossary holds the key terms listed at the end of each module."


def entry_html(entry: Entry, with_term: bool = True) -> str:
    """`with_term`: the term first, in bold (where no heading above names it)."""
    parts = [f"<p><b>{html.escape(entry.term)}</b></p>"] if with_term else []
    for definition in entry.definitions:
        parts.append(f"<p>{html.escape(definition.text)}</p>")
        parts.append(f"<p>From: {html.escape(definition.module_title)}</p>")
    return "".join(parts)


def not_found_text(words: str) -> str:
    shown = " ".join(words.split())
    if not shown:
        return "Put the caret on a word, or select some words, to look them up."
    if len(shown) > 60:
        shown = shown[:60] + "…"
    return f"“{shown}” is not in the glossary."


def not_found_html(words: str) -> str:
    return f"<p><b>{html.escape(not_found_text(words))}</b></p><p>{NOT_FOUND_HINT}</p>"
