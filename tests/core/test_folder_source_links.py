"""A folder pack's reads stay inside it on the quick path too: a plain name in a folder
already checked costs one lstat, and anything that is a link still takes the full check."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.core.content.pack_source import FolderSource, PackReadError


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "modules").mkdir(parents=True)
    (root / "modules" / "plain.md").write_text("inside")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret")
    return root


def test_a_plain_file_is_read_and_its_stamp_is_the_read_files(pack: Path) -> None:
    source = FolderSource(pack)
    assert source.read("modules/plain.md", 100) == b"inside"
    status = (pack / "modules" / "plain.md").stat()
    assert source.size_and_time("modules/plain.md") == (status.st_size, status.st_mtime_ns)


def test_a_module_that_links_out_is_refused_after_a_plain_one_was_read(pack: Path) -> None:
    (pack / "modules" / "escape.md").symlink_to(pack.parent / "outside" / "secret.md")
    source = FolderSource(pack)
    source.read("modules/plain.md", 100)  # the folder is now known to be inside
    with pytest.raises(PackReadError, match="leads outside the pack"):
        source.read("modules/escape.md", 100)


def test_a_link_that_stays_inside_is_followed(pack: Path) -> None:
    (pack / "modules" / "again.md").symlink_to(pack / "modules" / "plain.md")
    assert FolderSource(pack).read("modules/again.md", 100) == b"inside"


def test_a_folder_that_links_out_is_refused(pack: Path) -> None:
    (pack / "more").symlink_to(pack.parent / "outside")
    with pytest.raises(PackReadError, match="leads outside the pack"):
        FolderSource(pack).read("more/secret.md", 100)


def test_dot_dot_takes_the_full_check(pack: Path) -> None:
    with pytest.raises(PackReadError, match="leads outside the pack"):
        FolderSource(pack).read("modules/../../outside/secret.md", 100)


def test_a_missing_file_is_none_not_an_error(pack: Path) -> None:
    assert FolderSource(pack).read("modules/gone.md", 100) is None
