"""Evidence the learner adds themselves: a text, a link, or a file copied in.

Files are judged and copied by core/portfolio/attachments.py (by content, never by name).
Links are checked, kept as text and never fetched.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from zavmo_desktop.core.portfolio.attachments import (
    MAX_FILE_BYTES,
    EvidenceRefused,
    KeptFile,
    copy_in,
    file_of,
    file_type,
)
from zavmo_desktop.core.portfolio.outcomes import no_threshold
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence
from zavmo_desktop.core.storage.reflections import ReflectionRepository

__all__ = [
    "LEARNER_KINDS", "MAX_FILE_BYTES", "MAX_LINK_CHARS", "MAX_TITLE_CHARS", "EvidenceRefused",
    "add_copied_file", "add_file", "add_link", "add_text", "check_link", "edit_reflection",
    "file_of", "file_type", "remove_learner_item",
]  # fmt: skip

MAX_TITLE_CHARS = 200
MAX_LINK_CHARS = 2000  # what browsers and mail programs reliably take
LEARNER_KINDS = ("learner_text", "learner_link", "learner_file")


def _title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise EvidenceRefused("Give the evidence a title.")
    if len(cleaned) > MAX_TITLE_CHARS:
        raise EvidenceRefused(f"Keep the title under {MAX_TITLE_CHARS} characters.")
    return cleaned


def _learner_item(
    kind: str, title: str, text: str, criteria: Sequence[str], **details: str
) -> NewEvidence:
    outcome, met = no_threshold("the learner's own evidence: an assessor can verify it")
    return NewEvidence(
        kind, f"learner:{uuid.uuid4().hex}", "", "", _title(title), text,
        tuple(criteria), dict(details), outcome, met,
    )  # fmt: skip


def add_text(evidence: EvidenceRepository, title: str, text: str, criteria: Sequence[str]) -> int:
    if not text.strip():
        raise EvidenceRefused("Write something for this evidence first.")
    return evidence.save(
        _learner_item("learner_text", title, text.strip(), criteria), who="learner"
    )


def check_link(url: str) -> str:
    """The link as kept: http or https with a host, or mailto with one address; never
    fetched. A name and @ before the host (https://bank.example@elsewhere) is refused: it
    makes a link read as going somewhere it does not."""
    cleaned = url.strip()
    if not cleaned:
        raise EvidenceRefused("Type or paste the link first.")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in cleaned):
        raise EvidenceRefused("A link cannot contain spaces or control characters.")
    if len(cleaned) > MAX_LINK_CHARS:
        raise EvidenceRefused(f"This link is longer than {MAX_LINK_CHARS} characters.")
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return _mail_link(cleaned, parts.path, parts.query)
    if scheme not in ("http", "https") or not parts.hostname:
        raise EvidenceRefused(
            "Only web links starting with http:// or https://, or an email address starting "
            "with mailto:, can be added."
        )
    if "@" in parts.netloc:
        raise EvidenceRefused(
            "This link has a name and @ before the web address, which can hide where it "
            "really goes. Add the link without that part."
        )
    return cleaned


def _mail_link(cleaned: str, address: str, query: str) -> str:
    local, at, domain = address.partition("@")
    if query or not at or not local or "." not in domain or "@" in domain or "," in address:
        raise EvidenceRefused(
            "A mailto: link needs one email address, like mailto:name@example.org."
        )
    return cleaned


def add_link(evidence: EvidenceRepository, title: str, url: str, criteria: Sequence[str]) -> int:
    link = check_link(url)
    return evidence.save(
        _learner_item("learner_link", title, link, criteria, url=link), who="learner"
    )


def add_file(
    evidence: EvidenceRepository, data_dir: Path, source: Path, title: str,
    criteria: Sequence[str],
) -> int:  # fmt: skip
    """Copy the file into the evidence folder under a generated name and add it; the
    original is only read. The title is checked before anything is copied."""
    _title(title)
    return add_copied_file(evidence, data_dir, copy_in(data_dir, source), title, criteria)


def add_copied_file(
    evidence: EvidenceRepository, data_dir: Path, kept: KeptFile, title: str,
    criteria: Sequence[str],
) -> int:  # fmt: skip
    """Add a file copy_in made (the window copies off its own thread, then saves here); if
    it cannot be saved, the copy goes, so no file is kept that nothing refers to."""
    details: dict[str, object] = {
        "type": kept.kind, "file": kept.name, "original_name": kept.original_name,
        "bytes": str(kept.size),
    }  # fmt: skip
    try:
        item = _learner_item("learner_file", title, "", criteria)
        return evidence.save(
            NewEvidence(item.kind, item.source, "", "", item.title, "", item.criteria,
                        dict(details), item.outcome, None),
            who="learner",
        )  # fmt: skip
    except BaseException:
        copied = file_of(data_dir, details)
        if copied is not None:
            copied.unlink(missing_ok=True)
        raise


def remove_learner_item(evidence: EvidenceRepository, data_dir: Path, evidence_id: int) -> None:
    """Remove something the learner added (logged); the app's own items stay."""
    item = evidence.by_id(evidence_id)
    if item is None:
        raise KeyError(f"no evidence item {evidence_id}")
    if item.kind not in LEARNER_KINDS:
        raise EvidenceRefused("Only evidence you added yourself can be removed here.")
    evidence.remove(item.source, who="learner")
    kept = file_of(data_dir, item.details)
    if kept is not None:
        kept.unlink(missing_ok=True)


def edit_reflection(
    evidence: EvidenceRepository, reflections: ReflectionRepository, evidence_id: int, text: str
) -> None:
    """Change a reflection's words here and in the module, in one transaction."""
    item = evidence.by_id(evidence_id)
    if item is None or item.kind != "reflection":
        raise EvidenceRefused("Only a reflection's words can be edited here.")
    if not text.strip():
        raise EvidenceRefused("A reflection cannot be empty; remove it from the module instead.")
    from zavmo_desktop.core.portfolio.outcomes import reflection_outcome

    outcome, met = reflection_outcome(text)
    with evidence.db.atomic():
        reflections.save(item.module_id, item.activity_id, text, item.criteria)
        evidence.save(
            NewEvidence(
                item.kind,
                item.source,
                item.module_id,
                item.activity_id,
                item.title,
                text.strip(),
                item.criteria,
                item.details,
                outcome,
                met,
            ),
            who="learner",
        )
