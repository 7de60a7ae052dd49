"""Everything one export needs, gathered from the learner's data: which programme, which
personal details, the heat map, the evidence of that programme and its files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.assessment.heat_map import heat_map
from zavmo_desktop.core.content.models import Library, Pack
from zavmo_desktop.core.portfolio.attachment_zip import Attachment, plan_attachments, zip_path_for
from zavmo_desktop.core.portfolio.document import Extras, build_document
from zavmo_desktop.core.storage.assessments import Round
from zavmo_desktop.core.storage.evidence import EvidenceItem

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner

DETAILS = ("name", "role", "organisation")  # what a learner may choose to include


class ProgrammeNotChosen(ValueError):
    """The programme to export cannot be told; the message says what to do."""


@dataclass(frozen=True)
class ExportOptions:
    """Personal details are left out unless the learner asks for them."""

    include: frozenset[str] = frozenset()  # of DETAILS
    organisation: str = ""  # the organisation's name, from its config or the learner


def choose_pack(library: Library, wanted: str | None, profile_role: str = "") -> Pack:
    """The asked-for programme; else the learner's chosen role; else the only one."""
    by_id = {pack.manifest.id: pack for pack in library.packs}
    if wanted:
        if wanted not in by_id:
            known = ", ".join(by_id) or "none"
            raise ProgrammeNotChosen(f"There is no programme {wanted!r}. Programmes: {known}.")
        return by_id[wanted]
    if profile_role in by_id:
        return by_id[profile_role]
    if len(by_id) == 1:
        return next(iter(by_id.values()))
    if not by_id:
        raise ProgrammeNotChosen("No programme is loaded, so there is no portfolio to export.")
    raise ProgrammeNotChosen(
        f"There are {len(by_id)} programmes; choose one with --programme: {', '.join(by_id)}."
    )


def learner_details(learner: Learner, pack: Pack, options: ExportOptions) -> dict[str, str]:
    wanted = options.include
    details = {
        "name": learner.profile.display_name() if "name" in wanted else "",
        "role": pack.manifest.title if "role" in wanted else "",
        "organisation": options.organisation if "organisation" in wanted else "",
    }
    return {key: " ".join(value.split()) for key, value in details.items() if value.strip()}


def items_of(learner: Learner, pack: Pack) -> list[EvidenceItem]:
    """Items of this programme, and the learner's own (which belong to no module)."""
    own_modules = {module.id for module in pack.modules}
    other_modules = {m.id for m in learner.library.modules} - own_modules
    pack_id = pack.manifest.id
    return [
        item
        for item in learner.portfolio.items()
        if item.module_id not in other_modules
        and str(item.details.get("pack_id", pack_id)) == pack_id
    ]


def portfolio_document(
    learner: Learner, pack: Pack, options: ExportOptions, data_dir: Path, out: Path
) -> tuple[dict[str, Any], dict[int, Attachment]]:
    """(the document, the attachments it names) for an export written to `out`."""
    items = items_of(learner, pack)
    attachments = plan_attachments(items, data_dir)
    carried = any(not a.missing for a in attachments.values())
    assessed = _latest_round(learner, pack)
    answers = learner.assessments.answers(assessed.id) if assessed else {}
    extras = Extras(
        programme_id=pack.manifest.id,
        heat=heat_map(pack.framework, answers) if assessed else (),
        assessed_on=assessed.updated_at if assessed else None,
        module_titles={module.id: module.title for module in pack.modules},
        competency_titles={c.id: c.title for a in pack.framework.areas for c in a.competencies},
        attachments=attachments,
        attachments_zip=zip_path_for(out).name if carried else "",
        items=items,
    )
    details = learner_details(learner, pack, options)
    return build_document(learner.portfolio, pack.framework, pack.manifest.title, details,
                          extras), attachments  # fmt: skip


def _latest_round(learner: Learner, pack: Pack) -> Round | None:
    rounds = learner.assessments.rounds(pack.manifest.id)
    finished = [r for r in rounds if r.finished]
    latest = finished or rounds
    return latest[-1] if latest else None
