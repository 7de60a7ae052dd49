"""Shared test set-up: offscreen Qt, and a fresh data folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.register_assert_rewrite("tests.accessibility")  # failures list what is wrong

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CONTENT = REPO_ROOT / "content"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty learner data folder (ZAVMO_DATA_DIR points at it)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("ZAVMO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def bundled_content() -> Path:
    return BUNDLED_CONTENT
