"""The content validator, through load_pack/load_library and `zavmo-desktop validate`.

Each broken pack is a copy of the real bundled pack with one file edited. Expected
line numbers are found in the edited file itself, so the assertions stay exact when
the bundled text changes.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zavmo_desktop.cli import run
from zavmo_desktop.core.content.loader import load_library, load_pack
from zavmo_desktop.core.content.models import Pack, Problem
from zavmo_desktop.core.content.render import render_markdown

BOARD = "modules/board-storytelling.md"
MLOPS = "modules/mlops-platform-strategy.md"
RAI = "modules/responsible-ai-leadership.md"
REPO_ROOT = Path(__file__).resolve().parents[2]
# Every bundled module's file is named after its id.
ALL_MODULES = {path.stem for path in (REPO_ROOT / "content" / "modules").glob("*.md")}


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def pack(tmp_path: Path, bundled_content: Path) -> Path:
    """A private copy of the bundled pack, to break."""
    return Path(shutil.copytree(bundled_content, tmp_path / "pack"))


def edit(pack: Path, relative: str, old: str, new: str) -> None:
    file = pack / relative
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit expects {old!r} exactly once in {relative}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def line_of(pack: Path, relative: str, text: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `text` in the (edited) file."""
    lines = (pack / relative).read_text(encoding="utf-8").splitlines()
    hits = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(hits) >= occurrence, f"{text!r} not found {occurrence} time(s) in {relative}"
    return hits[occurrence - 1]


def module_ids(pack: Pack | None) -> set[str]:
    assert pack is not None, "the pack itself should still load"
    return {module.id for module in pack.modules}


def assert_reported(problems: list[Problem], file: Path, line: int, *words: str) -> Problem:
    """A problem `file:line:` whose message contains every word (any case)."""
    prefix = f"{file}:{line}: "
    for problem in problems:
        text = str(problem)
        if text.startswith(prefix) and all(w.lower() in text.lower() for w in words):
            return problem
    listing = "\n".join(str(p) for p in problems) or "(no problems)"
    raise AssertionError(f"expected {prefix}... with {words}; got:\n{listing}")


def errors_in(problems: list[Problem], file: Path) -> list[Problem]:
    return [p for p in problems if p.path == file and not p.warning]


def load_broken(pack: Path, relative: str) -> list[Problem]:
    """Load a pack with one broken module: it is left out, the others still load."""
    loaded, problems = load_pack(pack)
    broken_id = Path(relative).stem
    assert module_ids(loaded) == ALL_MODULES - {broken_id}
    return problems


# --- the clean pack and the command -------------------------------------------------------


def test_bundled_pack_loads_every_module_without_problems(bundled_content: Path) -> None:
    loaded, problems = load_pack(bundled_content)
    assert problems == []
    assert module_ids(loaded) == ALL_MODULES


