"""The registry of learners on one data root: a single-learner folder keeps working as it
is, a second learner gets a folder of their own, PIN waits survive a restart, and erasing
one learner leaves every other file on the root as it was."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CONTENT
from tests.core.own_data_work import folder_with_real_work
from zavmo_desktop.core.own_data.erase import EraseError, erase_all
from zavmo_desktop.core.profiles import DEFAULT_ID, REGISTRY_NAME
from zavmo_desktop.core.profiles.registry import FIRST_LEARNER, ProfileError, Profiles
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.instance_lock import LOCK_NAME


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the folder with a hash of its bytes: equal means untouched. SQLite's
    -shm (shared memory) and an empty -wal, which a read-only look at a database makes, hold
    no data and are left out."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not _scratch(path)
    }


def root_learners_files(data_dir: Path) -> dict[str, str]:
    """The default learner's files in the root: not the other learners', the list of
    learners or the app's lock (which holds the process id of whoever took it last)."""
    return {path: digest for path, digest in fingerprint(data_dir).items()
            if not path.startswith(("profiles/", REGISTRY_NAME, LOCK_NAME))}  # fmt: skip


def _scratch(path: Path) -> bool:
    return path.name.endswith("-shm") or (path.name.endswith("-wal") and not path.stat().st_size)


def test_a_single_learner_folder_is_the_default_profile_with_no_file_written(
    data_dir: Path,
) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    before = fingerprint(data_dir)
    profiles = Profiles(data_dir)
    [only] = profiles.learners()
    assert only.id == DEFAULT_ID and not only.protected
    assert profiles.folder_of(only.id) == data_dir
    assert not profiles.needs_chooser()
    profiles.mark_used(DEFAULT_ID)
    assert fingerprint(data_dir) == before  # nothing written, nothing moved


def test_the_default_profile_is_named_from_the_learners_own_profile(data_dir: Path) -> None:
    assert Profiles(data_dir).learners()[0].name == FIRST_LEARNER  # nobody has a name yet
    from zavmo_desktop.core.learner import Learner

    learner = Learner.open(data_dir, [BUNDLED_CONTENT])
    learner.profile.set_display_name("Priya")
    learner.close()
    assert Profiles(data_dir).learners()[0].name == "Priya"


def test_adding_a_learner_gives_them_their_own_folder_and_keeps_the_root_in_place(
    data_dir: Path,
) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    before = fingerprint(data_dir)
    profiles = Profiles(data_dir)
    sam = profiles.add("  Sam   Okafor ")
    assert sam.name == "Sam Okafor" and sam.id == "sam-okafor"
    assert profiles.folder_of(sam.id) == data_dir / "profiles" / "sam-okafor"
    assert profiles.folder_of(sam.id).is_dir()
    assert [p.id for p in Profiles(data_dir).learners()] == [DEFAULT_ID, "sam-okafor"]
    assert profiles.needs_chooser()
    after = fingerprint(data_dir)
    assert {k: v for k, v in after.items() if k != REGISTRY_NAME} == before
    if os.name == "posix":  # private, as the rest of the data folder
        assert (data_dir / REGISTRY_NAME).stat().st_mode & 0o777 == 0o600
        for folder in (data_dir / "profiles", data_dir / "profiles" / "sam-okafor"):
            assert folder.stat().st_mode & 0o777 == 0o700


def test_names_are_checked_and_ids_stay_unique(data_dir: Path) -> None:
    profiles = Profiles(data_dir)
    with pytest.raises(ProfileError, match="Type a name"):
        profiles.add("   ")
    with pytest.raises(ProfileError, match="at most 60"):
        profiles.add("x" * 61)
    profiles.add("Zoë")
    with pytest.raises(ProfileError, match="already a learner called ZOË"):
        profiles.add("ZOË")
    assert profiles.add("Zoe").id == "zoe-2"  # "Zoë" took "zoe"
    assert profiles.add("李").id == "learner"
    assert profiles.find("zoë") is not None and profiles.find("ZOE-2") is not None
    renamed = profiles.rename("zoe-2", "Zoe B")
    assert renamed.name == "Zoe B" and profiles.get("zoe-2").name == "Zoe B"


def test_the_file_holds_a_pin_only_as_a_salted_hash(data_dir: Path) -> None:
    profiles = Profiles(data_dir)
    profiles.add("Sam", pin="2468")
    text = (data_dir / REGISTRY_NAME).read_text(encoding="utf-8")
    assert "2468" not in text
    [_default, sam] = json.loads(text)["profiles"]
    assert set(sam["pin"]) == {"scrypt", "salt", "n", "r", "p"}
    assert len(bytes.fromhex(sam["pin"]["salt"])) == 16
    with pytest.raises(ProfileError, match="digits only"):
        profiles.add("Alex", pin="abcd")


