"""The parsed-module cache in the content index: used while a file is unchanged, never after."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from zavmo_desktop.core.content import module_parser
from zavmo_desktop.core.learner import Learner

INCIDENTS = "modules/model-incidents.md"


@pytest.fixture
def pack(tmp_path: Path, bundled_content: Path) -> Path:
    return Path(shutil.copytree(bundled_content, tmp_path / "pack"))


def open_titles(data_dir: Path, pack: Path) -> dict[str, str]:
    learner = Learner.open(data_dir, [pack])
    try:
        return {m.id: m.title for m in learner.library.modules}
    finally:
        learner.close()


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse_module(*_args: object) -> None:
        raise AssertionError("parsed a module the cache holds")

    monkeypatch.setattr(module_parser, "parse_module", parse_module)  # the loader's import


def test_a_second_start_parses_nothing_and_gets_the_same_library(
    data_dir: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Learner.open(data_dir, [pack])
    modules, first_problems = first.library.modules, first.problems
    first.close()
    refuse_to_parse(monkeypatch)  # a parse would show as a problem for the pack
    again = Learner.open(data_dir, [pack])
    assert again.library.modules == modules
    assert again.problems == first_problems == []
    again.close()


def test_an_edit_that_keeps_size_and_time_is_still_seen(data_dir: Path, pack: Path) -> None:
    assert "When models go wrong" in open_titles(data_dir, pack)["model-incidents"]
    file = pack / INCIDENTS
    before = file.stat()
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("When models go wrong", "When models go WRONG"), "utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same time
    assert file.stat().st_size == before.st_size
    assert "When models go WRONG" in open_titles(data_dir, pack)["model-incidents"]


def test_a_broken_module_is_reported_on_every_start(data_dir: Path, pack: Path) -> None:
    file = pack / INCIDENTS
    file.write_text(file.read_text("utf-8").replace("minutes: 45", "minutes: lots"), "utf-8")
    line = file.read_text("utf-8").splitlines().index("minutes: lots") + 1
    for _ in range(2):  # parsed, then from the cache
        learner = Learner.open(data_dir, [pack])
        assert [p.line for p in learner.problems if p.path.name == "model-incidents.md"] == [line]
        assert learner.module("model-incidents") is None
        learner.close()


def test_a_changed_framework_parses_again(
    data_dir: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_titles(data_dir, pack)
    framework = pack / "framework.yaml"
    framework.write_text(framework.read_text("utf-8") + "\n# edited\n", "utf-8")
    refuse_to_parse(monkeypatch)
    learner = Learner.open(data_dir, [pack])  # the loader reports a failing pack as a problem
    assert any("parsed a module the cache holds" in p.message for p in learner.problems)
    learner.close()


def test_a_bundled_app_s_parses_are_not_used_by_another_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen, the parser has no .py files to stat: the executable stands for its code."""
    from zavmo_desktop.core.content.parse_cache import code_stamp

    executable = tmp_path / "zavmo-desktop"
    executable.write_bytes(b"build one")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(executable))
    first = code_stamp()
    assert code_stamp() == first
    executable.write_bytes(b"build two, a little longer")
    assert code_stamp() != first
