import json
from pathlib import Path

import pytest

from tests.core.own_data_work import folder_with_real_work
from zavmo_desktop import paths
from zavmo_desktop.cli import run


def test_json_export_then_wrong_usage_then_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    folder_with_real_work(data, paths.bundled_content_dir())
    out = tmp_path / "p.json"
    assert run(["export", "--format", "json", "--out", str(out), "--data-dir", str(data)]) == 0
    assert json.loads(out.read_text())["items"]
    assert run(["export", "--format", "pdf", "--out", str(out), "--data-dir", str(data)]) == 2
    missing = tmp_path / "nope" / "p.html"
    assert run(["export", "--format", "html", "--out", str(missing), "--data-dir", str(data)]) == 1
    assert "does not exist" in capsys.readouterr().err and not missing.exists()
