"""Content packs: build, sign, import, upgrade, and every refusal, through the real code."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.distribution_pack import MODULE_FILE, MODULE_ID, PACK_ID, org_pack
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.packs.archive import Limits
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import (
    PackRefused,
    import_pack,
    preload_packs,
    remove_pack,
    stage_pack,
)
from zavmo_desktop.core.packs.manifest import MANIFEST_NAME, SIGNATURE_NAME, manifest_of_folder
from zavmo_desktop.core.packs.registry import installed_pack_folders, read_registry
from zavmo_desktop.core.packs.signing import generate_key_pair, load_public_key_file

Change = Callable[[str, bytes], tuple[str, bytes] | None]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("packs")
    generate_key_pair(root / "org.pem", root / "org.pub.pem")
    generate_key_pair(root / "other.pem", root / "other.pub.pem")
    v1, v2 = org_pack(root, "1.0.0"), org_pack(root, "1.1.0")
    build_pack(v1, root / "v1.zpack")
    build_pack(v1, root / "v1-signed.zpack", root / "org.pem")
    build_pack(v2, root / "v2.zpack")
    return {"root": root, "v1": root / "v1.zpack", "signed": root / "v1-signed.zpack",
            "v2": root / "v2.zpack", "folder": v1}  # fmt: skip


def org_key(made: dict[str, Path]) -> bytes:
    return load_public_key_file(made["root"] / "org.pub.pem")


def rewritten(
    source: Path, out: Path, change: Change, extra: dict[str, bytes] | None = None
) -> Path:
    """A copy of a built pack with entries changed, as someone tampering would make it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            kept = change(info.filename, old.read(info))
            if kept is not None:
                new.writestr(kept[0], kept[1])
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return out


def refusal(pack: Path, data_dir: Path, keys: list[bytes] | None = None, **limits: int) -> str:
    with pytest.raises(PackRefused) as refused:
        stage_pack(pack, data_dir, keys, Limits(**limits))
    assert not list((data_dir / "packs").glob(".staging-*")), "a refusal leaves nothing behind"
    assert read_registry(data_dir) == {}
    return str(refused.value)


def test_a_built_pack_imports_and_loads_beside_the_bundled_content(
    made: dict[str, Path], tmp_path: Path, bundled_content: Path
) -> None:
    staged = import_pack(made["v1"], tmp_path)
    assert (staged.pack_id, staged.version, staged.module_count) == (PACK_ID, "1.0.0", 1)
    assert not staged.signed
    library = load_library([bundled_content, *installed_pack_folders(tmp_path)])
    assert MODULE_ID in {module.id for module in library.modules}
    assert not [p for p in library.problems if not p.warning]


def test_a_signed_pack_is_verified_against_the_trusted_key(
    made: dict[str, Path], tmp_path: Path
) -> None:
    staged = import_pack(made["signed"], tmp_path, [org_key(made)])
    assert staged.signed and staged.verified


def test_a_changed_file_is_refused_by_its_hash(made: dict[str, Path], tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data + b"\nInjected line." if name == MODULE_FILE else data

    pack = rewritten(made["v1"], tmp_path / "t.zpack", change)
    assert "does not match its SHA-256" in refusal(pack, tmp_path / "data")


def test_a_changed_manifest_breaks_the_signature(made: dict[str, Path], tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == MODULE_FILE:
            return name, data + b"\nInjected line."
        if name == MANIFEST_NAME:  # the tamperer fixes the hash too
            manifest = json.loads(data)
            for entry in manifest["files"]:
                if entry["path"] == MODULE_FILE:
                    entry["size"] += len(b"\nInjected line.")
            return name, json.dumps(manifest).encode()
        return name, data

    pack = rewritten(made["signed"], tmp_path / "t.zpack", change)
    assert "signature does not match" in refusal(pack, tmp_path / "data", [org_key(made)])


def test_a_pack_signed_with_another_key_is_refused(made: dict[str, Path], tmp_path: Path) -> None:
    other = load_public_key_file(made["root"] / "other.pub.pem")
    assert "signature does not match" in refusal(made["signed"], tmp_path, [other])


def test_an_unsigned_pack_is_refused_when_a_key_is_required(
    made: dict[str, Path], tmp_path: Path
) -> None:
    assert "not signed" in refusal(made["v1"], tmp_path, [org_key(made)])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../evil.md", "path traversal"), ("modules/../../evil.md", "path traversal"),
     ("/etc/evil.md", "absolute path"), ("C:evil.md", "absolute path"),
     ("modules\\evil.md", "backslash")],
)  # fmt: skip
def test_paths_that_leave_the_pack_are_refused(
    made: dict[str, Path], tmp_path: Path, name: str, expected: str
) -> None:
    pack = rewritten(made["v1"], tmp_path / "t.zpack", lambda n, d: (n, d), {name: b"x"})
    assert expected in refusal(pack, tmp_path / "data")


def test_a_symlink_entry_is_refused(made: dict[str, Path], tmp_path: Path) -> None:
    pack = rewritten(made["v1"], tmp_path / "t.zpack", lambda n, d: (n, d))
    with zipfile.ZipFile(pack, "a") as archive:
        link = zipfile.ZipInfo("modules/link.md")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    assert "symbolic link" in refusal(pack, tmp_path / "data")


