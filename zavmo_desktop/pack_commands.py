"""`zavmo-desktop pack build|import|remove|keygen`: content packs from the command line.

Exit codes: 0 done, 1 refused or failed (the message says why), 2 misuse (what to type).
The packs code is imported only when a pack command runs, never on the app's start path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zavmo_desktop import paths

OK, FAILED, MISUSE = 0, 1, 2


def add_pack_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pack = commands.add_parser("pack", help="build, sign and import content packs")
    actions = pack.add_subparsers(dest="pack_command", required=True)
    build = actions.add_parser("build", help="make a .zpack file from a pack folder")
    build.add_argument("folder", type=Path, help="the pack folder (with pack.yaml)")
    build.add_argument("--out", required=True, type=Path, help="the .zpack file to write")
    build.add_argument("--sign", type=Path, help="an Ed25519 private key (PEM) to sign with")
    imported = actions.add_parser("import", help="check a .zpack file and install it")
    imported.add_argument("file", type=Path, help="the .zpack file")
    imported.add_argument("--data-dir", help="the data folder (default: the usual one)")
    imported.add_argument("--trusted-key", type=Path, action="append", default=[],
                          help="a public key (PEM) the pack must be signed with")  # fmt: skip
    remove = actions.add_parser("remove", help="remove an installed pack (your evidence stays)")
    remove.add_argument("pack_id", help="the installed pack's id (as in pack.yaml)")
    remove.add_argument("--data-dir", help="the data folder (default: the usual one)")
    keygen = actions.add_parser("keygen", help="make an Ed25519 key pair for signing packs")
    keygen.add_argument("--private", required=True, type=Path, help="private key file to write")
    keygen.add_argument("--public", required=True, type=Path, help="public key file to write")


def run_pack_command(args: argparse.Namespace) -> int:
    if args.pack_command == "build":
        return build_command(args.folder, args.out, args.sign)
    if args.pack_command == "import":
        return import_command(args.file, paths.data_dir(args.data_dir), args.trusted_key)
    if args.pack_command == "remove":
        return remove_command(args.pack_id, paths.data_dir(args.data_dir))
    return keygen_command(args.private, args.public)


def build_command(folder: Path, out: Path, key: Path | None) -> int:
    if out.suffix.lower() != ".zpack":
        return _say(
            MISUSE, f"--out must name a .zpack file, for example my-pack.zpack (not {out})."
        )
    if not folder.is_dir():
        return _say(MISUSE, f"{folder} is not a folder: give the pack's folder (with pack.yaml).")
    if not out.expanduser().resolve().parent.is_dir():
        return _say(FAILED, f"The folder for {out} does not exist. Nothing was written.")
    from zavmo_desktop.core.packs.archive import PackRefused
    from zavmo_desktop.core.packs.build import build_pack
    from zavmo_desktop.core.packs.signing import SigningError

    try:
        manifest = build_pack(folder, out, key)
    except (PackRefused, SigningError) as error:
        return _say(FAILED, f"{error}\nNothing was written.")
    except OSError as error:
        return _say(FAILED, f"Could not write {out} ({error.strerror}). Nothing was written.")
    signed = "signed" if key else "not signed"
    print(f"Built {out}: {manifest.pack_id} {manifest.version}, {len(manifest.files)} files, "
          f"{signed}.")  # fmt: skip
    return OK


def import_command(pack_file: Path, data_dir: Path, key_files: list[Path]) -> int:
    if not pack_file.is_file():
        return _say(MISUSE, f"{pack_file} is not a file: give the .zpack file to import.")
    from zavmo_desktop.core.packs.install import PackRefused, import_pack
    from zavmo_desktop.core.packs.signing import SigningError, load_public_key_file

    try:
        keys = [load_public_key_file(path) for path in key_files] or None
        staged = import_pack(pack_file, data_dir, keys)
    except (PackRefused, SigningError) as error:
        return _say(FAILED, f"{error}\nNothing was installed.")
    except OSError as error:
        why = error.strerror or error
        return _say(FAILED, f"Could not install into {data_dir} ({why}). Nothing was installed.")
    upgrade = f", replacing {staged.replaces}" if staged.replaces else ""
    print(f"Installed {staged.title} {staged.version}{upgrade}: {staged.module_count} modules. "
          "They appear in the Library the next time Zavmo Desktop starts.")  # fmt: skip
    return OK


def remove_command(pack_id: str, data_dir: Path) -> int:
    """The pack's folder and its registry line go; the database is not touched, so the
    learner's evidence, reflections and progress from its modules stay in the portfolio."""
    from zavmo_desktop.core.packs.install import remove_pack
    from zavmo_desktop.core.packs.registry import read_registry
    from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock

    installed = sorted(read_registry(data_dir))
    if pack_id not in installed:
        listed = ", ".join(installed) if installed else "none"
        return _say(MISUSE, f"No pack {pack_id!r} is installed in {data_dir}. Installed packs: "
                    f"{listed}. (The pack that comes with Zavmo cannot be removed.)")  # fmt: skip
    lock = InstanceLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunning:
        return _say(FAILED, f"Zavmo Desktop is open with this data ({data_dir}). Close it, or "
                    "remove the pack in its Library. Nothing was removed.")  # fmt: skip
    except OSError as error:
        why = error.strerror or error
        return _say(FAILED, f"Zavmo could not use {data_dir} ({why}). Nothing was removed.")
    try:
        remove_pack(data_dir, pack_id)
    except OSError as error:
        why = error.strerror or error
        return _say(FAILED, f"Could not remove {pack_id} from {data_dir} ({why}).")
    finally:
        lock.release()
    print(f"Removed {pack_id}: its modules leave the Library the next time Zavmo Desktop "
          "starts. Your evidence, reflections and progress from it are kept in your "
          "portfolio.")  # fmt: skip
    return OK


def keygen_command(private: Path, public: Path) -> int:
    if private.exists() or public.exists():
        return _say(MISUSE, "A key file already exists there: choose new file names.")
    from zavmo_desktop.core.packs.signing import generate_key_pair

    raw = generate_key_pair(private, public)
    print(f"Wrote {private} (keep it secret) and {public}. Public key (hex, for the "
          f"organisation config): {raw.hex()}")  # fmt: skip
    return OK


def _say(code: int, message: str) -> int:
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return code
