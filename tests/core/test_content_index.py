"""The disposable search index and HTML cache, on a real SQLite file."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.storage.content_index import (
    INDEX_NAME,
    MATCH_END,
    MATCH_START,
    ContentIndex,
    IndexEntry,
    SearchHit,
)

FILLER = [
    IndexEntry(f"filler-{n}", "f", f"Filler {n}", "Nothing to see.", "Plain words. " * 40)
    for n in range(6)
]


def entry(
    module_id: str, title: str, body: str, digest: str = "v1", summary: str = ""
) -> IndexEntry:
    return IndexEntry(module_id, digest, title, summary or f"About {title}.", body)


@pytest.fixture
def index(data_dir: Path) -> Iterator[ContentIndex]:
    opened = ContentIndex(data_dir / INDEX_NAME)
    yield opened
    opened.close()


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.module_id for hit in hits]


# --- keeping in step with the content --------------------------------------------------------


def test_sync_indexes_everything_once(index: ContentIndex) -> None:
    entries = [entry("a", "Alpha", "Kubernetes clusters."), entry("b", "Beta", "Budgets.")]
    assert index.sync(entries) == 2
    assert index.sync(entries) == 0  # nothing changed, nothing redone
    assert ids(index.search("kubernetes")) == ["a"]


def test_changed_hash_reindexes_only_that_module(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Kubernetes clusters."), entry("b", "Beta", "Budgets.")])
    changed = [
        entry("a", "Alpha", "Terraform modules.", digest="v2"),
        entry("b", "Beta", "Budgets."),
    ]
    assert index.sync(changed) == 1
    assert index.search("kubernetes") == []
    assert ids(index.search("terraform")) == ["a"]
    assert ids(index.search("budgets")) == ["b"]
    rows = index.conn.execute("SELECT count(*) FROM module_fts").fetchone()[0]
    assert rows == 2  # the old text of 'a' is gone, not duplicated


def test_removed_module_is_removed(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Kubernetes."), entry("b", "Beta", "Kubernetes too.")])
    index.store_html("b", "v1", "<p>b</p>")
    assert index.sync([entry("a", "Alpha", "Kubernetes.")]) == 0
    assert ids(index.search("kubernetes")) == ["a"]
    assert index.cached_html("b", "v1") is None


def test_index_survives_closing_and_reopening(data_dir: Path) -> None:
    first = ContentIndex(data_dir / INDEX_NAME)
    entries = [entry("a", "Alpha", "Kubernetes.")]
    first.sync(entries)
    first.close()
    second = ContentIndex(data_dir / INDEX_NAME)
    try:
        assert second.sync(entries) == 0
        assert ids(second.search("kubernetes")) == ["a"]
    finally:
        second.close()


# --- searching -------------------------------------------------------------------------------


def test_title_hit_ranks_above_body_only_hit(index: ContentIndex) -> None:
    body_only = entry("body", "Working with people", "Kubernetes " + "teams and plans. " * 30)
    in_title = entry("title", "Kubernetes for directors", "Clusters, nodes and budgets. " * 30)
    index.sync([body_only, in_title, *FILLER])
    assert ids(index.search("kubernetes")) == ["title", "body"]
    index.sync([in_title, body_only, *FILLER])  # order of indexing does not matter
    assert ids(index.search("Kubernetes")) == ["title", "body"]


def test_prefix_search(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Talk to every stakeholder early."), *FILLER])
    assert ids(index.search("stake")) == ["a"]
    assert ids(index.search("STAKEHOLDERS")) == ["a"]  # stemming: plural finds singular


def test_every_word_must_match(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Cloud cost."), entry("b", "Beta", "Cloud adoption.")])
    assert ids(index.search("cloud cost")) == ["a"]
    assert sorted(ids(index.search("cloud"))) == ["a", "b"]


def test_markdown_markup_is_not_searched_as_words(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "See [the guide](https://example.org/zebra) for more.")])
    assert ids(index.search("guide")) == ["a"]
    assert index.search("zebra") == []  # link targets are not text the learner sees


def test_snippet_marks_the_match(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Run the platform as a product with real users."), *FILLER])
    (hit,) = index.search("product")
    assert f"{MATCH_START}product{MATCH_END}" in hit.snippet
    assert hit.title == "Alpha"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '""',
        "AND OR NOT",
        "AND",
        "NOT",
        "*",
        "**",
        "(",
        ")",
        "(a",
        "col:",
        "title:",
        "title:kubernetes",
        "NEAR(a b)",
        "a NEAR/2 b",
        "-",
        "^",
        "a + b",
        "{}",
        "[",
        "\\",
        "%",
        "",
        "   ",
        "\x00",
        "ünïcödé",
        "🙂",
        "a" * 500,
        "a.b,c;d",
        "x OR",
        ":",
        "module_fts:x",
    ],
)
def test_query_syntax_never_raises(index: ContentIndex, query: str) -> None:
    index.sync([entry("a", "Alpha", "And or not: kubernetes (near) title col."), *FILLER])
    assert isinstance(index.search(query), list)


def test_random_punctuation_never_raises(index: ContentIndex) -> None:
    index.sync([entry("a", "Alpha", "Words."), *FILLER])
    rng = random.Random(99)
    alphabet = "\"'*():^-+{}[]\\/.,;!?&|~`<>=@#$%_ ANDORNTaz09ü"
    for _ in range(300):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        index.search(query)


def test_search_over_the_bundled_modules(bundled_content: Path, index: ContentIndex) -> None:
    library = load_library([bundled_content])
    index.sync(
        IndexEntry(m.id, m.content_hash, m.title, m.summary, m.body) for m in library.modules
    )
    assert ids(index.search("board"))[0] == "board-storytelling"
    assert "mlops-platform-strategy" in ids(index.search("kubeflow"))


# --- the HTML cache --------------------------------------------------------------------------


def test_cached_html_round_trip(index: ContentIndex) -> None:
    assert index.cached_html("a", "v1") is None
    index.store_html("a", "v1", "<h1>Alpha</h1>")
    assert index.cached_html("a", "v1") == "<h1>Alpha</h1>"
    assert index.cached_html("a", "v2") is None  # a changed module is rendered again
    index.store_html("a", "v2", "<h1>Alpha 2</h1>")
    assert index.cached_html("a", "v2") == "<h1>Alpha 2</h1>"
    assert index.cached_html("a", "v1") is None  # one cached copy per module


# --- damage -----------------------------------------------------------------------------------


def build_and_close(path: Path, entries: list[IndexEntry]) -> None:
    index = ContentIndex(path)
    index.sync(entries)
    index.store_html("a", "v1", "<p>cached</p>")
    index.close()


BIG = [entry(f"m{n}", f"Module {n}", "stakeholder budget " * 300 + str(n)) for n in range(30)]


@pytest.mark.parametrize("damage", ["header", "middle", "truncated", "empty"])
def test_damaged_index_is_rebuilt(data_dir: Path, damage: str) -> None:
    path = data_dir / INDEX_NAME
    build_and_close(path, BIG)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        if damage == "header":
            handle.write(b"garbage garbage garbage garbage!")
        elif damage == "middle":
            handle.seek((size // 4096 // 2) * 4096)
            handle.write(random.Random(3).randbytes(3 * 4096))
        elif damage == "truncated":
            handle.truncate(size // 2)
        else:
            handle.truncate(0)
    index = ContentIndex(path)
    try:
        assert index.sync(BIG) == len(BIG)
        assert len(index.search("stakeholder")) == len(BIG)
        assert index.cached_html("a", "v1") is None
        assert index.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        index.close()


def test_index_of_an_older_layout_is_rebuilt(data_dir: Path) -> None:
    path = data_dir / INDEX_NAME
    build_and_close(path, BIG)
    old = ContentIndex(path)
    old.conn.execute("PRAGMA user_version = 0")
    old.close()
    index = ContentIndex(path)
    try:
        assert index.sync(BIG) == len(BIG)
    finally:
        index.close()
