"""`zavmo-desktop data export|erase`: the learner's own data from the command line.

Exit codes: 0 done, 1 failed (the message says why), 2 misuse (what to type instead).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from zavmo_desktop import paths
from zavmo_desktop.core.own_data.erase import EraseError, erase_all
from zavmo_desktop.core.own_data.export import ExportError, export_all
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock

OK, FAILED, MISUSE = 0, 1, 2


def add_data_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = commands.add_parser("data", help="export or erase all your data")
    actions = data.add_subparsers(dest="data_command", required=True)
    export = actions.add_parser("export", help="save all your data in a zip file")
    export.add_argument("--out", required=True, type=Path, help="the zip file to write")
    export.add_argument("--data-dir", help="the data folder (default: the usual one)")
    export.add_argument("--profile", help=PROFILE_HELP)
    erase = actions.add_parser("erase", help="remove all your data from this computer")
    erase.add_argument("--yes", action="store_true", help="confirm: erase cannot be undone")
    erase.add_argument("--data-dir", help="the data folder (default: the usual one)")
    erase.add_argument("--profile", help=PROFILE_HELP)


PROFILE_HELP = "one learner's data on a shared data folder (name or id; default: the first)"


def run_data_command(args: argparse.Namespace) -> int:
    root = paths.data_dir(args.data_dir)
    data_dir = root
    if args.profile:
        from zavmo_desktop.core.profiles.registry import Profiles

        profiles = Profiles(root)
        profile = profiles.find(args.profile)
        if profile is None:
            names = ", ".join(p.name for p in profiles.learners())
            return _say(MISUSE, f"There is no learner called {args.profile!r} in {root}. "
                        f"Learners: {names}. Nothing was done.")  # fmt: skip
        data_dir = profiles.folder_of(profile.id)
    if args.data_command == "export":
        return export_command(data_dir, args.out)
    return erase_command(data_dir, args.yes, root)


def export_command(data_dir: Path, out: Path) -> int:
    if out.suffix.lower() != ".zip":
        example = "for example my-zavmo-data.zip"
        return _say(MISUSE, f"--out must name a .zip file, {example} (not {out}).")
    out = out.expanduser().resolve()
    if not out.parent.is_dir():
        return _say(FAILED, f"The folder {out.parent} does not exist. Nothing was saved.")
    try:
        summary = export_all(data_dir, out)
    except ExportError as error:
        return _say(FAILED, str(error))
    rows = sum(table.rows for table in summary.tables)
    print(f"Saved all your data to {out}: {len(summary.tables)} tables, {rows} rows, "
          f"{summary.files} files. README.txt inside says what each file is.")  # fmt: skip
    return OK


def erase_command(data_dir: Path, confirmed: bool, root: Path | None = None) -> int:
    """`root`: the data folder the app locks, when `data_dir` is one learner's inside it.
    Only that learner's files go; the list of learners keeps them, as after Erase all my
    data in the app (removing a learner is done in the app's chooser)."""
    root = root or data_dir
    if not confirmed:
        return _say(MISUSE, "Nothing was erased. Erasing removes all your learning data from "
                    f"{data_dir} and cannot be undone. To go ahead, run: "
                    "zavmo-desktop data erase --yes")  # fmt: skip
    if not data_dir.is_dir():
        return _say(OK, f"There is no Zavmo data in {data_dir}. Nothing to erase.")
    lock = InstanceLock(root)
    try:
        lock.acquire()
    except AlreadyRunning:
        return _say(FAILED, f"Zavmo Desktop is open with this data ({data_dir}). Close it, or "
                    "use Erase all my data in its Settings. Nothing was erased.")  # fmt: skip
    except OSError as error:
        why = error.strerror or error
        return _say(FAILED, f"Zavmo could not use {data_dir} ({why}). Nothing was erased.")
    try:
        removed = erase_all(data_dir, include_lock=False)
    except EraseError as error:
        return _say(FAILED, str(error))
    finally:
        lock.release()
    if root == data_dir:
        lock.path.unlink(missing_ok=True)
        _remove_if_empty(data_dir)
    print(f"Erased all your data from {data_dir} ({len(removed)} items removed).")
    return OK


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if empty: a folder given with --data-dir may hold other things


def _say(code: int, message: str) -> int:
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return code
