"""Hostile packs through `validate` and the loader: each is reported, none does harm.

What the app does with the same packs (labels, images, start-up) is in
tests/ui/test_hostile_pack_ui.py and tests/e2e/test_hostile_start.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.content.test_validator import ALL_MODULES, BOARD, assert_reported, edit, line_of
from tests.hostile_packs import (
    MODULE,
    MODULE_ID,
    ZIP_DAMAGE,
    broken_zip,
    hostile_pack,
    obeying_file_modes,
    unreadable_packs,
)
from zavmo_desktop.cli import run
from zavmo_desktop.core.content.limits import (
    MAX_HEADINGS,
    MAX_LINE_CHARS,
    MAX_LIST_ITEMS,
    MAX_MODULE_LINES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)
from zavmo_desktop.core.content.loader import load_library, load_pack
from zavmo_desktop.core.content.render import render_markdown
from zavmo_desktop.core.content.text_limits import HEADING, LIST_ITEM
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.content_index import plain_text

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(name="pack")
def pack_copy(tmp_path: Path, bundled_content: Path) -> Path:
    """A private copy of the bundled pack, to break."""
    return Path(shutil.copytree(bundled_content, tmp_path / "pack"))


def validate(*paths: Path) -> tuple[int, list[str]]:
    """The installed command, in its own process: a hang is a failure, not a stuck run."""
    result = subprocess.run(
        [sys.executable, "-m", "zavmo_desktop", "validate", *map(str, paths)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def reported(lines: list[str], file: Path, line: int, *words: str) -> str:
    prefix = f"{file}:{line}: "
    for row in lines:
        if row.startswith(prefix) and all(w.lower() in row.lower() for w in words):
            return row
    raise AssertionError(f"expected {prefix}... with {words}; got:\n" + "\n".join(lines))


# --- item 6: references stay inside the pack ----------------------------------------------


def test_every_reference_outside_the_pack_is_reported_on_its_line(tmp_path: Path) -> None:
    pack = hostile_pack(tmp_path)
    code, lines = validate(pack)
    assert code == 1
    file = pack / MODULE
    expectations = [
        ("(/dev/zero)", "/dev/zero", "absolute path"),
        ("(/etc/hostname)", "/etc/hostname", "absolute path"),
        ("(escape.png)", "escape.png", "leads outside the pack"),
        ("(pipe.png)", "pipe.png", "leads outside the pack"),
        ("(\\\\host", "host", "absolute path"),
        ('<img src="/dev/zero"', "/dev/zero", "absolute path"),
        ("server", "\\\\server\\share\\y.png", "network (UNC) path"),
        ("(huge.png)", "huge.png", "100000 x 100000 pixels"),
        ("(/etc/passwd)", "/etc/passwd", "absolute path"),
    ]
    for written, target, why in expectations:
        reported(lines, file, line_of(pack, MODULE, written), target, why, "left out")
    reported(lines, file, line_of(pack, MODULE, "(file:///"), "warning", "'file:'", "not shown")
    assert not any("good.png" in row for row in lines)
    assert all(row.count(": ") >= 1 and row.startswith(str(pack)) for row in lines)


def test_the_rendered_page_keeps_only_files_inside_the_pack(tmp_path: Path) -> None:
    pack = hostile_pack(tmp_path)
    learner = Learner.open(tmp_path / "data", [pack])
    try:
        module = learner.module(MODULE_ID)
        assert module is not None
        html = learner.module_html(module)
        image = learner.module_image(module, "good.png")
        refused = [learner.module_image(module, src) for src in
                   ("/dev/zero", "escape.png", "pipe.png", "huge.png", "../pack.yaml")]  # fmt: skip
    finally:
        learner.close()
    assert '<img src="good.png" alt="a good picture">' in html
    for gone in ("/dev/zero", "/etc/", "escape.png", "pipe.png", "file:", "host", "huge.png"):
        assert gone not in html, gone
    assert "[Image not shown: device]" in html  # the words stay, and say what is missing
    assert "<span>the password file</span>" in html
    assert image is not None and image.startswith(b"\x89PNG")
    assert refused == [None] * 5


def test_a_module_file_that_is_a_link_out_of_the_pack_is_not_read(
    pack: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text((pack / BOARD).read_text(encoding="utf-8"), encoding="utf-8")
    (pack / BOARD).unlink()
    (pack / BOARD).symlink_to(secret)
    loaded, problems = load_pack(pack)
    assert_reported(problems, pack / BOARD, 1, "leads outside the pack")
    assert loaded is not None and "board-storytelling" not in {m.id for m in loaded.modules}


# --- item 8: one bad pack never stops the app ---------------------------------------------


@pytest.mark.parametrize(
    ("damage", "where", "words"),
    [
        ("bad-crc", MODULE, ("damaged in the zip", "checksum")),
        ("encrypted", "pack.yaml", ("encrypted", "without a password")),
        ("unknown-method", "pack.yaml", ("compression method", "method 99")),
        ("truncated", "", ("damaged or cut-short zip",)),
    ],
)
def test_a_damaged_zip_is_a_problem_and_the_other_packs_load(
    tmp_path: Path, bundled_content: Path, damage: str, where: str, words: tuple[str, ...]
) -> None:
    assert damage in ZIP_DAMAGE
    archive = broken_zip(tmp_path, damage)
    library = load_library([bundled_content, archive])  # as the app: bundled first
    assert {m.id for m in library.modules} == ALL_MODULES
    file = archive / where if where else archive
    assert_reported(library.problems, file, 1, *words)
    code, lines = validate(archive)
    assert code == 1
    reported(lines, file, 1, *words)


def test_a_file_that_is_not_a_zip_or_folder_says_so(tmp_path: Path) -> None:
    pipe = tmp_path / "pack.zip"
    import os

    os.mkfifo(pipe)
    code, lines = validate(pipe)
    assert (code, lines) == (1, [f"{pipe}:1: this pack is not a folder or a .zip file: "
                                 "give the pack's folder or zip"])  # fmt: skip


# --- item 9: no input makes the app slow --------------------------------------------------


def test_a_module_with_a_1_mib_line_is_reported_and_left_out(pack: Path) -> None:
    (pack / "modules" / "long-line.md").write_text(
        "---\nid: long-line\n---\n" + "![" * (512 * 1024) + "\n", encoding="utf-8"
    )
    started = time.perf_counter()
    library = load_library([pack])
    assert time.perf_counter() - started < 5
    assert {m.id for m in library.modules} == ALL_MODULES
    assert_reported(library.problems, pack / "modules" / "long-line.md", 1, "larger than")


def test_a_long_line_within_the_size_limit_is_reported_on_its_line(pack: Path) -> None:
    edit(pack, BOARD, "## Four numbers", "![" * 10_000 + "\n\n## Four numbers")
    line = line_of(pack, BOARD, "![![![")
    library = load_library([pack])
    assert "board-storytelling" not in {m.id for m in library.modules}
    assert_reported(
        library.problems, pack / BOARD, line, "20,000 characters", f"{MAX_LINE_CHARS:,}"
    )


@pytest.mark.parametrize("piece", ["![", "[", "[a](", "*[", "[^"])
def test_rendering_a_crafted_line_is_quick(piece: str) -> None:
    """Python-Markdown took 26 s on 20,000 characters of '![' (time grew with the square)."""
    started = time.perf_counter()
    render_markdown("\n".join([piece * (MAX_LINE_CHARS // len(piece))] * 5))
    assert time.perf_counter() - started < 3


def test_deeply_nested_lists_and_quotes_render() -> None:
    """Python-Markdown overflowed the stack on these (RecursionError)."""
    for piece in ("1. ", "- ", "> "):
        html = render_markdown(piece * 1300 + "deep")
        assert "<" in html


def test_deep_nesting_is_reported_by_validate(pack: Path) -> None:
    edit(pack, BOARD, "## Four numbers", "> " * 40 + "deep\n\n## Four numbers")
    code, lines = validate(pack)
    reported(lines, pack / BOARD, line_of(pack, BOARD, "> > > >"), "nested more than 20")
    assert code == 1


def test_indexing_text_full_of_brackets_is_quick() -> None:
    started = time.perf_counter()
    for piece in ("[", "![", "[a](", "[a]"):
        plain_text(piece * 50_000)
    assert time.perf_counter() - started < 2


# --- item 10: validate sees what the app sees ---------------------------------------------


def test_validating_two_packs_reports_their_clashes(pack: Path, tmp_path: Path) -> None:
    twin = Path(shutil.copytree(pack, tmp_path / "twin"))
    code, lines = validate(pack, twin)
    assert code == 1
    reported(lines, twin / "pack.yaml", 1, "pack id 'director-ml-engineering' is already used")
    edit(twin, "pack.yaml", "id: director-ml-engineering", "id: twin-pack")
    code, lines = validate(pack, twin)
    assert code == 1
    reported(lines, twin / BOARD, 2, "module id 'board-storytelling' is already used")


def test_a_nul_byte_is_reported_on_its_own_line(pack: Path) -> None:
    for marker in ("minutes: 30", "## Four numbers"):
        copy = pack.parent / f"nul-{marker[:3]}"
        shutil.copytree(pack, copy)
        edit(copy, BOARD, marker, marker + " \x00")
        problems = load_library([copy]).problems
        assert_reported(problems, copy / BOARD, line_of(copy, BOARD, marker), "NUL byte")


def test_every_problem_is_one_line_even_for_a_file_name_with_a_newline(pack: Path) -> None:
    (pack / "modules" / "two\nlines.md").write_text("not a module", encoding="utf-8")
    assert run(["validate", str(pack)]) == 1
    code, lines = validate(pack)
    assert code == 1
    assert len(lines) == 1 and "two\\nlines.md:1: " in lines[0]


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux)")
def test_folders_that_cannot_be_read_are_problems_and_the_rest_loads(
    tmp_path: Path, bundled_content: Path
) -> None:
    locked, locked_modules = unreadable_packs(tmp_path)
    try:
        command = [*obeying_file_modes(), sys.executable, "-m", "zavmo_desktop", "validate",
                   str(bundled_content), str(locked), str(locked_modules)]  # fmt: skip
        result = subprocess.run(
            command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False
        )
    finally:
        locked.chmod(0o755)
        (locked_modules / "modules").chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    reported(lines, locked / "pack.yaml", 1, "cannot be read", "permission denied")
    reported(lines, locked_modules / "modules", 1, "cannot be read", "permission denied")
    assert not any(row.startswith(str(bundled_content)) for row in lines)


@pytest.mark.parametrize(
    ("extra", "passed_on", "words"),
    [
        ("Line.\n" * MAX_MODULE_LINES, MAX_MODULE_LINES + 1, ("longer than 800 lines",)),
        ("*a* " * 500 + "\n", 0, ("more than 1,000 characters that start formatting",)),
        ("| a | b |\n" * MAX_TABLE_ROWS, 0, ("more than 24 table rows",)),
        ("|" * (MAX_TABLE_COLUMNS + 2) + "\n", 0, ("more than 6 columns",)),
        ("# Heading\n" * MAX_HEADINGS, 0, ("more than 200 headings",)),
        ("- item\n" * MAX_LIST_ITEMS, 0, ("more than 300 list items",)),
    ],
)
def test_each_size_limit_is_reported_where_it_is_passed(
    pack: Path, extra: str, passed_on: int, words: tuple[str, ...]
) -> None:
    """Each bounds work that grows faster than the text: Qt took 32 s on a 32,000-item list."""
    file = pack / BOARD
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\n" + extra, encoding="utf-8")
    problems = load_library([pack]).problems
    line = passed_on or _line_passing_limit(file, extra)
    assert_reported(problems, file, line, *words)
    assert "board-storytelling" in {p.path.stem for p in problems}


def _line_passing_limit(file: Path, extra: str) -> int:
    """The first line of the added text that holds the mark which passes the limit."""
    lines = file.read_text(encoding="utf-8").split("\n")
    first_added = len(lines) - extra.count("\n")
    for mark, limit in (("|", MAX_TABLE_ROWS), ("# ", MAX_HEADINGS), ("- ", MAX_LIST_ITEMS)):
        if extra.startswith(mark) and extra.count("\n") > 1:
            before = sum(1 for line in lines[: first_added - 1] if _counted(mark, line))
            return first_added + (limit - before)
    return first_added


def _counted(mark: str, line: str) -> bool:
    if mark == "|":
        return "|" in line
    matcher = HEADING if mark == "# " else LIST_ITEM
    return bool(matcher.match(line))