def test_validate_command_on_bundled_content_exits_0_and_prints_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    assert run(["validate", "content"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "No problems found" in err


def test_installed_command_validates_bundled_content() -> None:
    """What a content author types: `zavmo-desktop validate content` (via python -m)."""
    result = subprocess.run(
        [sys.executable, "-m", "zavmo_desktop", "validate", "content"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == []


def test_validate_without_a_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["validate"])
    assert exit_info.value.code == 2
    assert "paths" in capsys.readouterr().err


def test_validate_reports_problems_one_per_line_and_exits_1(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(pack, BOARD, "minutes: 30", "minutes: ten")
    assert run(["validate", str(pack)]) == 1
    out, err = capsys.readouterr()
    line = line_of(pack, BOARD, "minutes: ten")
    assert out.splitlines()[0] == (
        f"{pack / BOARD}:{line}: 'minutes' should be a whole number from 1 to 600"
    )
    assert all(re.match(r"^.+:\d+: ", row) for row in out.splitlines())
    assert "found." in err


def test_validate_a_single_module_file_checks_it_within_its_pack(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(pack, BOARD, "competency: executive-communication", "competency: juggling")
    assert run(["validate", str(pack / BOARD)]) == 1
    out = capsys.readouterr().out
    assert f"{pack / BOARD}:4: competency 'juggling' is not in framework.yaml" in out


def test_validate_a_missing_path_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-pack"
    assert run(["validate", str(missing)]) == 1
    assert capsys.readouterr().out.strip() == f"{missing}:1: no such file or folder: check the path"


# --- YAML and field problems ------------------------------------------------------------------


def test_yaml_syntax_error_names_the_line(pack: Path) -> None:
    # The classic mistake: a colon inside an unquoted title.
    edit(pack, BOARD, "title: Telling the board the ML story", "title: Telling: the board story")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, 3, "YAML syntax error", "mapping values")


def test_unclosed_bracket_names_the_line_it_was_opened_on(pack: Path) -> None:
    edit(pack, BOARD, "        evidences: [EC2]\n", "        evidences: [EC2\n")
    opened = line_of(pack, BOARD, "evidences: [EC2")
    problems = load_broken(pack, BOARD)
    problem = assert_reported(problems, pack / BOARD, opened + 1, "YAML syntax error")
    assert f"starts on line {opened}" in problem.message


def test_missing_title(pack: Path) -> None:
    edit(pack, BOARD, "title: Telling the board the ML story\n", "")
    problems = load_broken(pack, BOARD)
    # The front matter mapping starts on line 2: that is where the field belongs.
    assert_reported(problems, pack / BOARD, 2, "missing 'title'", "add a 'title:' line")


def test_unknown_field_is_reported_on_its_line(pack: Path) -> None:
    edit(pack, BOARD, "minutes: 30\n", "minutes: 30\nduration: 30\n")
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "duration: 30")
    assert_reported(problems, pack / BOARD, line, "unknown field 'duration'", "allowed:", "minutes")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ('"ten"', ("'minutes'", "whole number from 1 to 600")),
        ("ten", ("'minutes'", "whole number from 1 to 600")),
        ("0", ("'minutes'", "whole number from 1 to 600")),
        ("601", ("'minutes'", "whole number from 1 to 600")),
        ("2.5", ("'minutes'", "whole number")),
        ("true", ("'minutes'", "whole number")),
    ],
)
def test_minutes_of_the_wrong_type_or_range(pack: Path, value: str, words: tuple[str, ...]) -> None:
    edit(pack, BOARD, "minutes: 30\n", f"minutes: {value}\n")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, line_of(pack, BOARD, "minutes:"), *words)


def test_title_that_is_a_list_is_not_text(pack: Path) -> None:
    edit(pack, BOARD, "title: Telling the board the ML story", "title: [a, b]")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, 3, "'title' should be some text")


def test_unknown_competency(pack: Path) -> None:
    edit(pack, BOARD, "competency: executive-communication", "competency: juggling")
    problems = load_broken(pack, BOARD)
    assert_reported(
        problems, pack / BOARD, 4, "competency 'juggling' is not in framework.yaml", "competency id"
    )


def test_unknown_criterion_is_reported_on_its_list_item(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "        evidences: [EC1, EC2]\nreflections:",
        "        evidences:\n          - EC1\n          - XX9\nreflections:",
    )
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "- XX9")
    assert_reported(problems, pack / BOARD, line, "criterion 'XX9'", "framework.yaml")
    assert len(errors_in(problems, pack / BOARD)) == 1  # EC1 on the line above is fine


def test_bad_when(pack: Path) -> None:
    edit(pack, BOARD, "when: quick_win", "when: someday")
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "when: someday")
    assert_reported(problems, pack / BOARD, line, "'when' is 'someday'", "this_quarter", "ongoing")


def test_duplicate_checklist_id(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "reflections:\n",
        "  - id: board-paper-prep\n    title: Again\n    items:\n"
        "      - id: again\n        text: Do it again.\nreflections:\n",
    )
    problems = load_broken(pack, BOARD)
    second = line_of(pack, BOARD, "- id: board-paper-prep", occurrence=2)
    assert_reported(problems, pack / BOARD, second, "checklist id 'board-paper-prep'", "twice")


def test_duplicate_checklist_item_id(pack: Path) -> None:
    edit(pack, BOARD, "      - id: rehearse\n", "      - id: one-page\n")
    problems = load_broken(pack, BOARD)
    second = line_of(pack, BOARD, "- id: one-page", occurrence=2)
    assert_reported(problems, pack / BOARD, second, "item id 'one-page'", "twice")


