"""The commands that need no window: validate content, check an installation."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from zavmo_desktop import __version__, paths
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.models import Problem
from zavmo_desktop.core.content.validator import validate_packs
from zavmo_desktop.data_commands import add_data_commands, run_data_command
from zavmo_desktop.pack_commands import add_pack_commands, run_pack_command
from zavmo_desktop.portfolio_commands import add_export_command, run_export_command
from zavmo_desktop.sync_command import add_sync_command, run_sync_command

COMMANDS = ("validate", "self-test", "data", "pack", "sync", "export")


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="zavmo-desktop", description="Zavmo Desktop commands")
    parser.add_argument("--version", action="version", version=f"Zavmo Desktop {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check content packs and report problems")
    validate.add_argument("paths", nargs="+", type=Path, help="pack folders or .zip files")
    test = commands.add_parser("self-test", help="check that this installation works")
    test.add_argument("--data-dir", help="the data folder to check (default: the usual one)")
    add_data_commands(commands)
    add_pack_commands(commands)
    add_sync_command(commands)
    add_export_command(commands)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate_paths(args.paths)
    if args.command == "data":
        return run_data_command(args)
    if args.command == "pack":
        return run_pack_command(args)
    if args.command == "sync":
        return run_sync_command(args)
    if args.command == "export":
        return run_export_command(args)
    return self_test(args.data_dir)


def validate_paths(pack_paths: list[Path]) -> int:
    """The packs together, as the app loads them: clashes between them are problems too."""
    roots = list(dict.fromkeys(_pack_root(path) for path in pack_paths))
    try:
        problems = validate_packs(roots)
    except Exception as error:  # a validator bug must still read as a problem, not a traceback
        problems = [Problem(roots[0], 1, f"could not be checked ({type(error).__name__}: {error})")]
    for problem in problems:
        print(problem)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found." if count else "No problems found.",
          file=sys.stderr)  # fmt: skip
    return 1 if problems else 0


def _pack_root(path: Path) -> Path:
    """A module file or the modules folder is checked as part of its pack."""
    if path.suffix == ".md" and path.parent.name == "modules":
        return path.parent.parent
    if path.name == "modules" and path.is_dir():
        return path.parent
    return path


def self_test(data_dir: str | None) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("Qt platform", _check_qt),
        ("Fonts", _check_fonts),
        ("Speech engine", _check_speech),
        ("Data folder writable", lambda: _check_data_dir(paths.data_dir(data_dir))),
        ("Full-text search", _check_fts5),
        ("Bundled content", _check_content),
    ]
    failures = 0
    for name, check in checks:
        try:
            detail = check()
            print(f"OK    {name}: {detail}")
        except Exception as error:
            failures += 1
            print(f"FAIL  {name}: {error}")
    return 1 if failures else 0


def _check_qt() -> str:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    return f"{app.platformName()} (Qt {_qt_version()})"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _check_fonts() -> str:
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families()
    if not families:
        raise RuntimeError("Qt found no fonts: install fontconfig and a font package")
    bundled = sorted((paths.resources_dir() / "fonts").glob("**/*.[ot]tf"))
    for font_file in bundled:
        if QFontDatabase.addApplicationFont(str(font_file)) < 0:
            raise RuntimeError(f"cannot load bundled font {font_file}")
    return f"{len(families)} system families, {len(bundled)} bundled font files"


def _check_speech() -> str:
    from zavmo_desktop.speech.engines import find_engine

    status = find_engine()
    if not status.available:
        raise RuntimeError(status.detail)
    return status.detail


def _check_data_dir(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
        pass
    return str(folder)


def _check_fts5() -> str:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    return f"SQLite {sqlite3.sqlite_version} with FTS5"


def _check_content() -> str:
    library = load_library([paths.bundled_content_dir()])
    if library.problems:
        raise RuntimeError(f"{len(library.problems)} problems, first: {library.problems[0]}")
    return f"{len(library.modules)} modules in {paths.bundled_content_dir()}"
