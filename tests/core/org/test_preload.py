"""The organisation's packs: installed once, refused once (told), tried again when the file
changes; built, signed and imported through the real pack code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.distribution_pack import PACK_ID, org_pack
from zavmo_desktop.core.org.preload import preload_org_packs
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.registry import read_registry
from zavmo_desktop.core.packs.signing import generate_key_pair


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    root = tmp_path_factory.mktemp("org-packs")
    key = generate_key_pair(root / "org.pem", root / "org.pub.pem")
    build_pack(org_pack(root, "1.0.0"), root / "org.zpack", root / "org.pem")
    build_pack(org_pack(root, "1.1.0"), root / "org-1.1.zpack", root / "org.pem")
    return root / "org.zpack", key


def tampered(source: Path, out: Path) -> Path:
    data = bytearray(source.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte, in the middle of a module's compressed text
    out.write_bytes(bytes(data))
    return out


def test_a_signed_pack_is_installed_once(signed: tuple[Path, bytes], tmp_path: Path) -> None:
    pack, key = signed
    assert preload_org_packs([pack], tmp_path, [key]) == []
    assert read_registry(tmp_path)[PACK_ID].version == "1.0.0"
    folder = tmp_path / "packs" / read_registry(tmp_path)[PACK_ID].folder
    before = folder.stat().st_mtime_ns
    assert preload_org_packs([pack], tmp_path, [key]) == []  # the next start opens no zip
    assert folder.stat().st_mtime_ns == before


def test_a_newer_file_upgrades_and_a_removed_pack_comes_back(
    signed: tuple[Path, bytes], tmp_path: Path
) -> None:
    pack, key = signed
    given = tmp_path / "given.zpack"
    given.write_bytes(pack.read_bytes())
    data_dir = tmp_path / "data"
    preload_org_packs([given], data_dir, [key])
    given.write_bytes((pack.parent / "org-1.1.zpack").read_bytes())
    os.utime(given, ns=(1, 10**18))
    assert preload_org_packs([given], data_dir, [key]) == []
    assert read_registry(data_dir)[PACK_ID].version == "1.1.0"
    (data_dir / "packs" / "installed.json").unlink()  # lost: the same file installs again
    assert preload_org_packs([given], data_dir, [key]) == []
    assert PACK_ID in read_registry(data_dir)


def test_a_tampered_pack_is_refused_and_told_once(
    signed: tuple[Path, bytes], tmp_path: Path
) -> None:
    pack, key = signed
    bad = tampered(pack, tmp_path / "org.zpack")
    data_dir = tmp_path / "data"
    refused = preload_org_packs([bad], data_dir, [key])
    assert len(refused) == 1 and refused[0].startswith("org.zpack: ")
    assert read_registry(data_dir) == {}
    assert not list((data_dir / "packs").glob(".staging-*"))
    assert preload_org_packs([bad], data_dir, [key]) == []  # told once, not every start
    bad.write_bytes(pack.read_bytes())  # the organisation puts it right
    os.utime(bad, ns=(1, 10**18))
    assert preload_org_packs([bad], data_dir, [key]) == []
    assert PACK_ID in read_registry(data_dir)


def test_a_pack_signed_with_another_key_or_missing_is_refused(
    signed: tuple[Path, bytes], tmp_path: Path
) -> None:
    pack, _key = signed
    other = generate_key_pair(tmp_path / "other.pem", tmp_path / "other.pub.pem")
    refused = preload_org_packs([pack, tmp_path / "absent.zpack"], tmp_path / "d", [other])
    assert "does not match your organisation's signing key" in refused[0]
    assert refused[1] == "absent.zpack: the file is not there or cannot be read"