def test_duplicate_id_hidden_by_spaces_is_still_a_duplicate(pack: Path) -> None:
    edit(pack, BOARD, "      - id: rehearse\n", '      - id: "one-page "\n')
    problems = load_broken(pack, BOARD)
    assert_reported(
        problems, pack / BOARD, line_of(pack, BOARD, '- id: "one-page "'), "item id 'one-page'"
    )


def test_duplicate_criterion_id_in_the_framework(pack: Path) -> None:
    edit(pack, "framework.yaml", "          - id: EC2\n", '          - id: " EC1"\n')
    loaded, problems = load_pack(pack)
    assert loaded is None  # without a sound framework no module can be checked
    line = line_of(pack, "framework.yaml", '- id: " EC1"')
    assert_reported(problems, pack / "framework.yaml", line, "criterion id 'EC1'", "twice")


def test_duplicate_node_id(pack: Path) -> None:
    edit(pack, BOARD, "      - id: overpromise\n", "      - id: redirect\n")
    problems = load_broken(pack, BOARD)
    second = line_of(pack, BOARD, "- id: redirect", occurrence=2)
    assert_reported(problems, pack / BOARD, second, "node id 'redirect'", "twice")


def test_quoted_node_id_with_spaces_is_checked_like_any_other(pack: Path) -> None:
    """Regression: a padded id used to crash the graph check with a KeyError."""
    edit(pack, BOARD, "      - id: overpromise\n", '      - id: " overpromise"\n')
    edit(
        pack,
        BOARD,
        "        next: risk\n      - id: close",
        "        next: nowhere\n      - id: close",
    )
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, '- id: " overpromise"')
    assert_reported(problems, pack / BOARD, line, "goes to 'nowhere'")


# --- conversation graphs ----------------------------------------------------------------------


def test_dangling_next(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "        next: risk\n      - id: close",
        "        next: nowhere\n      - id: close",
    )
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "- id: overpromise")
    assert_reported(problems, pack / BOARD, line, "'overpromise' goes to 'nowhere'", "not exist")


def test_unreachable_node(pack: Path) -> None:
    edit(pack, BOARD, "            next: redirect\n", "            next: figures\n")
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "- id: redirect")
    assert_reported(problems, pack / BOARD, line, "'redirect' can never be reached from 'opening'")


def test_conversation_without_an_ending(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "          That is clear. Put it on one page and I will support it at the board\n"
        "          meeting.\n",
        "          That is clear.\n        next: opening\n",
    )
    problems = load_broken(pack, BOARD)
    start = line_of(pack, BOARD, "- id: opening")
    assert_reported(problems, pack / BOARD, start, "no ending")


def test_loop_with_no_way_out(pack: Path) -> None:
    # risk -> overpromise -> risk, and the way on to 'close' now leads back into the loop.
    edit(
        pack,
        BOARD,
        "            next: close\n            feedback: A clear checkpoint",
        "            next: overpromise\n            feedback: A clear checkpoint",
    )
    problems = load_broken(pack, BOARD)
    for node in ("risk", "overpromise"):
        line = line_of(pack, BOARD, f"- id: {node}")
        assert_reported(
            problems, pack / BOARD, line, f"from node '{node}'", "never reach an ending"
        )


def test_start_node_missing(pack: Path) -> None:
    edit(pack, BOARD, "    start: opening", "    start: hello")
    problems = load_broken(pack, BOARD)
    assert_reported(
        problems, pack / BOARD, line_of(pack, BOARD, "start: hello"), "start node 'hello'"
    )


def test_quiz_node_without_a_correct_reply(pack: Path) -> None:
    edit(pack, BOARD, "            next: q3\n            correct: true\n", "            next: q3\n")
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "- id: q2")
    assert_reported(problems, pack / BOARD, line, "quiz node 'q2'", "correct: true")


def test_quiz_reply_without_feedback(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "            next: done\n            feedback: Not quite. 8% is lower than 10%, "
        "so the target was met.\n",
        "            next: done\n",
    )
    problems = load_broken(pack, BOARD)
    line = line_of(pack, BOARD, "- id: q4")
    assert_reported(problems, pack / BOARD, line, "every reply of node 'q4' needs 'feedback'")


def test_coaching_missing_a_stage(pack: Path) -> None:
    edit(pack, RAI, "        stage: options\n", "")
    problems = load_broken(pack, RAI)
    line = line_of(pack, RAI, "- id: responsible-ai-grow")
    assert_reported(problems, pack / RAI, line, "coaching", "stage: options")


