"""`zavmo-desktop export --format pdf|html|json --out FILE`: the portfolio from the command line.

Options: --programme ID (else the learner's chosen role, else the only programme),
--include name,role,organisation (nothing personal unless asked), --organisation NAME
(else the organisation's config), --font (else the learner's font setting), --progress
(machine-readable "progress N words" lines on stdout, read by the app's export dialog).

The learner's own files go in FILE-attachments.zip beside FILE when there are any.
Exit codes: 0 done, 1 failed (the message says why), 2 misuse.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop import paths

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.portfolio.attachment_zip import Attachment

OK, FAILED, MISUSE = 0, 1, 2
FORMATS = ("pdf", "html", "json")
DETAILS = ("name", "role", "organisation")
FONTS = ("system", "atkinson", "lexend", "opendyslexic")


class ExportStopped(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="save your portfolio as PDF, HTML or JSON")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument("--data-dir", help="the data folder (default: the usual one)")
    export.add_argument("--programme", help="the programme (pack id) when there are several")
    export.add_argument("--include", default="", help="personal details to include: any of "
                        "name,role,organisation, separated by commas (default: none)")  # fmt: skip
    export.add_argument("--organisation", default=None, help="the organisation's name to show")
    export.add_argument("--font", choices=FONTS, help="the font (default: your font setting)")
    export.add_argument("--content", action="append", type=Path, default=[],
                        help="an extra content pack, as the app's --content")  # fmt: skip
    export.add_argument("--progress", action="store_true", help="print progress lines")
    export.add_argument("--low-priority", action="store_true",
                        help="run below normal CPU priority (as the app does)")  # fmt: skip


def run_export_command(args: argparse.Namespace) -> int:
    progress = _Progress(args.progress)
    if args.low_priority:
        _lower_priority()
    try:
        out = _checked_out(args.out, args.format)
        include = _checked_include(args.include)
        data_dir = paths.data_dir(args.data_dir)
        written = _export(args, out, include, data_dir, progress)
    except ExportStopped as stopped:
        return _say(stopped.code, str(stopped))
    progress(100, "Saved")
    also = f" Your files are in {written}." if written else ""
    return _say(OK, f"Saved your portfolio to {out}.{also}")


def _checked_out(out: Path, fmt: str) -> Path:
    out = out.expanduser().resolve()
    if out.suffix.lower() != f".{fmt}":
        raise ExportStopped(MISUSE, f"--out must end in .{fmt} for --format {fmt}.")
    if not out.parent.is_dir():
        raise ExportStopped(FAILED, f"The folder {out.parent} does not exist. Nothing was saved.")
    return out


def _checked_include(text: str) -> frozenset[str]:
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(DETAILS))
    if unknown:
        raise ExportStopped(
            MISUSE, f"--include takes {', '.join(DETAILS)}; not {', '.join(unknown)}."
        )
    return frozenset(asked)


def _export(
    args: argparse.Namespace, out: Path, include: frozenset[str], data_dir: Path,
    progress: _Progress,
) -> Path | None:  # fmt: skip
    from zavmo_desktop.core.storage import DATABASE_NAME

    if not (data_dir / DATABASE_NAME).is_file():
        raise ExportStopped(
            FAILED, f"There is no learner data in {data_dir} yet. Nothing was saved."
        )
    progress(5, "Reading your portfolio")
    from zavmo_desktop.core.portfolio.export import (
        ExportOptions,
        ProgrammeNotChosen,
        choose_pack,
        portfolio_document,
    )

    learner = _open_learner(data_dir, args.content)
    try:
        try:
            pack = choose_pack(learner.library, args.programme, learner.profile.load().role)
        except ProgrammeNotChosen as error:
            raise ExportStopped(MISUSE if args.programme or learner.library.packs else FAILED,
                                str(error)) from None  # fmt: skip
        options = ExportOptions(include, _organisation(args.organisation, include))
        document, attachments = portfolio_document(learner, pack, options, data_dir, out)
        font = args.font or str(learner.settings.get("font"))
    finally:
        learner.close()
    return _write(args.format, out, document, attachments, font, progress)


def _open_learner(data_dir: Path, extra: list[Path]) -> Learner:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.storage.problems import STORAGE_ERRORS

    content = [paths.bundled_content_dir(), *_installed_packs(data_dir), *extra]
    try:
        return Learner.open(data_dir, content, quick_start=True)
    except STORAGE_ERRORS as error:
        raise ExportStopped(FAILED, f"Could not read your data in {data_dir}: {error}.") from None


def _installed_packs(data_dir: Path) -> list[Path]:
    if not (data_dir / "packs" / "installed.json").is_file():
        return []
    from zavmo_desktop.core.packs.registry import installed_pack_folders

    return installed_pack_folders(data_dir)


def _organisation(given: str | None, include: frozenset[str]) -> str:
    if given is not None or "organisation" not in include:
        return given or ""
    from zavmo_desktop.core.org.config import find_config_file, load_org_config

    return load_org_config(find_config_file(None)).name


def _write(
    fmt: str, out: Path, document: dict[str, Any], attachments: dict[int, Attachment],
    font: str, progress: _Progress,
) -> Path | None:  # fmt: skip
    from zavmo_desktop.core.portfolio.attachment_zip import write_attachments, zip_path_for
    from zavmo_desktop.core.storage.files import partial_of, settle

    progress(20, f"Making the {fmt.upper()}")
    data = _render(fmt, document, font)
    zip_path = zip_path_for(out)
    partial = partial_of(out)
    try:
        progress(85, "Copying your files")
        carried = write_attachments(attachments.values(), zip_path)
        progress(95, "Saving")
        partial.write_bytes(data)  # a partial file first: a full disk never leaves half a file
        settle(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ExportStopped(
            FAILED, f"Could not save {out}: {error.strerror or error}. Nothing was saved."
        ) from None
    return zip_path if carried else None


def _render(fmt: str, document: dict[str, Any], font: str) -> bytes:
    from zavmo_desktop.core.portfolio.document import to_json
    from zavmo_desktop.core.portfolio.render import to_html, to_pdf

    if fmt == "json":
        return to_json(document).encode()
    return to_html(document, font=font).encode() if fmt == "html" else to_pdf(document, font=font)


class _Progress:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, percent: int, words: str) -> None:
        if self.on:
            print(f"progress {percent} {words}", flush=True)


def _lower_priority() -> None:
    """Below the app's window, so its GUI thread gets a core when it wants one: measured,
    at the same priority a loaded 2-core machine held the window for up to 70 ms."""
    if hasattr(os, "nice"):  # not on Windows, where the export then runs at normal priority
        with contextlib.suppress(OSError):
            os.nice(10)


def _say(code: int, message: str) -> int:
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return code
