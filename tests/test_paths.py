"""Where the app finds its content and resources: from source, and inside a bundle."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from zavmo_desktop import paths
from zavmo_desktop.core.content.loader import load_library

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_from_source_the_resources_are_the_repository_s() -> None:
    assert paths.bundled_content_dir() == REPO_ROOT / "content"
    assert paths.about_your_learning_path().is_file()
    assert list((paths.resources_dir() / "fonts").glob("**/*.otf"))


def test_in_a_bundle_they_are_read_from_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller sets sys._MEIPASS to the bundle's _internal folder, where the spec puts
    content/ and resources/: nothing is looked up beside the (absent) source files."""
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "pages").mkdir(parents=True)
    (bundle / "resources" / "pages" / "about-your-learning.md").write_text("# About\n")
    shutil.copytree(REPO_ROOT / "content", bundle / "content")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resource_root() == bundle
    assert paths.about_your_learning_path().read_text() == "# About\n"
    library = load_library([paths.bundled_content_dir()])
    assert library.modules and not library.problems
    assert all(bundle in module.path.parents for module in library.modules)
