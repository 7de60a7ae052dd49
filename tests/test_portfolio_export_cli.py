import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CONTENT
from tests.core.own_data_work import folder_with_real_work
from tests.core.portfolio_export_work import add_portfolio_extras
from zavmo_desktop import paths
from zavmo_desktop.cli import run
from zavmo_desktop.core.learner import Learner


def export(data: Path, out: Path, *extra: str) -> int:
    fmt = out.suffix.lstrip(".")
    return run(["export", "--format", fmt, "--out", str(out), "--data-dir", str(data), *extra])


def test_json_export_then_wrong_usage_then_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    folder_with_real_work(data, paths.bundled_content_dir())
    out = tmp_path / "p.json"
    assert export(data, out) == 0
    document = json.loads(out.read_text())
    assert document["items"] and document["learner"] == {}
    assert document["programme"] == "Director of Machine Learning Engineering"
    assert run(["export", "--format", "pdf", "--out", str(out), "--data-dir", str(data)]) == 2
    missing = tmp_path / "nope" / "p.html"
    assert export(data, missing) == 1
    assert "does not exist" in capsys.readouterr().err and not missing.exists()


def test_programme_and_details_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    folder_with_real_work(data, paths.bundled_content_dir())
    out = tmp_path / "p.json"
    assert export(data, out, "--programme", "nope") == 2
    assert "There is no programme 'nope'" in capsys.readouterr().err
    assert export(data, out, "--include", "name,shoe-size") == 2
    assert "not shoe-size" in capsys.readouterr().err
    assert export(data, out, "--programme", "director-ml-engineering", "--include",
                  "role,organisation", "--organisation", "Northwind") == 0  # fmt: skip
    assert json.loads(out.read_text())["learner"] == {
        "role": "Director of Machine Learning Engineering", "organisation": "Northwind",
    }  # fmt: skip


def test_no_data_folder_is_a_failure_that_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export(empty, tmp_path / "p.json") == 1
    assert "There is no learner data" in capsys.readouterr().err
    assert list(empty.iterdir()) == [] and not (tmp_path / "p.json").exists()


def test_files_go_in_a_zip_beside_the_export_and_progress_is_told_beside_it_and_reports_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    learner = Learner.open(data, [BUNDLED_CONTENT])
    try:
        add_portfolio_extras(learner, data, tmp_path / "files")
    finally:
        learner.close()
    out = tmp_path / "portfolio.html"
    assert export(data, out, "--progress") == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("progress 5 ") and "progress 100 Saved" in said
    zip_path = tmp_path / "portfolio-attachments.zip"
    assert said[-1].endswith(f"Your files are in {zip_path}.")
    with zipfile.ZipFile(tmp_path / "portfolio-attachments.zip") as archive:
        [name] = archive.namelist()
    html = out.read_text()
    assert f"{name} in portfolio-attachments.zip" in html
    assert "The file was not found in the data folder" in html
    assert not list(tmp_path.glob("*.partial"))
