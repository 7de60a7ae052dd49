"""Sign-offs: the record that a named person (an assessor) signed a criterion off.

It is a record of someone's sign-off, not a certificate. Withdrawing one stamps
withdrawn_at and keeps the reason; a sign-off is never deleted nor changed otherwise (the
table's triggers refuse), so the history stays. The assessor's name and their role and
organisation are kept apart (m012); `label` joins them for showing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from zavmo_desktop.core.storage.database import Database


@dataclass(frozen=True)
class SignOff:
    id: int
    criterion_id: str
    assessor: str
    signed_on: str  # ISO date
    comment: str
    recorded_at: str
    withdrawn_at: str | None
    role: str = ""  # the assessor's role and organisation, as typed; may be empty
    withdrawal_reason: str = ""

    @property
    def label(self) -> str:
        """ "Priya Shah (Head of Data, Acme)", or the name alone when no role was given."""
        return f"{self.assessor} ({self.role})" if self.role else self.assessor


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _iso_date(signed_on: str | date) -> str:
    text = signed_on.isoformat() if isinstance(signed_on, date) else signed_on.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"the date signed must be a date like 2026-12-02, not {text!r}") from None


class SignOffRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, criterion_id: str, assessor: str, signed_on: str | date, comment: str = "",
        role: str = "",
    ) -> SignOff:  # fmt: skip
        criterion_id, assessor = criterion_id.strip(), " ".join(assessor.split())
        role = " ".join(role.split())
        if not criterion_id:
            raise ValueError("a sign-off needs the criterion it signs off")
        if not assessor:
            raise ValueError("a sign-off needs the name of the person who signed it")
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO sign_offs (criterion_id, assessor, assessor_role, signed_on,
                       comment, recorded_at) VALUES (?, ?, ?, ?, ?, ?)""",
                [criterion_id, assessor, role, _iso_date(signed_on), comment.strip(), _now()],
            )
            sign_off = self._one(int(cursor.lastrowid or 0))
            self._log_on_items(sign_off, "signed_off", f"assessor: {assessor}")
        return sign_off

    def withdraw(self, sign_off_id: int, *, who: str = "learner", reason: str = "") -> None:
        """Withdraw it (kept, with the time and the reason); withdrawing twice keeps the
        first time and reason. The reason is the sign-off's own, so it stays with it even
        when no item maps to its criterion."""
        with self.db.atomic():
            found = self.db.execute(
                "SELECT withdrawn_at FROM sign_offs WHERE id = ?", [sign_off_id]
            ).fetchone()
            if found is None:
                raise KeyError(f"no sign-off {sign_off_id}")
            if found[0] is not None:
                return
            self.db.execute(
                "UPDATE sign_offs SET withdrawn_at = ?, withdrawal_reason = ? WHERE id = ?",
                [_now(), " ".join(reason.split()), sign_off_id],
            )
            self._log_on_items(self._one(sign_off_id), "sign_off_withdrawn", who)

    def _log_on_items(self, sign_off: SignOff, action: str, who: str) -> None:
        """The sign-off goes into the history of every item mapped to its criterion."""
        after = json.dumps(asdict(sign_off))
        self.db.execute(
            """INSERT INTO evidence_log (evidence_id, at, action, "after", who)
               SELECT evidence_id, ?, ?, ?, ? FROM evidence_criteria WHERE criterion_id = ?
               ORDER BY evidence_id""",
            [_now(), action, after, who, sign_off.criterion_id],
        )

    def active(self) -> list[SignOff]:
        return self._where("withdrawn_at IS NULL")

    def all(self) -> list[SignOff]:
        return self._where("1")

    _COLUMNS = """SELECT id, criterion_id, assessor, signed_on, comment, recorded_at,
        withdrawn_at, assessor_role, withdrawal_reason FROM sign_offs"""

    def _where(self, condition: str) -> list[SignOff]:
        rows = self.db.execute(f"{self._COLUMNS} WHERE {condition} ORDER BY id").fetchall()
        return [_sign_off(row) for row in rows]

    def _one(self, sign_off_id: int) -> SignOff:
        return _sign_off(self.db.execute(f"{self._COLUMNS} WHERE id = ?", [sign_off_id]).fetchone())


def _sign_off(row: tuple[Any, ...]) -> SignOff:
    return SignOff(*row)
