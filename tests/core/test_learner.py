"""The Learner facade on the real bundled content and a real database in the data folder."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core import learner as learner_module
from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage import DATABASE_NAME, content_opening
from zavmo_desktop.core.storage.backups import list_backups
from zavmo_desktop.core.storage.content_index import INDEX_NAME, ContentIndex

BOARD = "board-storytelling"
MLOPS = "mlops-platform-strategy"
RAI = "responsible-ai-leadership"
BUNDLED = {path.stem for path in (Path(__file__).parents[2] / "content" / "modules").glob("*.md")}


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def module(learner: Learner, module_id: str) -> Module:
    found = learner.module(module_id)
    assert found is not None, module_id
    return found


def test_opens_the_bundled_content_with_no_problems(learner: Learner, data_dir: Path) -> None:
    assert learner.problems == []
    assert learner.notices == []
    assert {m.id for m in learner.library.modules} == BUNDLED >= {BOARD, MLOPS, RAI}
    assert (data_dir / DATABASE_NAME).is_file()
    assert (data_dir / INDEX_NAME).is_file()


def test_modules_grouped_by_area_in_framework_order(learner: Learner) -> None:
    grouped = [(g.area.id, [m.id for m in g.modules]) for g in learner.modules_by_area()]
    # framework.yaml lists foundation, technical, ... emerging, advancing: not alphabetical
    areas = [area for area, _ in grouped]
    assert areas[0] == "foundation" and areas[-1] == "advancing"
    assert areas.index("technical") < areas.index("emerging") < areas.index("advancing")
    where = {module: area for area, modules in grouped for module in modules}
    assert (where[BOARD], where[MLOPS], where[RAI]) == ("foundation", "technical", "emerging")
    assert sorted(where) == sorted(BUNDLED)


def test_modules_within_an_area_follow_their_order(
    tmp_path: Path, data_dir: Path, bundled_content: Path
) -> None:
    pack = Path(shutil.copytree(bundled_content, tmp_path / "pack"))
    extra = (pack / "modules" / f"{BOARD}.md").read_text(encoding="utf-8")
    extra = extra.replace(f"id: {BOARD}", "id: board-basics").replace("order: 1", "order: 0")
    extra = extra.replace("title: Telling the board the ML story", "title: Zzz board basics")
    (pack / "modules" / "board-basics.md").write_text(extra, encoding="utf-8")
    opened = Learner.open(data_dir, [pack])
    try:
        foundation = opened.modules_by_area()[0]
        assert [m.id for m in foundation.modules][:2] == ["board-basics", BOARD]
        first = opened.continue_point()
        assert first is not None and first.module.id == "board-basics"
    finally:
        opened.close()


def test_continue_point_when_fresh_is_the_first_module(learner: Learner) -> None:
    point = learner.continue_point()
    assert point is not None
    assert point.module.id == BOARD
    assert point.started is False
    assert point.position == 0.0


def test_continue_point_is_the_last_opened_unfinished_module(learner: Learner) -> None:
    learner.open_module(module(learner, BOARD))
    learner.open_module(module(learner, MLOPS))
    learner.save_position(MLOPS, 0.3)
    point = learner.continue_point()
    assert point is not None
    assert (point.module.id, point.started) == (MLOPS, True)
    assert point.position == pytest.approx(0.3)


def test_continue_point_skips_completed_modules(learner: Learner) -> None:
    learner.open_module(module(learner, BOARD))
    learner.open_module(module(learner, RAI))
    learner.set_complete(RAI, True)
    point = learner.continue_point()
    assert point is not None and (point.module.id, point.started) == (BOARD, True)

    learner.set_complete(BOARD, True)
    point = learner.continue_point()
    assert point is not None and point.started is False
    assert point.module.id not in {BOARD, RAI}

    for module_id in BUNDLED:
        learner.set_complete(module_id, True)
    assert learner.continue_point() is None
    assert learner.completed_count() == len(BUNDLED)


def test_uncompleting_brings_a_module_back(learner: Learner) -> None:
    learner.open_module(module(learner, RAI))
    learner.set_complete(RAI, True)
    learner.set_complete(RAI, False)
    point = learner.continue_point()
    assert point is not None and point.module.id == RAI


def test_progress_persists_across_close_and_reopen(data_dir: Path, bundled_content: Path) -> None:
    first = Learner.open(data_dir, [bundled_content])
    first.open_module(module(first, MLOPS))
    first.save_position(MLOPS, 0.6)
    first.set_complete(BOARD, True)
    first.profile.set_display_name("Ada")
    first.settings.set("theme", "dark")
    first.close()

    again = Learner.open(data_dir, [bundled_content])
    try:
        board = again.module_progress(BOARD)
        assert board is not None and board.complete
        assert again.completed_count() == 1
        assert again.profile.display_name() == "Ada"
        assert again.settings.get("theme") == "dark"
        point = again.continue_point()
        assert point is not None and point.module.id == MLOPS
        assert point.position == pytest.approx(0.6)
    finally:
        again.close()


def test_progress_for_modules_no_longer_installed_is_ignored(learner: Learner) -> None:
    learner.set_complete("a-module-from-an-old-pack", True)
    learner.recent.touch("a-module-from-an-old-pack")
    assert learner.completed_count() == 0
    point = learner.continue_point()
    assert point is not None and point.module.id == BOARD


def test_module_html_is_safe_and_cached_in_the_index(learner: Learner, data_dir: Path) -> None:
    board = module(learner, BOARD)
    html = learner.open_module(board)
    assert '<h1 id="telling-the-board-the-ml-story">' in html
    assert "<table>" in html
    index = ContentIndex(data_dir / INDEX_NAME)
    try:
        assert index.cached_html(BOARD, board.content_hash) == html
    finally:
        index.close()


def test_search_finds_only_installed_modules(learner: Learner) -> None:
    hits = learner.search("board")
    assert hits and all(h.module_id in BUNDLED for h in hits)
    assert {h.module_id for h in learner.search("kubeflow")[:2]} == {MLOPS, "ml-platform-strategy"}
    assert learner.search('"(') == []


def test_a_broken_extra_pack_never_hides_the_bundled_one(
    tmp_path: Path, data_dir: Path, bundled_content: Path
) -> None:
    broken = tmp_path / "broken-pack"
    broken.mkdir()
    (broken / "pack.yaml").write_text("id: [oops\n", encoding="utf-8")
    opened = Learner.open(data_dir, [broken, bundled_content])
    try:
        assert {m.id for m in opened.library.modules} == BUNDLED
        assert [p.path.name for p in opened.problems] == ["pack.yaml", "framework.yaml"]
    finally:
        opened.close()


def test_back_up_keeps_one_newest_backup_a_day(learner: Learner, data_dir: Path) -> None:
    learner.set_complete(BOARD, False)
    learner.back_up()
    before = list_backups(data_dir / "backups")
    learner.set_complete(BOARD, True)
    learner.back_up()
    after = list_backups(data_dir / "backups")
    assert len({b.taken_at.date() for b in after}) == len(after)  # one a day: the newest
    assert len(after) == 1 and after[0].taken_at > before[0].taken_at
    copy = sqlite3.connect(after[0].path)
    try:
        assert copy.execute("SELECT status FROM module_progress").fetchall() == [("complete",)]
    finally:
        copy.close()


def test_the_store_opens_while_the_content_is_read(
    data_dir: Path, bundled_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the store mostly waits for the disk (syncs, a backup): the content is read
    meanwhile. The real store and loader run; they only note when they start."""
    content_started = threading.Event()
    real_open_store, real_load_library = learner_module.open_store, content_opening.load_library

    def open_store(folder: Path, **options: bool) -> object:
        # Sequential opening would read the content only after this returns: never in time.
        assert content_started.wait(timeout=10), "the content waited for the store"
        return real_open_store(folder, **options)

    def load_library(*args: object) -> object:
        content_started.set()
        return real_load_library(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(learner_module, "open_store", open_store)
    monkeypatch.setattr(content_opening, "load_library", load_library)
    opened = Learner.open(data_dir, [bundled_content])
    try:
        assert opened.problems == [] and {m.id for m in opened.library.modules} == BUNDLED
        assert opened.profile is not None and (data_dir / DATABASE_NAME).is_file()
    finally:
        opened.close()


def test_opening_a_module_is_noted_in_one_transaction(learner: Learner) -> None:
    """The GUI thread waits for each transaction's sync of the disk: one, not two."""
    transactions: list[str] = []
    conn = learner._store.db.conn
    conn.set_trace_callback(lambda sql: transactions.append(sql) if sql == "BEGIN" else None)
    learner.mark_opened(module(learner, BOARD))
    conn.set_trace_callback(None)
    assert transactions == ["BEGIN"]
    assert learner.recent.recent()[0] == BOARD and learner.module_progress(BOARD) is not None