def test_wrong_pins_bring_a_growing_wait_that_a_restart_does_not_end(data_dir: Path) -> None:
    clock = Clock()
    Profiles(data_dir, clock).add("Sam", pin="2468")
    for _ in range(3):  # three slips cost nothing
        result = Profiles(data_dir, clock).try_pin("sam", "1111")
        assert not result.accepted and result.checked and result.wait_s == 0
    fourth = Profiles(data_dir, clock).try_pin("sam", "1111")
    assert fourth.wait_s == 2
    restarted = Profiles(data_dir, clock)  # a new app reads the wait from the file
    refused = restarted.try_pin("sam", "2468")  # even the right PIN waits its turn
    assert not refused.accepted and not refused.checked and refused.wait_s == 2
    clock.advance(2)
    assert restarted.try_pin("sam", "1111").wait_s == 4
    clock.advance(4)
    assert restarted.try_pin("sam", "1111").wait_s == 8
    clock.advance(8)
    right = restarted.try_pin("sam", "2468")
    assert right.accepted and right.wait_s == 0
    assert restarted.get("sam").failed_tries == 0  # a right PIN starts the count again


def test_the_wait_is_capped_at_five_minutes_even_if_the_clock_was_put_back(
    data_dir: Path,
) -> None:
    clock = Clock()
    profiles = Profiles(data_dir, clock)
    profiles.add("Sam", pin="2468")
    for _ in range(30):
        result = profiles.try_pin("sam", "0000")
        clock.advance(result.wait_s)
    assert result.wait_s == 300
    clock.advance(-86_400)  # someone put the clock back a day
    assert profiles.try_pin("sam", "2468").wait_s == 300


def test_setting_or_clearing_a_pin(data_dir: Path) -> None:
    profiles = Profiles(data_dir)
    profiles.set_pin(DEFAULT_ID, "8642")  # one learner with a PIN: the chooser asks for it
    assert profiles.needs_chooser()
    assert profiles.try_pin(DEFAULT_ID, "8642").accepted
    profiles.set_pin(DEFAULT_ID, None)
    assert not profiles.needs_chooser()
    assert profiles.try_pin(DEFAULT_ID, "anything").accepted


def test_removing_another_learner_leaves_the_root_learners_files_identical(
    data_dir: Path,
) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    profiles = Profiles(data_dir)
    sam = profiles.add("Sam")
    folder_with_real_work(profiles.folder_of(sam.id), BUNDLED_CONTENT)
    alex = profiles.add("Alex")
    folder_with_real_work(profiles.folder_of(alex.id), BUNDLED_CONTENT)
    root_before = {k: v for k, v in fingerprint(data_dir).items()
                   if not k.startswith(("profiles/sam/", REGISTRY_NAME))}  # fmt: skip
    removed = profiles.remove(sam.id)
    assert data_dir / "profiles" / "sam" in removed
    assert not (data_dir / "profiles" / "sam").exists()
    after = {k: v for k, v in fingerprint(data_dir).items() if k != REGISTRY_NAME}
    assert after == root_before  # the default's and Alex's files, byte for byte
    assert [p.id for p in profiles.learners()] == [DEFAULT_ID, "alex"]


def test_erasing_the_root_learner_never_touches_the_other_learners(data_dir: Path) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    profiles = Profiles(data_dir)
    sam = profiles.add("Sam", pin="2468")
    folder_with_real_work(profiles.folder_of(sam.id), BUNDLED_CONTENT)
    others = {k: v for k, v in fingerprint(data_dir).items()
              if k.startswith("profiles/") or k == REGISTRY_NAME}  # fmt: skip
    # "Erase all my data" of the default learner, as the window does it:
    erase_all(data_dir, include_lock=False, speech_folders=[])
    assert not (data_dir / DATABASE_NAME).exists()
    assert fingerprint(data_dir) == others
    # And removing the default learner from the chooser:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    profiles.remove(DEFAULT_ID)
    assert not (data_dir / DATABASE_NAME).exists()
    left = fingerprint(data_dir)
    assert {k: v for k, v in left.items() if k != REGISTRY_NAME} == {
        k: v for k, v in others.items() if k != REGISTRY_NAME
    }
    assert [p.id for p in profiles.learners()] == ["sam"]
    with pytest.raises(ProfileError, match="only learner"):
        profiles.remove("sam")


