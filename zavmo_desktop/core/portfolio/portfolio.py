"""The portfolio as the screens and exports see it: items, sign-offs, states, readiness."""

from __future__ import annotations

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.portfolio.readiness import Readiness, readiness
from zavmo_desktop.core.portfolio.status import CriterionState, criterion_states
from zavmo_desktop.core.storage.database import Database
from zavmo_desktop.core.storage.evidence import EvidenceItem, EvidenceRepository
from zavmo_desktop.core.storage.signoffs import SignOff, SignOffRepository


class Portfolio:
    def __init__(self, db: Database) -> None:
        self.evidence = EvidenceRepository(db)
        self.sign_offs = SignOffRepository(db)

    def items(self) -> list[EvidenceItem]:
        return self.evidence.all()

    def active_sign_offs(self) -> list[SignOff]:
        return self.sign_offs.active()

    def states(self, framework: Framework) -> dict[str, CriterionState]:
        return criterion_states(framework, self.items(), self.active_sign_offs())

    def readiness(self, framework: Framework) -> tuple[dict[str, Readiness], Readiness]:
        return readiness(framework, self.states(framework))
