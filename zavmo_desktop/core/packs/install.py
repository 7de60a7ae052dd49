"""Importing a .zpack: check everything into a staging folder, then install with one rename.

Nothing the learner already has changes until every check has passed: the pack is
unpacked into packs/.staging-*, checked there, renamed to its own folder, and only then
named in the registry (the switch). The old version's folder is removed last.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Problem
from zavmo_desktop.core.content.validator import validate_packs
from zavmo_desktop.core.packs.archive import (
    Limits,
    PackRefused,
    check_entries,
    extract_checked,
    open_zip,
    read_limited,
)
from zavmo_desktop.core.packs.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    ManifestError,
    PackManifest,
    parse_manifest_bytes,
)
from zavmo_desktop.core.packs.registry import (
    InstalledPack,
    packs_dir,
    read_registry,
    write_registry,
)

DEFAULT_LIMITS = Limits()


class AlreadyInstalled(PackRefused):
    """This version, or a newer one, is installed already."""


__all__ = [
    "AlreadyInstalled",
    "PackRefused",
    "StagedPack",
    "import_pack",
    "install_staged",
    "preload_packs",
    "remove_pack",
    "stage_pack",
]


@dataclass
class StagedPack:
    """A pack that passed every check, unpacked but not yet installed: the preview's facts."""

    pack_id: str
    title: str
    version: str
    module_count: int
    file_size: int
    unpacked_size: int
    signed: bool
    verified: bool  # signed by one of the trusted keys
    replaces: str | None  # the installed version it upgrades
    folder: Path

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def stage_pack(
    pack_file: Path,
    data_dir: Path,
    trusted_keys: Sequence[bytes] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> StagedPack:
    """Every check, in a staging folder; PackRefused says which one failed."""
    try:
        file_size = pack_file.stat().st_size
    except OSError as error:
        raise PackRefused(f"{pack_file} cannot be read ({error.strerror})") from None
    root = packs_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        with open_zip(pack_file) as archive:
            manifest, signed, verified = _checked_manifest(archive, trusted_keys, limits)
            files = check_entries(archive, limits)
            extract_checked(archive, files, manifest, staging, limits, file_size)
        staged = _validated(staging, manifest, pack_file, file_size, signed, verified)
        staged.replaces = _replaced_version(data_dir, staged)
        return staged
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def install_staged(staged: StagedPack, data_dir: Path) -> InstalledPack:
    """Move the checked pack into place and switch the registry to it."""
    registry = read_registry(data_dir)
    _replaced_version(data_dir, staged)  # again: another import may have finished meanwhile
    root = packs_dir(data_dir)
    final = root / f"{staged.pack_id}-{staged.version}"
    if final.exists():  # left by an install that stopped before the switch
        shutil.rmtree(final)
    staged.folder.rename(final)
    staged.folder = final
    old = registry.get(staged.pack_id)
    installed = InstalledPack(staged.pack_id, staged.version, final.name)
    registry[staged.pack_id] = installed
    try:
        write_registry(data_dir, registry)
    except OSError:
        shutil.rmtree(final, ignore_errors=True)  # not switched to: the old version stays
        raise
    if old is not None and old.folder != final.name:
        shutil.rmtree(root / old.folder, ignore_errors=True)
    return installed


def import_pack(
    pack_file: Path, data_dir: Path, trusted_keys: Sequence[bytes] | None = None
) -> StagedPack:
    staged = stage_pack(pack_file, data_dir, trusted_keys)
    install_staged(staged, data_dir)
    return staged


def preload_packs(
    pack_files: Sequence[Path], data_dir: Path, trusted_keys: Sequence[bytes] | None = None
) -> list[str]:
    """The organisation's packs, installed at start when new or newer; what went wrong, if
    anything, as one message per pack (the app shows them and starts anyway)."""
    problems = []
    for pack_file in pack_files:
        try:
            import_pack(pack_file, data_dir, trusted_keys)
        except AlreadyInstalled:
            continue
        except PackRefused as error:
            problems.append(f"{pack_file.name} was not installed: {error}")
        except OSError as error:
            problems.append(f"{pack_file.name} was not installed ({error.strerror or error})")
    return problems


def remove_pack(data_dir: Path, pack_id: str) -> bool:
    """Uninstall a pack's content; the learner's records of it stay in the database."""
    registry = read_registry(data_dir)
    old = registry.pop(pack_id, None)
    if old is None:
        return False
    write_registry(data_dir, registry)
    shutil.rmtree(packs_dir(data_dir) / old.folder, ignore_errors=True)
    return True


def _checked_manifest(
    archive: zipfile.ZipFile, trusted_keys: Sequence[bytes] | None, limits: Limits
) -> tuple[PackManifest, bool, bool]:
    raw = _member(archive, MANIFEST_NAME, limits.max_manifest_bytes)
    if raw is None:
        raise PackRefused(
            f"The file has no {MANIFEST_NAME}: it is not a content pack built with "
            "`zavmo-desktop pack build`"
        )
    signature = _member(archive, SIGNATURE_NAME, 1024)
    verified = False
    if trusted_keys:
        if signature is None:
            raise PackRefused(
                "The pack is not signed, and your organisation accepts only signed packs"
            )
        from zavmo_desktop.core.packs.signing import signed_by_trusted_key

        verified = signed_by_trusted_key(raw, signature, trusted_keys)
        if not verified:
            raise PackRefused(
                "The pack's signature does not match your organisation's signing key: it was "
                "signed with another key, or changed after signing"
            )
    try:
        manifest = parse_manifest_bytes(raw)
    except ManifestError as error:
        raise PackRefused(f"{MANIFEST_NAME} {error}") from None
    return manifest, signature is not None, verified


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    data = read_limited(archive, info, limit)
    if len(data) > limit:
        raise PackRefused(f"{name} is larger than {limit} bytes: it may be a zip bomb")
    return data


def _validated(
    staging: Path,
    manifest: PackManifest,
    pack_file: Path,
    file_size: int,
    signed: bool,
    verified: bool,
) -> StagedPack:
    problems = [p for p in validate_packs([staging]) if not p.warning]
    if problems:
        lines = "\n".join(_as_in_pack(p, staging, pack_file) for p in problems[:20])
        raise PackRefused(f"The pack's content has {len(problems)} problem(s):\n{lines}")
    pack, _ = load_pack(staging)
    assert pack is not None  # no problems means it loaded
    if (pack.manifest.id, pack.manifest.version) != (manifest.pack_id, manifest.version):
        raise PackRefused(
            f"pack.yaml says {pack.manifest.id} {pack.manifest.version} but the manifest says "
            f"{manifest.pack_id} {manifest.version}: build the pack again"
        )
    return StagedPack(
        pack_id=manifest.pack_id,
        title=pack.manifest.title,
        version=manifest.version,
        module_count=len(pack.modules),
        file_size=file_size,
        unpacked_size=manifest.total_size(),
        signed=signed,
        verified=verified,
        replaces=None,
        folder=staging,
    )


def _as_in_pack(problem: Problem, staging: Path, pack_file: Path) -> str:
    """A problem named by its place in the pack file, not in the hidden staging folder."""
    try:
        inside = problem.path.relative_to(staging).as_posix()
    except ValueError:
        return str(problem)
    return str(Problem(Path(f"{pack_file.name}/{inside}"), problem.line, problem.message))


def _replaced_version(data_dir: Path, staged: StagedPack) -> str | None:
    old = read_registry(data_dir).get(staged.pack_id)
    if old is None:
        return None
    if _version_key(staged.version) <= _version_key(old.version):
        raise AlreadyInstalled(
            f"{staged.title} {old.version} is already installed; this pack is version "
            f"{staged.version}. Only a newer version can replace it"
        )
    return old.version


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)