def test_a_file_not_in_the_manifest_is_refused(made: dict[str, Path], tmp_path: Path) -> None:
    pack = rewritten(made["v1"], tmp_path / "t.zpack", lambda n, d: (n, d), {"extra.md": b"x"})
    assert "extra.md is in the pack but not in its manifest" in refusal(pack, tmp_path / "data")


def bomb(made: dict[str, Path], out: Path, size: int, listed: int | None = None) -> Path:
    """A pack whose extra file is `size` zero bytes, listed in the manifest as `listed`."""
    zeros = bytes(size)

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name != MANIFEST_NAME:
            return name, data
        manifest = json.loads(data)
        digest = hashlib.sha256(zeros).hexdigest()
        manifest["files"].append({"path": "zeros.bin", "sha256": digest,
                                  "size": size if listed is None else listed})  # fmt: skip
        return name, json.dumps(manifest).encode()

    return rewritten(made["v1"], out, change, {"zeros.bin": zeros})


def test_a_zip_bomb_is_refused_by_its_ratio(made: dict[str, Path], tmp_path: Path) -> None:
    pack = bomb(made, tmp_path / "t.zpack", 20_000_000)
    assert "zip bomb" in refusal(pack, tmp_path / "data")


def test_a_manifest_that_understates_a_size_is_caught_while_reading(
    made: dict[str, Path], tmp_path: Path
) -> None:
    pack = bomb(made, tmp_path / "t.zpack", 2_000_000, listed=10)
    assert "zeros.bin does not match its SHA-256" in refusal(pack, tmp_path / "data")


def test_too_many_entries_and_oversized_files_are_refused(
    made: dict[str, Path], tmp_path: Path
) -> None:
    assert "more than the 2 allowed" in refusal(made["v1"], tmp_path, max_entries=2)
    assert "allowed for one file" in refusal(made["v1"], tmp_path, max_file_bytes=1000)


def test_content_problems_are_refused_as_path_line_messages(
    made: dict[str, Path], tmp_path: Path
) -> None:
    folder = org_pack(tmp_path, "1.0.0")
    (folder / "pack.yaml").write_text("id: org-pack\ntitle: [unclosed\n", encoding="utf-8")
    manifest = manifest_of_folder(folder, PACK_ID, "1.0.0")
    pack = tmp_path / "broken.zpack"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr(MANIFEST_NAME, manifest.to_bytes())
        for entry in manifest.files:
            archive.write(folder / entry.path, entry.path)
    message = refusal(pack, tmp_path / "data")
    assert re.search(r"content has 1 problem\(s\):\nbroken\.zpack/pack\.yaml:\d+: YAML", message)


def test_not_a_pack_is_refused_clearly(made: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "notes.zpack").write_text("just text", encoding="utf-8")
    assert "damaged or cut-short zip" in refusal(tmp_path / "notes.zpack", tmp_path / "data")
    plain = rewritten(made["v1"], tmp_path / "p.zpack", lambda n, d: None if n == MANIFEST_NAME
                      else (n, d))  # fmt: skip
    assert "no zpack-manifest.json" in refusal(plain, tmp_path / "data")


def test_a_newer_version_replaces_the_older_and_not_the_other_way(
    made: dict[str, Path], tmp_path: Path
) -> None:
    import_pack(made["v1"], tmp_path)
    staged = import_pack(made["v2"], tmp_path)
    assert staged.replaces == "1.0.0"
    assert [p.name for p in installed_pack_folders(tmp_path)] == [f"{PACK_ID}-1.1.0"]
    assert not (tmp_path / "packs" / f"{PACK_ID}-1.0.0").exists()
    for older in ("v1", "v2"):
        with pytest.raises(PackRefused, match="Only a newer version can replace it"):
            stage_pack(made[older], tmp_path)
    assert read_registry(tmp_path)[PACK_ID].version == "1.1.0"


def test_removing_a_pack_unlists_its_folder(made: dict[str, Path], tmp_path: Path) -> None:
    import_pack(made["v1"], tmp_path)
    assert remove_pack(tmp_path, PACK_ID)
    assert installed_pack_folders(tmp_path) == []
    assert not remove_pack(tmp_path, PACK_ID)


def test_the_signature_file_is_only_in_signed_packs(made: dict[str, Path]) -> None:
    with zipfile.ZipFile(made["v1"]) as plain, zipfile.ZipFile(made["signed"]) as signed:
        assert SIGNATURE_NAME not in plain.namelist()
        assert SIGNATURE_NAME in signed.namelist()


def test_preloading_installs_new_packs_once_and_reports_refusals(
    made: dict[str, Path], tmp_path: Path
) -> None:
    keys = [org_key(made)]
    assert preload_packs([made["signed"]], tmp_path, keys) == []
    assert preload_packs([made["signed"]], tmp_path, keys) == []  # every start: already there
    problems = preload_packs([made["v2"]], tmp_path, keys)  # newer, but not signed
    assert (
        len(problems) == 1 and "v2.zpack was not installed: The pack is not signed" in problems[0]
    )
    assert read_registry(tmp_path)[PACK_ID].version == "1.0.0"
