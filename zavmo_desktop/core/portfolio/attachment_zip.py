"""The learner's own files, which a PDF or HTML cannot carry, go in a zip beside the export.

`--out portfolio.pdf` writes portfolio-attachments.zip next to it when there is a file to
carry; the document names each file as it is in the zip. A file missing from the data
folder is noted in the document instead, and the export still goes ahead. Files are found
where learner_evidence.add_file keeps them: details["file"], a plain name in the data
folder's evidence folder.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zavmo_desktop.core.portfolio.learner_evidence import file_of
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.core.storage.files import partial_of, settle

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
MISSING_NOTE = "The file was not found in the data folder, so it is not in the zip."


@dataclass(frozen=True)
class Attachment:
    item_id: int
    original_name: str
    name_in_zip: str  # "" when the file is missing
    kept_at: Path | None  # where it is in the data folder; None when missing

    @property
    def missing(self) -> bool:
        return self.kept_at is None


def zip_path_for(out: Path) -> Path:
    return out.with_name(f"{out.stem}-attachments.zip")


def plan_attachments(items: Iterable[EvidenceItem], data_dir: Path) -> dict[int, Attachment]:
    """One entry per learner_file item, by item id; each name in the zip is unique."""
    planned: dict[int, Attachment] = {}
    for item in items:
        if item.kind != "learner_file":
            continue
        original = str(item.details.get("original_name") or item.details.get("file") or "file")
        kept = file_of(data_dir, item.details)
        if kept is None or not kept.is_file():
            planned[item.id] = Attachment(item.id, original, "", None)
        else:
            planned[item.id] = Attachment(item.id, original, _zip_name(item.id, original), kept)
    return planned


def _zip_name(item_id: int, original: str) -> str:
    """The item's number first, so two files of the same name never collide."""
    cleaned = _UNSAFE.sub("_", Path(original).name).strip(" .") or "file"
    return f"item-{item_id}-{cleaned}"


def write_attachments(planned: Iterable[Attachment], target: Path) -> bool:
    """Write the zip whole (a partial file renamed when done); False when nothing to carry."""
    present = [a for a in planned if a.kept_at is not None]
    if not present:
        return False
    partial = partial_of(target)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for attachment in present:
                assert attachment.kept_at is not None
                archive.write(attachment.kept_at, attachment.name_in_zip)
        settle(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return True
