"""Drafted weeks into the plan's weeks: parts numbered "n of m", a milestone per competency.

A competency's milestone goes right after its last part in the plan (done or to do), unless
one of its modules did not fit, so the milestone is never shown for unfinished planning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.pathway.model import Part, Session, StepKind, Week
from zavmo_desktop.core.pathway.schedule import DraftSession, DraftWeek, Piece


def merge(history: Iterable[Week], drafts: list[DraftWeek]) -> list[DraftWeek]:
    """The weeks before the re-plan, then the new; a week in both has the old days first."""
    merged = {
        week.start: DraftWeek(
            week.number,
            week.start,
            week.kind,
            [DraftSession(s.day, s.capacity, list(s.parts)) for s in week.sessions],
        )
        for week in history
    }
    for draft in drafts:
        old = merged.get(draft.start)
        if old is not None:
            draft.sessions[:0] = old.sessions
        merged[draft.start] = draft
    return [merged[start] for start in sorted(merged)]


def finish(drafts: list[DraftWeek], framework: Framework, blocked: set[str]) -> tuple[Week, ...]:
    counts: dict[str, int] = {}
    last: dict[str, tuple[int, int]] = {}  # competency id: (session id, index of its last part)
    for draft in drafts:
        for session in draft.sessions:
            session.parts = [p for p in session.parts if _kind(p) is not StepKind.MILESTONE]
            for index, part in enumerate(session.parts):
                if isinstance(part, Piece):
                    module = part.work.module
                    counts[module.id] = max(counts.get(module.id, 0), part.number)
                    last[module.competency] = (id(session), index)
                elif part.kind is StepKind.MODULE:
                    counts[part.module_id] = max(counts.get(part.module_id, 0), part.number)
                    last[part.competency] = (id(session), index)
    ending: dict[int, dict[int, list[str]]] = {}  # session id: part index: competency ids
    for competency_id, (session_id, index) in last.items():
        if competency_id not in blocked:
            ending.setdefault(session_id, {}).setdefault(index, []).append(competency_id)
    return tuple(
        Week(
            draft.number,
            draft.start,
            draft.kind,
            tuple(
                _session(session, counts, ending.get(id(session), {}), framework)
                for session in draft.sessions
            ),
        )
        for draft in drafts
    )


def _kind(part: Part | Piece) -> StepKind:
    return StepKind.MODULE if isinstance(part, Piece) else part.kind


def _session(
    session: DraftSession,
    counts: dict[str, int],
    ending: dict[int, list[str]],
    framework: Framework,
) -> Session:
    """The session's parts, each competency's milestone right after its last part."""
    parts = []
    for index, part in enumerate(session.parts):
        parts.append(_part(part, counts))
        parts += [_milestone(c, framework) for c in sorted(ending.get(index, ()))]
    return Session(session.day, session.capacity, tuple(parts))


def _part(part: Part | Piece, counts: dict[str, int]) -> Part:
    if isinstance(part, Part):
        of = counts.get(part.module_id, part.of)
        return part if part.kind is not StepKind.MODULE or part.of == of else replace(part, of=of)
    module = part.work.module
    return Part(
        f"module:{module.id}:{part.number}",
        StepKind.MODULE,
        module.title,
        part.minutes,
        module.competency,
        module.id,
        part.number,
        counts[module.id],
        part.work.responsibilities,
    )


def _milestone(competency_id: str, framework: Framework) -> Part:
    competency = framework.competency(competency_id)
    return Part(
        key=f"milestone:{competency_id}",
        kind=StepKind.MILESTONE,
        title=f"Milestone: {competency.title if competency else competency_id}",
        minutes=0,
        competency=competency_id,
        responsibilities=competency.responsibilities if competency else (),
    )