def test_a_learner_folder_that_is_a_link_elsewhere_is_never_erased(data_dir: Path) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    profiles = Profiles(data_dir)
    sam = profiles.add("Sam")
    sam_folder = profiles.folder_of(sam.id)
    sam_folder.rmdir()
    sam_folder.symlink_to(data_dir, target_is_directory=True)  # planted: points at the root
    before = fingerprint(data_dir)
    with pytest.raises(EraseError, match="not one of its own"):
        profiles.remove(sam.id)
    assert fingerprint(data_dir) == before
    assert (data_dir / DATABASE_NAME).exists()


def test_a_damaged_list_still_opens_every_learner_folder(data_dir: Path) -> None:
    profiles = Profiles(data_dir)
    profiles.add("Sam")
    (data_dir / REGISTRY_NAME).write_text("{ not json", encoding="utf-8")
    again = Profiles(data_dir)
    assert [p.id for p in again.learners()] == [DEFAULT_ID, "sam"]
    assert "could not read the list of learners" in again.problem


def test_the_data_commands_take_one_learner_with_profile(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    from tests.core.own_data_work import REFLECTION_TEXT
    from zavmo_desktop.cli import run

    folder_with_real_work(data_dir, BUNDLED_CONTENT)
    profiles = Profiles(data_dir)
    sam_folder = profiles.folder_of(profiles.add("Sam").id)
    folder_with_real_work(sam_folder, BUNDLED_CONTENT)
    root = ["--data-dir", str(data_dir)]
    assert (
        run(["data", "export", "--out", str(tmp_path / "sam.zip"), *root, "--profile", "sam"]) == 0
    )
    with zipfile.ZipFile(tmp_path / "sam.zip") as archive:
        assert REFLECTION_TEXT in archive.read("tables/reflections.json").decode()
        assert not [n for n in archive.namelist() if "profiles/" in n]  # Sam's own files only

    root_learner = root_learners_files(data_dir)
    assert run(["data", "erase", "--yes", *root, "--profile", "Sam"]) == 0
    assert not (sam_folder / DATABASE_NAME).exists()
    assert root_learners_files(data_dir) == root_learner
    assert [p.id for p in profiles.learners()] == [DEFAULT_ID, "sam"]  # still listed

    assert run(["data", "erase", "--yes", *root, "--profile", "nobody"]) == 2
    assert "no learner called 'nobody'" in capsys.readouterr().err


def test_changing_or_removing_a_pin_needs_the_current_one_and_counts_wrong_tries(
    data_dir: Path,
) -> None:
    clock = Clock()
    profiles = Profiles(data_dir, clock)
    profiles.add("Sam", pin="2468")
    with pytest.raises(ProfileError, match="4 to 12 digits"):
        profiles.change_pin("sam", "1111", "12")  # refused before the current PIN is tried
    assert profiles.get("sam").failed_tries == 0
    for _ in range(4):
        assert not profiles.change_pin("sam", "1111", "1357").accepted
    assert profiles.get("sam").failed_tries == 4  # one count with the chooser's tries
    waiting = Profiles(data_dir, clock).change_pin("sam", "2468", "1357")
    assert not waiting.accepted and not waiting.checked and waiting.wait_s == 2
    clock.advance(2)
    assert profiles.change_pin("sam", "2468", "1357").accepted
    assert profiles.try_pin("sam", "1357").accepted and not profiles.try_pin("sam", "2468").accepted
    clock.advance(60)
    assert profiles.change_pin("sam", "1357", None).accepted
    assert not profiles.get("sam").protected
    assert profiles.change_pin("sam", "", "9753").accepted  # no PIN yet: none to ask for
    assert profiles.get("sam").protected


def test_a_rename_keeps_the_learner_in_their_own_folder(data_dir: Path) -> None:
    profiles = Profiles(data_dir)
    sam = profiles.add("Sam")
    profiles.add("Alex")
    profiles.rename("sam", "  Samuel   O  ")
    assert profiles.get("sam").name == "Samuel O"
    assert profiles.folder_of("sam") == data_dir / "profiles" / sam.id  # never moved
    with pytest.raises(ProfileError, match="already a learner called ALEX"):
        profiles.rename("sam", "ALEX")
    profiles.rename("sam", "SAMUEL o")  # their own name in another case is theirs
    assert profiles.find("samuel O") == profiles.get("sam")
    with pytest.raises(ProfileError, match="at most 60 characters; this one has 61"):
        profiles.rename("sam", "s" * 61)
    assert profiles.rename("sam", "s" * 60).name == "s" * 60
