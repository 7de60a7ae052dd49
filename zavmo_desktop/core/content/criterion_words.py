"""How a performance criterion reads to the learner, with the outside standards it maps to
("Maps to: National Occupational Standards ABC123"), wherever criteria are shown."""

from __future__ import annotations

from zavmo_desktop.core.content.models import Criterion, Framework, StandardReference


def criteria_by_id(framework: Framework) -> dict[str, Criterion]:
    return {
        criterion.id: criterion
        for area in framework.areas
        for competency in area.competencies
        for criterion in competency.criteria
    }


def reference_words(reference: StandardReference) -> str:
    named = f"{reference.standard} {reference.code}"
    return f"{named} ({reference.title})" if reference.title else named


def maps_to(criterion: Criterion | None) -> str:
    """ "Maps to: <standard> <code>" for each reference, or "" when it claims none."""
    if criterion is None or not criterion.references:
        return ""
    return "Maps to: " + "; ".join(reference_words(r) for r in criterion.references)


def criterion_words(criterion: Criterion) -> str:
    """ "EC1: Presents ... Maps to: NOS ABC123", the id alone when it has no text."""
    text = f"{criterion.id}: {criterion.text}" if criterion.text else criterion.id
    mapping = maps_to(criterion)
    return f"{text} {mapping}" if mapping else text
