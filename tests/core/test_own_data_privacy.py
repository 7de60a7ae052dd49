"""The Privacy page's words: plain (Flesch >= 60), literal, with the real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat

from zavmo_desktop.core.own_data.privacy import privacy_sections, privacy_text

EASE = 60  # "plain English" on the Flesch scale, as the module summaries must be


@pytest.mark.parametrize("records_host", [None, "lrs.example.org"])
def test_the_privacy_page_reads_plainly_and_says_what_it_must(
    data_dir: Path, records_host: str | None
) -> None:
    sections = privacy_sections(data_dir, records_host)
    assert [title for title, _ in sections] == [
        "What Zavmo keeps", "Where it is kept", "How long it is kept", "Who can see it",
        "What you can do",
    ]  # fmt: skip
    prose = " ".join(p for _title, paragraphs in sections for p in paragraphs)
    assert textstat.flesch_reading_ease(prose.replace(str(data_dir), "the folder")) >= EASE
    for _title, paragraphs in sections:
        for text in paragraphs:
            assert textstat.lexicon_count(text) <= 40, text  # no paragraph is a wall
    text = privacy_text(data_dir, records_host)
    assert str(data_dir) in text  # where: the real path
    if records_host is None:
        assert "Nothing leaves this computer." in text
    else:  # which server, and that the learner's own words stay
        assert "its own records server, lrs.example.org. They go there and nowhere else" in text
        assert "The words you write stay on this computer." in text
    assert "stay until you erase them" in text
    assert "last 7 days" in text and "4 weeks before that" in text  # the backups' real rotation
