"""Export all my data: a real learner folder, made through the app's code paths, to a zip."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.core.own_data_work import REFLECTION_TEXT, folder_with_real_work
from tests.faults import fill, small_disk
from zavmo_desktop.core.own_data.export import ExportError, export_all, table_names
from zavmo_desktop.core.storage import DATABASE_NAME


def table_counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(database)
    try:
        names = table_names(conn)
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = archive.read(f"tables/{name}.csv").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_every_table_is_in_the_zip_as_json_and_csv_with_its_rows(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    expected = table_counts(data_dir / DATABASE_NAME)
    for table in ("conversation_runs", "reflections", "assessment_rounds", "pathway_plans",
                  "evidence", "checklist_items", "settings"):  # fmt: skip
        assert expected[table] >= 1, table  # the work really is in the database

    summary = export_all(data_dir, tmp_path / "my-data.zip")

    with zipfile.ZipFile(tmp_path / "my-data.zip") as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        for table, count in expected.items():
            assert len(json.loads(archive.read(f"tables/{table}.json"))) == count, table
            rows = csv_rows(archive, table)
            assert len(rows) == count + 1, table  # and a header row
        reflections = json.loads(archive.read("tables/reflections.json"))
        assert [r["text"] for r in reflections] == [REFLECTION_TEXT]  # accents and all
        cells = [cell for row in csv_rows(archive, "reflections") for cell in row]
        assert REFLECTION_TEXT in cells
        assert json.loads(archive.read("settings.json"))["theme"] == "cream"
        readme = archive.read("README.txt").decode("utf-8")
    assert names == {"README.txt", "settings.json"} | {
        f"tables/{table}.{kind}" for table in expected for kind in ("json", "csv")
    }
    for table in expected:
        assert f"tables/{table}.json and .csv: " in readme
    assert "your practice conversations" in readme and "the reflections you wrote" in readme
    assert {t.name: t.rows for t in summary.tables} == expected


def test_a_table_added_later_is_exported_without_a_code_change(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    conn.execute("CREATE TABLE badges (name TEXT, picture BLOB)")
    conn.execute("INSERT INTO badges VALUES ('first week', x'00ff10')")
    conn.commit()
    conn.close()
    export_all(data_dir, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert json.loads(archive.read("tables/badges.json")) == [
            {"name": "first week", "picture": "AP8Q"}  # bytes as base64
        ]
        assert (
            "tables/badges.json and .csv: records the app keeps (1 row)."
            in archive.read("README.txt").decode()
        )


def test_the_learners_evidence_files_go_in_as_they_are(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    (data_dir / "evidence" / "2026").mkdir(parents=True)
    (data_dir / "evidence" / "2026" / "board-deck.pdf").write_bytes(b"%PDF-1.7 my deck")
    summary = export_all(data_dir, tmp_path / "out.zip")
    assert summary.files == 1
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read("evidence/2026/board-deck.pdf") == b"%PDF-1.7 my deck"
        assert "evidence/: the 1 file(s) you added" in archive.read("README.txt").decode()


def test_with_nothing_saved_yet_it_says_so_and_writes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match=r"There is no learning data in .* yet"):
        export_all(data_dir, tmp_path / "out.zip")
    assert not list(tmp_path.glob("out.zip*"))


def test_a_full_disk_leaves_no_half_zip_and_keeps_an_earlier_export_whole(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    with small_disk(tmp_path / "stick", size_kib=1024) as stick:
        earlier = stick / "my-data.zip"
        export_all(data_dir, earlier)
        whole = earlier.read_bytes()
        # Bulk the database with rows that do not compress, so the zip cannot fit.
        conn = sqlite3.connect(data_dir / DATABASE_NAME)
        conn.execute("CREATE TABLE notes (body BLOB)")
        conn.executemany("INSERT INTO notes VALUES (randomblob(4096))", [()] * 300)
        conn.commit()
        conn.close()
        fill(stick, leave=64_000)

        with pytest.raises(ExportError) as raised:
            export_all(data_dir, earlier)

        assert str(raised.value) == (
            f"Your data could not be saved to {earlier}: the disk is full. Nothing was saved. "
            "Free some space or choose another drive."
        )
        assert earlier.read_bytes() == whole  # the earlier export, still whole
        assert sorted(p.name for p in stick.iterdir()) == ["filler.bin", "my-data.zip"]
        with zipfile.ZipFile(earlier) as archive:
            assert archive.testzip() is None