def test_scenario_reply_without_consequence(pack: Path) -> None:
    edit(
        pack,
        MLOPS,
        "            consequence: >-\n"
        "              The team starts quickly. They spend their time on models and\n"
        "              pipelines, not on running clusters.\n",
        "",
    )
    problems = load_broken(pack, MLOPS)
    line = line_of(pack, MLOPS, "- id: brief")
    assert_reported(problems, pack / MLOPS, line, "scenario", "node 'brief'", "'consequence'")


def test_unknown_prerequisite_is_reported_on_its_line(pack: Path) -> None:
    edit(pack, MLOPS, "prerequisites: [board-storytelling]", "prerequisites: [no-such-module]")
    loaded, problems = load_pack(pack)
    line = line_of(pack, MLOPS, "prerequisites:")
    assert_reported(problems, pack / MLOPS, line, "prerequisite 'no-such-module'", "check the id")
    assert module_ids(loaded) == ALL_MODULES  # the module itself is still usable


# --- the Markdown body ------------------------------------------------------------------------


def test_raw_html_is_a_warning_and_rendering_is_safe(pack: Path) -> None:
    edit(
        pack,
        BOARD,
        "## Start with the question the board is asking\n",
        "## Start with the question the board is asking\n\n"
        "<script>alert('hi')</script>\n\n"
        '<a href="javascript:alert(1)" onclick="steal()">Click</a>\n\n'
        "![tracker](https://tracker.example/pixel.png)\n\n"
        "[sneaky](javascript:alert(2))\n",
    )
    loaded, problems = load_pack(pack)
    assert module_ids(loaded) == ALL_MODULES  # warnings never stop a module loading
    file = pack / BOARD
    script = assert_reported(problems, file, line_of(pack, BOARD, "<script>"), "<script>")
    anchor = assert_reported(problems, file, line_of(pack, BOARD, "onclick="), "onclick attribute")
    assert_reported(problems, file, line_of(pack, BOARD, "onclick="), "javascript: link")
    image = assert_reported(problems, file, line_of(pack, BOARD, "tracker.example"), "images")
    assert script.warning and anchor.warning and image.warning
    assert str(script).startswith(f"{file}:{script.line}: warning: ")
    assert loaded is not None
    body = next(m.body for m in loaded.modules if m.id == "board-storytelling")
    html = render_markdown(body).lower()
    assert "<script" not in html
    assert "alert('hi')" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "tracker.example" not in html
    assert "<h2" in html and "click" in html  # the rest of the text is still there


# --- files that are not what they should be ---------------------------------------------------


def test_huge_file_is_reported_not_read(pack: Path) -> None:
    file = pack / BOARD
    padding = ("A sentence that goes on and on. " * 30 + "\n") * 4000  # about 4 MB
    file.write_text(file.read_text(encoding="utf-8") + padding, encoding="utf-8")
    assert file.stat().st_size > 3 * 1024 * 1024
    started = time.perf_counter()
    problems = load_broken(pack, BOARD)
    assert time.perf_counter() - started < 2
    problem = assert_reported(problems, file, 1, "larger than 128 KiB", "split it")
    assert "131,073" not in problem.message  # it never claims a size it did not measure


def test_non_utf8_body_names_the_line(pack: Path) -> None:
    file = pack / BOARD
    target = line_of(pack, BOARD, "## Four numbers that tell the story")
    lines = file.read_bytes().split(b"\n")
    lines[target - 1] += b" caf\xe9"  # Latin-1, as an old editor would save it
    file.write_bytes(b"\n".join(lines))
    problems = load_broken(pack, BOARD)
    assert_reported(problems, file, target, "not UTF-8", "save the file as UTF-8")


def test_non_utf8_front_matter_names_the_line(pack: Path) -> None:
    file = pack / BOARD
    file.write_bytes(file.read_bytes().replace(b"minutes: 30", b"minutes: 30 \x96"))
    problems = load_broken(pack, BOARD)
    assert_reported(problems, file, 9, "not UTF-8")


def billion_laughs() -> str:
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for depth in range(1, 10):
        name, previous = chr(ord("a") + depth), chr(ord("a") + depth - 1)
        rows.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "---\nid: laughs\n" + "\n".join(rows) + "\n---\n# Laughs\n\nText.\n"


