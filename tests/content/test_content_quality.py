"""Quality checks over every bundled module: it validates, it reads plainly, and it is
written in the project's own words (issue 12, "Quality checks as tests").

Readability is Flesch reading ease from `textstat` (pinned in pyproject: later versions
fetch a pronouncing dictionary from the network on first use). The summary is what a
learner reads first, so it has the stricter limits.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path

import pytest
import textstat

from tests.content.content_text import paragraphs, plain, sentences, split_module, words
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.paths import bundled_content_dir

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "content" / "modules").glob("*.md"))
# The source documents sit in `../shared/seeds` beside the main checkout, one level further
# up from a worktree in `wt/<name>`.
SEEDS = sorted(
    next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT)
    .joinpath("seeds")
    .glob("*.txt")
)
# A fingerprint of every 12-word run of the seeds, so the copy check also runs where the
# seeds are not beside the checkout (CI): hashes only, never their words.
SEED_RUNS = ROOT / "tests" / "data" / "seed_runs.txt"
SUMMARY_EASE, SUMMARY_WORDS, SENTENCE_WORDS = 60, 60, 25
BODY_EASE, PARAGRAPH_WORDS = 45, 90
COPIED_RUN = 12  # words in a row from a source document that count as copying
SHARED_MIN_WORDS = 6  # shorter units ("Owner.", "Key terms") may match by chance


def summary(path: Path) -> str:
    meta, _ = split_module(path)
    return plain(str(meta["summary"]))


def body_paragraphs(path: Path) -> list[str]:
    return paragraphs(split_module(path)[1])


def test_there_are_modules_and_a_fingerprint_of_the_source_documents() -> None:
    assert len(MODULES) >= 8
    assert len(seed_fingerprints()) > 6000  # the seeds hold about 6,600 words


def test_the_fingerprint_matches_the_source_documents() -> None:
    if len(SEEDS) < 2:
        pytest.skip("the source documents are not beside this checkout (../shared/seeds)")
    source = set().union(*(runs(seed.read_text(encoding="utf-8")) for seed in SEEDS))
    assert {fingerprint(run) for run in source} == seed_fingerprints(), (
        "rewrite tests/data/seed_runs.txt: python -m tests.content.test_content_quality"
    )


def test_every_bundled_module_validates() -> None:
    pack, problems = load_pack(bundled_content_dir())
    assert pack is not None
    assert [str(problem) for problem in problems] == []
    assert {module.path.name for module in pack.modules} == {path.name for path in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_summary_is_short_and_easy_to_read(path: Path) -> None:
    text = summary(path)
    assert len(words(text)) <= SUMMARY_WORDS
    long = [s for s in sentences(text) if len(words(s)) > SENTENCE_WORDS]
    assert long == [], f"sentences over {SENTENCE_WORDS} words"
    assert textstat.flesch_reading_ease(text) >= SUMMARY_EASE


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_body_is_easy_to_read_in_short_paragraphs(path: Path) -> None:
    units = body_paragraphs(path)
    assert textstat.flesch_reading_ease(" ".join(units)) >= BODY_EASE
    long = [unit[:80] for unit in units if len(words(unit)) > PARAGRAPH_WORDS]
    assert long == [], f"paragraphs over {PARAGRAPH_WORDS} words"


def test_no_two_modules_share_a_paragraph() -> None:
    seen: dict[str, str] = {}
    shared = []
    for path in MODULES:
        for unit in set(map(normalised, [*body_paragraphs(path), summary(path)])):
            if len(unit.split()) < SHARED_MIN_WORDS:
                continue
            if unit in seen and seen[unit] != path.stem:
                shared.append(f"{seen[unit]} and {path.stem}: {unit[:80]}")
            seen.setdefault(unit, path.stem)
    assert shared == []


def test_no_run_of_twelve_words_from_the_source_documents() -> None:
    source = seed_fingerprints()
    content = [*MODULES, ROOT / "content" / "framework.yaml", ROOT / "content" / "pack.yaml"]
    content += sorted((ROOT / "resources" / "pages").glob("*.md"))  # About your learning
    copied = {path.name: copied_runs(path.read_text(encoding="utf-8"), source) for path in content}
    assert {name: found for name, found in copied.items() if found} == {}


def test_the_copy_check_finds_a_copied_run() -> None:
    """The check above must be able to fail: twelve words, in other case and punctuation,
    are found; eleven are not."""
    if len(SEEDS) < 2:
        pytest.skip("the source documents are not beside this checkout (../shared/seeds)")
    seed_words = normalised(SEEDS[0].read_text(encoding="utf-8")).split()
    start = next(i for i in range(len(seed_words)) if len(set(seed_words[i : i + 12])) == 12)
    twelve = seed_words[start : start + 12]
    shouted = ", ".join(word.upper() for word in twelve)
    assert copied_runs(shouted, seed_fingerprints())
    assert not copied_runs(" ".join(twelve[:11]) + " zebra", seed_fingerprints())


def test_the_fingerprint_check_finds_a_run_in_other_case_and_punctuation() -> None:
    """Without the seeds: twelve words of a module, fingerprinted, are found again."""
    twelve = normalised(summary(MODULES[0])).split()[:12]
    source = {fingerprint(tuple(twelve))}
    assert copied_runs(", ".join(word.upper() for word in twelve) + "!", source)
    assert not copied_runs(" ".join(twelve[:11]) + " zebra", source)


def normalised(text: str) -> str:
    """Lower case, words only: punctuation and line breaks do not hide a match."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def runs(text: str, length: int = COPIED_RUN) -> set[tuple[str, ...]]:
    tokens = normalised(text).split()
    return {tuple(itertools.islice(tokens, i, i + length)) for i in range(len(tokens) - length + 1)}


def fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def seed_fingerprints() -> set[str]:
    return set(SEED_RUNS.read_text(encoding="ascii").split())


def copied_runs(text: str, source: set[str]) -> list[str]:
    return sorted(" ".join(run) for run in runs(text) if fingerprint(run) in source)[:3]


if __name__ == "__main__":  # rewrites the fingerprint from ../shared/seeds
    every_run = set().union(*(runs(seed.read_text(encoding="utf-8")) for seed in SEEDS))
    SEED_RUNS.write_text("".join(f"{h}\n" for h in sorted(map(fingerprint, every_run))))
