"""`zavmo-desktop export --format pdf|html|json --out FILE`: the portfolio from the command line.

Exit codes: 0 done, 1 failed (the message says why), 2 misuse.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from zavmo_desktop import paths

OK, FAILED, MISUSE = 0, 1, 2
FORMATS = ("pdf", "html", "json")


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="save your portfolio as PDF, HTML or JSON")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument("--data-dir", help="the data folder (default: the usual one)")


def run_export_command(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser().resolve()
    if out.suffix.lower() != f".{args.format}":
        return _say(MISUSE, f"--out must end in .{args.format} for --format {args.format}.")
    if not out.parent.is_dir():
        return _say(FAILED, f"The folder {out.parent} does not exist. Nothing was saved.")
    try:
        data = _render(paths.data_dir(args.data_dir), args.format)
        temp = out.with_name(f".{out.name}.part")
        temp.write_bytes(data)  # a temp name first: a full disk never leaves half a file at out
        os.replace(temp, out)
    except OSError as error:
        out.with_name(f".{out.name}.part").unlink(missing_ok=True)
        return _say(FAILED, f"Could not save {out}: {error.strerror or error}. Nothing was saved.")
    return _say(OK, f"Saved your portfolio to {out}.")


def _render(data_dir: Path, fmt: str) -> bytes:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.portfolio.document import build_document, to_json
    from zavmo_desktop.core.portfolio.render import to_html, to_pdf

    learner = Learner.open(data_dir, [paths.bundled_content_dir()])
    try:
        pack = learner.library.packs[0]
        doc = build_document(learner.portfolio, pack.framework, pack.manifest.id, {})
    finally:
        learner.close()
    if fmt == "json":
        return to_json(doc).encode()
    return to_html(doc).encode() if fmt == "html" else to_pdf(doc)


def _say(code: int, message: str) -> int:
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return code