def test_yaml_alias_bomb_is_reported_quickly(pack: Path) -> None:
    bomb = pack / "modules" / "laughs.md"
    bomb.write_text(billion_laughs(), encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = load_pack(pack)
    assert time.perf_counter() - started < 2
    assert module_ids(loaded) == ALL_MODULES
    # Line 3 holds the anchor (&a) the aliases on the following lines repeat.
    assert_reported(problems, bomb, 3, "anchors and aliases", "write it out")


def test_yaml_merge_key_is_reported(pack: Path) -> None:
    edit(pack, BOARD, "minutes: 30\n", "minutes: 30\n<<: {order: 2}\n")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, line_of(pack, BOARD, "<<:"), "merge keys")


def test_python_tags_are_refused(pack: Path) -> None:
    edit(pack, BOARD, "minutes: 30\n", "minutes: !!python/name:os.system\n")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, 9, "unsupported YAML tag")


def test_empty_module_file(pack: Path) -> None:
    empty = pack / "modules" / "empty.md"
    empty.write_bytes(b"")
    loaded, problems = load_pack(pack)
    assert module_ids(loaded) == ALL_MODULES
    assert_reported(problems, empty, 1, "starts with a '---' line")


def test_front_matter_not_closed(pack: Path) -> None:
    file = pack / "modules" / "unclosed.md"
    file.write_text("---\nid: unclosed\ntitle: Unclosed\n\n# Unclosed\n\nText.\n", encoding="utf-8")
    loaded, problems = load_pack(pack)
    assert module_ids(loaded) == ALL_MODULES
    assert_reported(problems, file, 1, "front matter is not closed", "add a '---' line")


def test_module_with_no_body(pack: Path) -> None:
    text = (pack / BOARD).read_text(encoding="utf-8")
    front = text[: text.index("\n---\n") + 5]
    (pack / BOARD).write_text(front, encoding="utf-8")
    problems = load_broken(pack, BOARD)
    closing = front.count("\n")
    assert_reported(problems, pack / BOARD, closing, "no text after its front matter")


def test_broken_pack_yaml_stops_only_that_pack(pack: Path, bundled_content: Path) -> None:
    edit(pack, "pack.yaml", "version: 1.0.0", "version: 1.0")
    library = load_library([pack, bundled_content])
    assert_reported(library.problems, pack / "pack.yaml", 3, "'version'", "1.0.0")
    assert {m.id for m in library.modules} == ALL_MODULES  # the second pack still loads


def test_missing_framework(pack: Path) -> None:
    (pack / "framework.yaml").unlink()
    loaded, problems = load_pack(pack)
    assert loaded is None
    assert_reported(problems, pack / "framework.yaml", 1, "framework.yaml is missing")


# --- packs and libraries ----------------------------------------------------------------------


def test_zip_pack_loads_the_same_modules(tmp_path: Path, bundled_content: Path) -> None:
    folder_pack, _ = load_pack(bundled_content)
    for inside_folder in (False, True):
        base = tmp_path / f"zipped-{inside_folder}"
        if inside_folder:  # the zip holds one folder with the pack in it
            archive = shutil.make_archive(str(base), "zip", bundled_content.parent, "content")
        else:
            archive = shutil.make_archive(str(base), "zip", bundled_content)
        zipped, problems = load_pack(Path(archive))
        assert problems == []
        assert zipped is not None and folder_pack is not None
        assert [(m.id, m.content_hash) for m in zipped.modules] == [
            (m.id, m.content_hash) for m in folder_pack.modules
        ]


def test_problem_in_a_zip_names_the_file_inside_it(pack: Path, tmp_path: Path) -> None:
    edit(pack, BOARD, "competency: executive-communication", "competency: juggling")
    archive = Path(shutil.make_archive(str(tmp_path / "broken"), "zip", pack))
    loaded, problems = load_pack(archive)
    assert module_ids(loaded) == ALL_MODULES - {"board-storytelling"}
    assert_reported(problems, archive / BOARD, 4, "competency 'juggling'")


