"""m012: sign-offs get their own columns for the assessor's role and the withdrawal reason.

Until m012 the sign-off dialog kept the role inside the name ("Sam Patel (Internal
verifier, Acme)") and a withdrawal's reason after the comment ("...\\n\\nWithdrawn
because: ..."). The migration moves both into their columns, then lets a sign-off change
only by being withdrawn. Part of a migration: once released, never edit it. The parsing
is copied here, not imported, so a later change to the app never changes what m012 did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# What core/storage/signoffs.py appended to the comment before m012.
_WITHDRAWN_BECAUSE = "Withdrawn because: "


def split_assessor(assessor: str) -> tuple[str, str]:
    """ "Sam Patel (Verifier (QA), Acme)" -> ("Sam Patel", "Verifier (QA), Acme").

    The role is the last bracketed part, matched bracket for bracket, after a space, with a
    name before it; anything else is all name. A name that itself ended in brackets and had
    no role ("Sam (Sammy)") cannot be told apart; it splits, and reads the same as before
    wherever it is shown ("Sam (Sammy)").
    """
    if not assessor.endswith(")"):
        return assessor, ""
    depth = 0
    for at in range(len(assessor) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(assessor[at], 0)
        if depth == 0:
            name, role = assessor[:at], assessor[at + 1 : -1]
            if name.endswith(" ") and name.strip() and role.strip():
                return name.strip(), role.strip()
            return assessor, ""
    return assessor, ""  # brackets that never balance: not a role the app wrote


def split_comment(comment: str) -> tuple[str, str]:
    """ "Seen at work.\\n\\nWithdrawn because: Wrong criterion" -> ("Seen at work.",
    "Wrong criterion"). Only the app's own ending counts: the last paragraph, one line
    (the app kept a reason on one line), after a blank line or as the whole comment."""
    if comment.startswith(_WITHDRAWN_BECAUSE) and "\n" not in comment:
        return "", comment.removeprefix(_WITHDRAWN_BECAUSE).strip()
    marker = "\n\n" + _WITHDRAWN_BECAUSE
    at = comment.rfind(marker)
    if at < 0 or "\n" in comment[at + len(marker) :]:
        return comment, ""
    return comment[:at].rstrip(), comment[at + len(marker) :].strip()


def add_signoff_columns(db: Database) -> None:
    db.execute("ALTER TABLE sign_offs ADD COLUMN assessor_role TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE sign_offs ADD COLUMN withdrawal_reason TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, assessor, comment, withdrawn_at FROM sign_offs").fetchall()
    for sign_off_id, assessor, comment, withdrawn_at in rows:
        name, role = split_assessor(assessor)
        # A sign-off still active kept its comment as the assessor wrote it.
        kept, reason = split_comment(comment) if withdrawn_at is not None else (comment, "")
        if (name, role, kept, reason) != (assessor, "", comment, ""):
            db.execute(
                """UPDATE sign_offs SET assessor = ?, assessor_role = ?, comment = ?,
                       withdrawal_reason = ? WHERE id = ?""",
                [name, role, kept, reason, sign_off_id],
            )
    # From here a sign-off is never rewritten: only withdrawn, once, with its reason.
    db.execute(
        """CREATE TRIGGER sign_offs_only_withdrawn BEFORE UPDATE ON sign_offs
           WHEN NEW.id IS NOT OLD.id OR NEW.criterion_id IS NOT OLD.criterion_id
               OR NEW.assessor IS NOT OLD.assessor
               OR NEW.assessor_role IS NOT OLD.assessor_role
               OR NEW.signed_on IS NOT OLD.signed_on OR NEW.comment IS NOT OLD.comment
               OR NEW.recorded_at IS NOT OLD.recorded_at
               OR OLD.withdrawn_at IS NOT NULL
           BEGIN SELECT RAISE(ABORT, 'a sign-off is only ever withdrawn, never changed'); END"""
    )
