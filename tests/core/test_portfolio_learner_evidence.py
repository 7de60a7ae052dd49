"""The learner's own evidence: texts, links and files, with hostile input refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.core.own_data_work import REFLECTION_TEXT
from tests.faults import fill, small_disk
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.portfolio import learner_evidence as own
from zavmo_desktop.core.portfolio.learner_evidence import EvidenceRefused
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.evidence import EvidenceRepository

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def evidence(tmp_path: Path) -> EvidenceRepository:
    return EvidenceRepository(open_database(tmp_path / "learner.sqlite3"))


def made(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "chosen" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


CONTENT_TYPES = {
    "word/document.xml": "wordprocessingml.document.main+xml",
    "xl/workbook.xml": "spreadsheetml.sheet.main+xml",
    "ppt/presentation.xml": "presentationml.presentation.main+xml",
}


def office(tmp_path: Path, name: str, part: str, extra: str = "") -> Path:
    """A zip laid out as Office lays one out: its parts and [Content_Types].xml naming them."""
    path = tmp_path / "chosen" / name
    path.parent.mkdir(exist_ok=True)
    content_type = CONTENT_TYPES.get(part, "xml")
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-'
        f'officedocument.{content_type}"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(part, "<x/>")
        if extra:
            archive.writestr(extra, "macro")
    return path


def test_a_text_and_a_link_are_added_logged_and_some_evidence(evidence: EvidenceRepository) -> None:
    text_id = own.add_text(evidence, " Led the  review ", "I chaired it.", ["EC1"])
    link_id = own.add_link(evidence, "My talk", " https://example.org/talk?x=1 ", ["EC2"])
    text, link = evidence.by_id(text_id), evidence.by_id(link_id)
    assert text is not None and (text.kind, text.title, text.met) == (
        "learner_text",
        "Led the review",
        None,
    )
    assert link is not None and link.text == "https://example.org/talk?x=1"
    assert [e.who for e in evidence.history(link_id)] == ["learner"]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "ftp://x.org",
     "https://", "example.org", "https://exa mple.org", "http://x.org/\nSet-Cookie"],
)  # fmt: skip
def test_links_other_than_http_and_https_are_refused(
    evidence: EvidenceRepository, url: str
) -> None:
    with pytest.raises(EvidenceRefused):
        own.add_link(evidence, "Link", url, [])
    assert evidence.all() == []


@pytest.mark.parametrize(
    ("title", "text"), [("   ", "words"), ("Title", "  \n "), ("x" * 201, "w")]
)
def test_an_empty_title_or_text_is_refused(
    evidence: EvidenceRepository, title: str, text: str
) -> None:
    with pytest.raises(EvidenceRefused):
        own.add_text(evidence, title, text, [])


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [("scan.pdf", b"%PDF-1.7\n%%EOF\n", "pdf"), ("photo.png", PNG, "png"),
     ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "jpg"),
     ("anim.gif", b"GIF89a" + b"\0" * 9, "gif"),
     ("pic.webp", b"RIFF\0\0\0\0WEBPVP8 ", "webp"), ("notes.md", "# Notes — café".encode(), "md"),
     ("table.csv", b"a,b\n1,2\n", "csv")],
)  # fmt: skip
def test_allowed_files_are_copied_under_a_generated_name(
    evidence: EvidenceRepository, tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    data_dir = tmp_path / "data"
    item_id = own.add_file(evidence, data_dir, made(tmp_path, name, data), "Proof", ["EC1"])
    item = evidence.by_id(item_id)
    assert item is not None and item.details["type"] == kind
    kept = own.file_of(data_dir, item.details)
    assert kept is not None and kept.parent == data_dir / EVIDENCE and kept.read_bytes() == data
    assert kept.name != name and kept.suffix == f".{kind}"
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no partial left


def test_office_documents_are_known_by_their_zip_structure(
    evidence: EvidenceRepository, tmp_path: Path
) -> None:
    for name, part, kind in (("a.docx", "word/document.xml", "docx"),
                             ("b.xlsx", "xl/workbook.xml", "xlsx"),
                             ("c.pptx", "ppt/presentation.xml", "pptx")):  # fmt: skip
        assert own.file_type(office(tmp_path, name, part)) == kind
    with pytest.raises(EvidenceRefused, match="macros"):
        own.file_type(office(tmp_path, "m.docx", "word/document.xml", "word/vbaProject.bin"))
    with pytest.raises(EvidenceRefused, match="cannot be added"):
        own.file_type(office(tmp_path, "z.zip", "other.xml"))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("report.pdf", b"MZ\x90\0" + b"\0" * 60, "program"), ("tool.pdf", b"\x7fELF\x02", "program"),
     ("run.txt", b"#!/bin/sh\nrm -rf ~\n", "program or a script"),
     ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "cannot be added"),
     ("logo.txt", b"  <svg onload='x'/>", "markup"), ("page.md", b"<!doctype html><p>", "markup"),
     ("page.html", b"<html></html>", "cannot be added"),
     ("bin.txt", b"\xff\xfe\0\0", "cannot be added"),
     ("broken.docx", b"PK\x03\x04garbage", "damaged")],
)  # fmt: skip
def test_programs_scripts_markup_and_unknown_files_are_refused(
    evidence: EvidenceRepository, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(EvidenceRefused, match=message):
        own.add_file(evidence, data_dir, made(tmp_path, name, data), "Proof", [])
    assert evidence.all() == [] and not list((data_dir / EVIDENCE).glob("*"))


def test_a_file_over_25_mb_a_symlink_and_a_missing_file_are_refused(
    evidence: EvidenceRepository, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    big = made(tmp_path, "big.pdf", b"%PDF-1.7\n")
    with big.open("ab") as handle:
        handle.truncate(26 * 1024 * 1024)
    with pytest.raises(EvidenceRefused, match="larger than 25 MB"):
        own.add_file(evidence, data_dir, big, "Big", [])
    link = tmp_path / "chosen" / "link.pdf"
    link.symlink_to(made(tmp_path, "real.pdf", b"%PDF-1.7\n"))
    with pytest.raises(EvidenceRefused, match="shortcut"):
        own.add_file(evidence, data_dir, link, "Link", [])
    with pytest.raises(EvidenceRefused, match="no file"):
        own.add_file(evidence, data_dir, tmp_path / "chosen" / ".." / "nowhere.pdf", "x", [])
    assert evidence.all() == []


def test_a_stored_name_with_dots_or_slashes_is_never_followed(tmp_path: Path) -> None:
    for name in ("../learner.sqlite3", "/etc/passwd", "a/../../b", ".hidden", ""):
        assert own.file_of(tmp_path, {"file": name}) is None


def test_a_full_disk_leaves_nothing_half_written(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", size_kib=2048) as disk:
        evidence = EvidenceRepository(open_database(tmp_path / "learner.sqlite3"))
        private = disk / "data"
        (private / EVIDENCE).mkdir(parents=True)
        source = made(tmp_path, "scan.pdf", b"%PDF-1.7\n" + b"x" * 400_000)
        filler = fill(disk, leave=64 * 1024)
        with pytest.raises(EvidenceRefused, match="not enough room"):
            own.add_file(evidence, private, source, "Scan", [])
        assert list((private / EVIDENCE).iterdir()) == [] and evidence.all() == []
        filler.unlink()
        own.add_file(evidence, private, source, "Scan", [])  # with room again, it works
        assert len(evidence.all()) == 1


def test_removing_an_added_file_removes_it_and_keeps_its_history(
    evidence: EvidenceRepository, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    item_id = own.add_file(evidence, data_dir, made(tmp_path, "p.png", PNG), "Photo", ["EC1"])
    own.remove_learner_item(evidence, data_dir, item_id)
    assert evidence.all() == [] and list((data_dir / EVIDENCE).iterdir()) == []
    assert [e.action for e in evidence.history(item_id)] == ["added", "removed"]


def test_a_reflection_edited_in_the_portfolio_reads_the_same_in_the_module(
    data_dir: Path, bundled_content: Path
) -> None:
    learner = Learner.open(data_dir, [bundled_content])
    module = next(m for m in learner.library.modules if m.reflections)
    reflection = module.reflections[0]
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    deliver.save_reflection(module.id, reflection, REFLECTION_TEXT, reflection.evidences)
    (item,) = learner.evidence.all()
    with pytest.raises(EvidenceRefused, match="Only evidence you added"):
        own.remove_learner_item(learner.evidence, data_dir, item.id)  # the app's own item
    with pytest.raises(EvidenceRefused, match="cannot be empty"):
        own.edit_reflection(learner.evidence, learner.reflections, item.id, "   ")
    own.edit_reflection(learner.evidence, learner.reflections, item.id, "New words, mine.")
    learner.close()
    again = Learner.open(data_dir, [bundled_content])  # after a restart
    try:
        saved = again.reflections.get(module.id, reflection.id)
        assert saved is not None and saved.text == "New words, mine."
        edited = again.evidence.by_id(item.id)
        assert edited is not None and edited.text == "New words, mine." and edited.met is False
        assert [(e.action, e.who) for e in again.evidence.history(item.id)][-1] == (
            "edited",
            "learner",
        )
    finally:
        again.close()