def test_one_broken_module_never_stops_the_others(pack: Path) -> None:
    (pack / "modules" / "zzz-garbage.md").write_bytes(b"\x00\xff---\n: : :\n")
    edit(pack, RAI, "minutes: 40", "minutes: forty")
    library = load_library([pack])
    assert {m.id for m in library.modules} == ALL_MODULES - {"responsible-ai-leadership"}
    files = {p.path.name for p in library.problems}
    # ai-governance-controls names responsible-ai-leadership as its prerequisite: it still
    # loads, and the missing prerequisite is reported on its line
    assert files == {"zzz-garbage.md", "responsible-ai-leadership.md", "ai-governance-controls.md"}
    dependent = [str(p) for p in library.problems if p.path.name == "ai-governance-controls.md"]
    assert len(dependent) == 1 and "prerequisite 'responsible-ai-leadership'" in dependent[0]


def test_duplicate_module_id_across_two_packs(pack: Path, tmp_path: Path) -> None:
    second = Path(shutil.copytree(pack, tmp_path / "second"))
    edit(second, "pack.yaml", "id: director-ml-engineering", "id: second-pack")
    for name in (MLOPS, RAI):
        (second / name).unlink()
    library = load_library([pack, second])
    assert {m.id for m in library.modules} == ALL_MODULES
    assert library.module("board-storytelling") is not None
    assert library.module("board-storytelling").path == pack / BOARD  # type: ignore[union-attr]
    assert_reported(
        library.problems,
        second / BOARD,
        2,  # the module's `id:` line
        "module id 'board-storytelling' is already used by",
        str(pack / BOARD),
    )


def test_duplicate_module_id_in_one_pack(pack: Path) -> None:
    shutil.copyfile(pack / BOARD, pack / "modules" / "copy-of-board.md")
    library = load_library([pack])
    assert {m.id for m in library.modules} == ALL_MODULES
    assert len(library.problems) == 1
    assert library.problems[0].line == 2
    assert "already used by" in library.problems[0].message


# --- never a traceback ------------------------------------------------------------------------

TOKENS = [
    b"---", b"\n", b": ", b"- ", b"&a ", b"*a", b"[", b"]", b"{", b"}", b'"', b"'", b"\t",
    b"\xff", b"\x00", b"#", b"next: ", b"id: ", b"nodes:", b"  ", b"|", b">", b"!!binary ",
    b"!!python/object ", b"<<: ", b"? ", b"~", b"<script>", b"\r", b"\xef\xbb\xbf", b"\xc3",
    b"!!timestamp 2020", b"!!set ", b"1e9", b"true", b"null", b" overpromise",
]  # fmt: skip


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to six random edits: bytes, YAML tokens, cut/copied spans, moved/indented lines."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(6)
        if kind == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif kind == 1:
            out[at:at] = rng.choice(TOKENS)
        elif kind == 2:
            del out[at : at + rng.randint(1, 40)]
        elif kind == 3:
            start = rng.randrange(len(out) + 1)
            out[at:at] = out[start : start + rng.randint(1, 80)]
        else:
            lines = bytes(out).split(b"\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            if kind == 4:
                lines[a], lines[b] = lines[b], lines[a]
            else:
                lines[a] = b"  " + lines[a] if rng.random() < 0.5 else lines[a].lstrip()
            out = bytearray(b"\n".join(lines))
    return bytes(out)


def test_fuzzed_modules_never_raise(pack: Path) -> None:
    rng = random.Random(20240611)
    files = sorted((pack / "modules").glob("*.md"))
    originals = {file: file.read_bytes() for file in files}
    for round_number in range(300):
        file = rng.choice(files)
        file.write_bytes(mutate(rng, originals[file]))
        try:
            loaded, problems = load_pack(pack)
        except Exception as error:  # pragma: no cover - the failure message is the point
            raise AssertionError(f"round {round_number}: load_pack raised on {file}") from error
        assert loaded is not None
        assert all(p.line >= 1 for p in problems)
        file.write_bytes(originals[file])


def test_a_second_pack_with_the_same_id_is_reported_not_loaded(pack: Path) -> None:
    library = load_library([pack, pack])
    assert len(library.packs) == 1
    duplicate = "pack id 'director-ml-engineering' is already used"
    assert any(duplicate in str(p) for p in library.problems)


def test_a_tagged_value_yaml_cannot_read_is_reported(pack: Path) -> None:
    edit(pack, BOARD, "minutes: 30\n", "minutes: !!timestamp 2020prompt\n")
    problems = load_broken(pack, BOARD)
    assert_reported(problems, pack / BOARD, 9, "cannot read this value as timestamp")
