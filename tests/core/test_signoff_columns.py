"""m012: the assessor's role and a withdrawal's reason move out of the name and the comment
into columns of their own, and a sign-off can then only be withdrawn, never rewritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database as UtilsDatabase

from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.evidence import EvidenceRepository
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.signoff_schema import split_assessor, split_comment
from zavmo_desktop.core.storage.signoffs import SignOffRepository

# What signoffs.py wrote before m012: the dialog joined name and role, and a withdrawal
# appended its reason to the comment (the current code cannot write that layout).
OLD_RECORD = """INSERT INTO sign_offs (criterion_id, assessor, signed_on, comment, recorded_at,
    withdrawn_at) VALUES (?, ?, ?, ?, ?, ?)"""
AT = "2026-11-30T10:00:00"
OLD_ROWS = [
    ("EC1", "Sam Patel (Internal verifier, Acme)", "2026-11-30",
     "Seen at work.\n\nWithdrawn because: Signed the wrong criterion", AT, AT),
    ("EC2", "Grace Hopper", "2026-11-30", "Seen it", AT, None),
    ("EC3", "Ada (Countess) (Verifier (QA), Acme)", "2026-11-29",
     "Withdrawn because: Wrong person", AT, AT),
    ("EC4", "Priya Shah (Head of Data, Acme)", "2026-12-01",
     "Careful work.\n\nWithdrawn because: typed by the assessor, still active", AT, None),
    ("EC5", "Alan Turing", "2026-11-28", "First line\nsecond line", AT, AT),
    ("EC6", "(Acme)", "2026-11-28", "", AT, None),
]  # fmt: skip


def old_database(path: Path) -> None:
    """A learner's database as m010 (or m011, once merged) left it, with old-style rows."""
    db = UtilsDatabase(path)
    migrations.apply(db, stop_before="m012_sign_off_columns")
    for row in OLD_ROWS:
        db.execute(OLD_RECORD, row)
    db.execute(
        """INSERT INTO evidence_log (evidence_id, at, action, "after", who)
           VALUES (1, ?, 'signed_off', '{}', 'assessor: Sam Patel (Internal verifier, Acme)')""",
        [AT],
    )
    db.conn.commit()
    db.conn.close()


def test_an_upgrade_splits_the_old_rows_into_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    old_database(path)
    sign_offs = SignOffRepository(open_database(path))  # runs m012
    moved = [(s.criterion_id, s.assessor, s.role, s.comment, s.withdrawal_reason)
             for s in sign_offs.all()]  # fmt: skip
    assert moved == [
        ("EC1", "Sam Patel", "Internal verifier, Acme", "Seen at work.",
         "Signed the wrong criterion"),
        ("EC2", "Grace Hopper", "", "Seen it", ""),
        ("EC3", "Ada (Countess)", "Verifier (QA), Acme", "", "Wrong person"),
        # active: its comment is the assessor's own words, whatever they say
        ("EC4", "Priya Shah", "Head of Data, Acme",
         "Careful work.\n\nWithdrawn because: typed by the assessor, still active", ""),
        ("EC5", "Alan Turing", "", "First line\nsecond line", ""),
        ("EC6", "(Acme)", "", "", ""),
    ]  # fmt: skip
    assert [s.label for s in sign_offs.all()][:3] == [
        "Sam Patel (Internal verifier, Acme)",
        "Grace Hopper",
        "Ada (Countess) (Verifier (QA), Acme)",
    ]  # fmt: skip, each reads as it did before the upgrade
    assert next((s.signed_on, s.recorded_at, s.withdrawn_at) for s in sign_offs.all()) == (
        "2026-11-30", AT, AT,
    )  # fmt: skip
    log = EvidenceRepository(sign_offs.db).history(1)
    assert [e.who for e in log] == ["assessor: Sam Patel (Internal verifier, Acme)"]  # kept


def test_after_the_upgrade_a_sign_off_is_only_ever_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    old_database(path)
    sign_offs = SignOffRepository(open_database(path))
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sign_offs.db.execute("DELETE FROM sign_offs WHERE id = 2")
    for change in ("assessor = 'Someone else'", "assessor_role = 'Boss'", "comment = ''",
                   "signed_on = '2026-01-01'", "criterion_id = 'EC9'"):  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError, match="only ever withdrawn"):
            sign_offs.db.execute(f"UPDATE sign_offs SET {change} WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="only ever withdrawn"):  # no un-withdrawing
        sign_offs.db.execute("UPDATE sign_offs SET withdrawn_at = NULL WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="only ever withdrawn"):
        sign_offs.db.execute("UPDATE sign_offs SET withdrawal_reason = 'other' WHERE id = 1")
    sign_offs.withdraw(2, reason="  Recorded   twice ")
    sign_offs.withdraw(2, reason="a second reason is not kept")
    again = next(s for s in sign_offs.all() if s.id == 2)
    assert (again.comment, again.withdrawal_reason) == ("Seen it", "Recorded twice")
    assert again.withdrawn_at is not None


def test_a_new_database_has_the_columns_and_the_trigger(tmp_path: Path) -> None:
    sign_offs = SignOffRepository(open_database(tmp_path / "learner.sqlite3"))
    recorded = sign_offs.record("EC1", "Priya Shah", "2026-12-02", "Good", role=" Head  of Data ")
    assert (recorded.assessor, recorded.role, recorded.label) == (
        "Priya Shah", "Head of Data", "Priya Shah (Head of Data)",
    )  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError, match="only ever withdrawn"):
        sign_offs.db.execute("UPDATE sign_offs SET comment = 'Better' WHERE id = ?", [recorded.id])


@pytest.mark.parametrize(
    ("assessor", "split"),
    [
        ("Sam Patel (Internal verifier, Acme)", ("Sam Patel", "Internal verifier, Acme")),
        ("Sam (Verifier (QA), Acme)", ("Sam", "Verifier (QA), Acme")),
        ("Sam Patel", ("Sam Patel", "")),
        ("Sam Patel ()", ("Sam Patel ()", "")),  # the app never wrote an empty role
        ("Sam(Acme)", ("Sam(Acme)", "")),  # the app always put a space before the bracket
        ("(Acme)", ("(Acme)", "")),  # no name before it
        ("Sam x) (Acme))", ("Sam x) (Acme))", "")),  # brackets that do not balance
        ("Sam (Acme) and more", ("Sam (Acme) and more", "")),
    ],
)
def test_the_role_is_the_last_whole_bracketed_part(assessor: str, split: tuple[str, str]) -> None:
    assert split_assessor(assessor) == split


@pytest.mark.parametrize(
    ("comment", "split"),
    [
        ("Seen.\n\nWithdrawn because: Wrong one", ("Seen.", "Wrong one")),
        ("Withdrawn because: Wrong one", ("", "Wrong one")),
        ("A\n\nWithdrawn because: x\n\nWithdrawn because: y", ("A\n\nWithdrawn because: x", "y")),
        ("Seen.\n\nWithdrawn because: two\nlines", ("Seen.\n\nWithdrawn because: two\nlines", "")),
        ("Seen. Withdrawn because: inline", ("Seen. Withdrawn because: inline", "")),
        ("", ("", "")),
    ],
)
def test_the_reason_is_only_the_ending_the_app_wrote(comment: str, split: tuple[str, str]) -> None:
    assert split_comment(comment) == split
