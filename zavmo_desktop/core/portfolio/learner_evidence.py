"""Evidence the learner adds themselves: a text, a link, or a file copied in.

A file's type is judged by its content, never by its name: a program renamed .pdf is
refused. A file is copied to a generated name in the data folder's evidence folder, through
a .partial copy renamed when whole, so a full disk leaves nothing half-written. The app
never runs or opens an added file; links are checked, never fetched.
"""

from __future__ import annotations

import errno
import shutil
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.portfolio.outcomes import no_threshold
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence
from zavmo_desktop.core.storage.files import partial_of, private_folder, settle
from zavmo_desktop.core.storage.reflections import ReflectionRepository

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_TITLE_CHARS = 200
TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".csv": "csv"}
LEARNER_KINDS = ("learner_text", "learner_link", "learner_file")
_PROGRAMS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")
_OFFICE = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}


_MAGIC = (
    (b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"), (b"GIF89a", "gif"),
)  # fmt: skip


class EvidenceRefused(ValueError):
    """What the learner gave cannot be added; the message says why, in plain words."""


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
    """The link as kept: http or https with a host, nothing else (never fetched)."""
    cleaned = url.strip()
    if any(c.isspace() or ord(c) < 32 for c in cleaned):
        raise EvidenceRefused("A link cannot contain spaces or control characters.")
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise EvidenceRefused("Only web links starting with http:// or https:// can be added.")
    return cleaned


def add_link(evidence: EvidenceRepository, title: str, url: str, criteria: Sequence[str]) -> int:
    link = check_link(url)
    return evidence.save(
        _learner_item("learner_link", title, link, criteria, url=link), who="learner"
    )


def file_type(path: Path) -> str:
    """The allowed type the content shows (pdf, png, docx ...); EvidenceRefused otherwise."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(_PROGRAMS) or head.startswith(b"#!"):
        raise EvidenceRefused("This file is a program or a script, which cannot be added.")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    return _text_type(path)


def _zip_type(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise EvidenceRefused("This document contains macros, which cannot be added.")
            if "[Content_Types].xml" in names:
                for part, kind in _OFFICE.items():
                    if part in names:
                        return kind
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype == b"application/vnd.oasis.opendocument.text":
                    return "odt"
    except zipfile.BadZipFile:
        raise EvidenceRefused("This file looks like a damaged archive.") from None
    raise EvidenceRefused(_NOT_ALLOWED)


_NOT_ALLOWED = (
    "This kind of file cannot be added. Allowed: PDF, PNG, JPEG, WebP, GIF, plain text, "
    "Markdown, CSV, Word, Excel, PowerPoint and OpenDocument text."
)


def _text_type(path: Path) -> str:
    kind = TEXT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise EvidenceRefused(_NOT_ALLOWED)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise EvidenceRefused(_NOT_ALLOWED) from None
    start = text.lstrip("\ufeff \t\r\n")[:64].lower()
    if "\0" in text or start.startswith(("<", "#!")):
        raise EvidenceRefused("This file holds markup or a script, which cannot be added.")
    return kind


def add_file(
    evidence: EvidenceRepository, data_dir: Path, source: Path, title: str,
    criteria: Sequence[str],
) -> int:  # fmt: skip
    """Copy the file into the evidence folder under a generated name and add it."""
    if source.is_symlink():
        raise EvidenceRefused("This is a shortcut to another file; choose the file itself.")
    if not source.is_file():
        raise EvidenceRefused(f"There is no file at {source}.")
    if source.stat().st_size > MAX_FILE_BYTES:
        raise EvidenceRefused(f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    kind = file_type(source)
    item = _learner_item("learner_file", title, "", criteria)
    folder = private_folder(data_dir / EVIDENCE)
    target = folder / f"{uuid.uuid4().hex}.{kind}"
    _copy_whole(source, target)
    try:
        details = {"type": kind, "file": target.name, "original_name": source.name,
                   "bytes": str(target.stat().st_size)}  # fmt: skip
        return evidence.save(
            NewEvidence(
                item.kind,
                item.source,
                "",
                "",
                item.title,
                "",
                item.criteria,
                details,
                item.outcome,
                None,
            ),
            who="learner",
        )
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _copy_whole(source: Path, target: Path) -> None:
    partial = partial_of(target)
    try:
        with source.open("rb") as reading, partial.open("xb") as writing:
            shutil.copyfileobj(reading, writing)
            if writing.tell() > MAX_FILE_BYTES:  # it grew while being copied
                raise EvidenceRefused("This file is larger than 25 MB.")
        settle(partial, target)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise EvidenceRefused(
                "There is not enough room on the disk to copy this file. Nothing was added."
            ) from None
        raise EvidenceRefused(f"The file could not be copied ({error.strerror}).") from None
    finally:
        partial.unlink(missing_ok=True)


def file_of(data_dir: Path, item_details: dict[str, object]) -> Path | None:
    """Where an added file is kept: only ever a plain name inside the evidence folder."""
    name = str(item_details.get("file", ""))
    if not name or Path(name).name != name or name.startswith("."):
        return None
    return data_dir / EVIDENCE / name


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
