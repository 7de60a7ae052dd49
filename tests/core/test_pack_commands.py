"""`zavmo-desktop pack build|import|remove|keygen`: exit codes and messages, as typed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.distribution_pack import MODULE_FILE, MODULE_ID, PACK_ID, org_pack
from zavmo_desktop.cli import run
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import import_pack
from zavmo_desktop.core.packs.registry import read_registry
from zavmo_desktop.core.portfolio.portfolio import Portfolio
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence
from zavmo_desktop.core.storage.instance_lock import InstanceLock
from zavmo_desktop.core.storage.store import open_store


def test_keygen_build_signed_and_import_with_the_trusted_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private, public = tmp_path / "org.pem", tmp_path / "org.pub.pem"
    assert run(["pack", "keygen", "--private", str(private), "--public", str(public)]) == 0
    folder, out = org_pack(tmp_path), tmp_path / "org.zpack"
    assert run(["pack", "build", str(folder), "--out", str(out), "--sign", str(private)]) == 0
    assert "signed" in capsys.readouterr().out
    data = tmp_path / "data"
    imported = ["pack", "import", str(out), "--data-dir", str(data), "--trusted-key", str(public)]
    assert run(imported) == 0
    assert "Installed Organisation pack 1.0.0: 1 modules" in capsys.readouterr().out
    assert read_registry(data)[PACK_ID].version == "1.0.0"
    assert run(imported) == 1  # the same version again
    assert "Only a newer version can replace it" in capsys.readouterr().err


def test_a_tampered_pack_is_refused_with_exit_1_and_nothing_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "org.zpack"
    assert run(["pack", "build", str(org_pack(tmp_path)), "--out", str(out)]) == 0
    tampered = tmp_path / "tampered.zpack"
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(
                info.filename, data + b"\nEdited." if info.filename == MODULE_FILE else data
            )
    data_dir = tmp_path / "data"
    assert run(["pack", "import", str(tampered), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "does not match its SHA-256" in err and "Nothing was installed." in err
    assert read_registry(data_dir) == {}


def test_misuse_gets_exit_2_and_what_to_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["pack", "build", str(tmp_path), "--out", str(tmp_path / "x.zip")]) == 2
    assert "--out must name a .zpack file" in capsys.readouterr().err
    assert run(["pack", "build", str(tmp_path / "nope"), "--out", str(tmp_path / "x.zpack")]) == 2
    assert run(["pack", "import", str(tmp_path / "missing.zpack")]) == 2
    assert "is not a file" in capsys.readouterr().err


def test_a_folder_with_content_problems_is_not_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = org_pack(tmp_path)
    (folder / "pack.yaml").write_text("id: org-pack\n", encoding="utf-8")
    out = tmp_path / "org.zpack"
    assert run(["pack", "build", str(folder), "--out", str(out)]) == 1
    assert "pack.yaml:" in capsys.readouterr().err
    assert not out.exists()


def test_the_installed_command_runs_pack(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zavmo_desktop", "pack", "import", str(tmp_path / "none.zpack")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr


def test_a_full_disk_during_an_upgrade_keeps_the_installed_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.faults import fill, small_disk
    from zavmo_desktop.core.packs.registry import installed_pack_folders

    v1, v2 = tmp_path / "v1.zpack", tmp_path / "v2.zpack"
    assert run(["pack", "build", str(org_pack(tmp_path, "1.0.0")), "--out", str(v1)]) == 0
    assert run(["pack", "build", str(org_pack(tmp_path, "1.1.0")), "--out", str(v2)]) == 0
    with small_disk(tmp_path / "disk", 600) as disk:
        assert run(["pack", "import", str(v1), "--data-dir", str(disk)]) == 0
        fill(disk, leave=40_000)
        capsys.readouterr()
        assert run(["pack", "import", str(v2), "--data-dir", str(disk)]) == 1
        assert "Nothing was installed." in capsys.readouterr().err
        assert read_registry(disk)[PACK_ID].version == "1.0.0"
        assert [p.name for p in installed_pack_folders(disk)] == [f"{PACK_ID}-1.0.0"]
        assert (installed_pack_folders(disk)[0] / MODULE_FILE).is_file()
        assert not list((disk / "packs").glob(".staging-*"))


def _import_org_pack(tmp_path: Path, data: Path) -> None:
    out = tmp_path / "org.zpack"
    build_pack(org_pack(tmp_path), out)
    import_pack(out, data)


def test_remove_keeps_the_evidence_from_the_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _import_org_pack(tmp_path, data)
    store = open_store(data)
    source = f"reflection:{MODULE_ID}/shared-goal"
    EvidenceRepository(store.db).save(NewEvidence(
        "reflection", source, MODULE_ID, "shared-goal", "My board story", "What I learnt", ()
    ))  # fmt: skip
    store.db.conn.close()
    folder = data / "packs" / read_registry(data)[PACK_ID].folder
    assert run(["pack", "remove", PACK_ID, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"Removed {PACK_ID}" in out and "evidence, reflections and progress" in out
    assert read_registry(data) == {} and not folder.exists()
    store = open_store(data)
    try:
        kept = EvidenceRepository(store.db).by_source(source)
        assert kept is not None and kept.module_id == MODULE_ID
        assert [item.source for item in Portfolio(store.db).evidence.all()] == [source]
    finally:
        store.db.conn.close()


def test_remove_an_unknown_id_lists_the_installed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert run(["pack", "remove", "nothing-here", "--data-dir", str(data)]) == 2
    assert "Installed packs: none" in capsys.readouterr().err
    _import_org_pack(tmp_path, data)
    bundled = "director-ml-engineering"
    assert run(["pack", "remove", bundled, "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert f"Installed packs: {PACK_ID}." in err and "cannot be removed" in err
    assert PACK_ID in read_registry(data)


def test_remove_is_refused_while_the_app_has_the_data_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _import_org_pack(tmp_path, data)
    lock = InstanceLock(data)
    lock.acquire()  # as the running app holds it
    try:
        assert run(["pack", "remove", PACK_ID, "--data-dir", str(data)]) == 1
    finally:
        lock.release()
    assert "Nothing was removed" in capsys.readouterr().err
    assert PACK_ID in read_registry(data)
