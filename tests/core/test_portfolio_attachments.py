"""Files a learner adds as evidence, judged by their bytes: real programs, disguised files,
zip bombs, links, pipes and names that hide what they are."""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.core.test_portfolio_learner_evidence import CONTENT_TYPES, office
from zavmo_desktop.core.own_data.erase import erase_all
from zavmo_desktop.core.own_data.export import export_all
from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.portfolio import attachments
from zavmo_desktop.core.portfolio.attachments import EvidenceRefused, copy_in
from zavmo_desktop.core.portfolio.learner_evidence import add_file, add_link, check_link
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.evidence import EvidenceRepository


def real_png(width: int = 4, height: int = 3) -> bytes:
    """A small PNG any viewer opens: a header, one compressed grey image, an end."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


def windows_program() -> bytes:
    """The start of a Windows .exe: the MZ header pointing at a PE signature."""
    stub = bytearray(b"MZ" + b"\0" * 0x7E)
    stub[0x3C:0x40] = struct.pack("<I", 0x80)
    return bytes(stub) + b"PE\0\0" + b"\x4c\x01" + b"\0" * 200


def chosen(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "chosen" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def nothing_kept(data_dir: Path) -> bool:
    folder = data_dir / EVIDENCE
    return not folder.exists() or not list(folder.iterdir())


@pytest.fixture
def evidence(tmp_path: Path) -> EvidenceRepository:
    return EvidenceRepository(open_database(tmp_path / "learner.sqlite3"))


def test_a_real_png_is_copied_private_and_the_original_is_untouched(tmp_path: Path) -> None:
    data = real_png()
    source = chosen(tmp_path, "whiteboard.png", data)
    before = source.stat()
    kept = copy_in(tmp_path / "data", source)
    copy = tmp_path / "data" / EVIDENCE / kept.name
    assert (kept.kind, kept.original_name, kept.size) == ("png", "whiteboard.png", len(data))
    assert copy.read_bytes() == data and copy.suffix == ".png"
    assert source.read_bytes() == data and source.stat().st_mtime_ns == before.st_mtime_ns
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "data" / EVIDENCE).stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("name", "program"),
    [("report.pdf", "windows"), ("photo.png", "linux"), ("notes.txt", "linux"),
     ("scan.jpg", "macos")],
)  # fmt: skip
def test_programs_under_any_name_are_refused(tmp_path: Path, name: str, program: str) -> None:
    if program == "linux":
        source = tmp_path / "chosen" / name
        source.parent.mkdir()
        shutil.copyfile(Path(os.path.realpath(shutil.which("ls") or "/bin/ls")), source)
    elif program == "windows":
        source = chosen(tmp_path, name, windows_program())
    else:
        source = chosen(tmp_path, name, b"\xcf\xfa\xed\xfe\x07\0\0\x01" + b"\0" * 64)
    with pytest.raises(EvidenceRefused, match="program"):
        copy_in(tmp_path / "data", source)
    assert nothing_kept(tmp_path / "data")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("empty.pdf", b"", "empty"), ("blank.txt", b" \n\t\n", "empty"),
     ("drawing.svg", b"<svg onload='alert(1)'><script>x()</script></svg>", "cannot be added"),
     ("drawing.txt", b"<svg><script>x()</script></svg>", "markup"),
     ("page.md", b"\n\n<html><script>x()</script>", "markup"),
     ("page.htm", b"<!doctype html>", "cannot be added"),
     ("tool.csv", b"#!/usr/bin/env python3\nprint(1)", "script"),
     ("latin1.txt", "caf\u00e9".encode("latin-1"), "UTF-8"),
     ("script.js", b"alert(1)", "cannot be added")],
)  # fmt: skip
def test_empty_markup_scripts_and_unknown_text_are_refused(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(EvidenceRefused, match=message):
        copy_in(tmp_path / "data", chosen(tmp_path, name, data))
    assert nothing_kept(tmp_path / "data")


def test_a_zip_bomb_shaped_like_a_word_document_is_refused_without_unpacking(
    tmp_path: Path,
) -> None:
    bomb = tmp_path / "chosen" / "report.docx"
    bomb.parent.mkdir()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES["word/document.xml"])
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            for _ in range(attachments.MAX_UNPACKED_BYTES // (1 << 20) + 1):
                part.write(b"\0" * (1 << 20))
    assert bomb.stat().st_size < 1024 * 1024  # small on disk, enormous unpacked
    with pytest.raises(EvidenceRefused, match="unpack"):
        copy_in(tmp_path / "data", bomb)
    assert nothing_kept(tmp_path / "data")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = chosen(tmp_path, "huge.pdf", b"%PDF-1.7\n")
    with big.open("ab") as handle:
        handle.truncate(attachments.MAX_FILE_BYTES + 1)
    with pytest.raises(EvidenceRefused, match="larger than 25 MB"):
        copy_in(tmp_path / "data", big)
    just_fits = chosen(tmp_path, "fits.pdf", b"%PDF-1.7\n")
    with just_fits.open("ab") as handle:
        handle.truncate(attachments.MAX_FILE_BYTES)
    assert copy_in(tmp_path / "data", just_fits).size == attachments.MAX_FILE_BYTES


def test_zips_that_are_not_documents_or_carry_programs_are_refused(tmp_path: Path) -> None:
    def zipped(name: str, parts: dict[str, str]) -> Path:
        path = tmp_path / "chosen" / name
        path.parent.mkdir(exist_ok=True)
        with zipfile.ZipFile(path, "w") as archive:
            for part, text in parts.items():
                archive.writestr(part, text)
        return path

    word = {"[Content_Types].xml": CONTENT_TYPES["word/document.xml"],
            "word/document.xml": "<w/>"}  # fmt: skip
    cases = [
        (zipped("photos.docx", {"a.jpg": "x", "b.jpg": "y"}), "cannot be added"),
        (zipped("types.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "x"}),
         "cannot be added"),
        (zipped("payload.docx", {**word, "word/setup.exe": "MZ"}), "program inside"),
        (zipped("escape.docx", {**word, "../../evil.txt": "x"}), "outside"),
        (zipped("macro.docm", {**word, "[Content_Types].xml":
                               "application/vnd.ms-word.document.macroEnabled.main+xml"}),
         "macros"),
        (zipped("fake.odt", {"mimetype": "application/zip"}), "cannot be added"),
    ]  # fmt: skip
    for path, message in cases:
        with pytest.raises(EvidenceRefused, match=message):
            copy_in(tmp_path / "data", path)
    assert nothing_kept(tmp_path / "data")


def test_real_office_and_opendocument_layouts_are_allowed(tmp_path: Path) -> None:
    odt = tmp_path / "chosen" / "essay.odt"
    odt.parent.mkdir()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    kinds = [copy_in(tmp_path / "data", odt).kind]
    for name, part in (("a.docx", "word/document.xml"), ("b.xlsx", "xl/workbook.xml"),
                       ("c.pptx", "ppt/presentation.xml")):  # fmt: skip
        kinds.append(copy_in(tmp_path / "data", office(tmp_path, name, part)).kind)
    assert kinds == ["odt", "docx", "xlsx", "pptx"]


@pytest.mark.parametrize(
    "name",
    ["..\\..\\learner.sqlite3.pdf", "photo\u202egnp.exe.png", "two\nlines.pdf",
     "c:evil.pdf"],
)  # fmt: skip
def test_names_with_path_tricks_or_hidden_characters_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(EvidenceRefused, match="name"):
        copy_in(tmp_path / "data", chosen(tmp_path, name, b"%PDF-1.7\n"))
    assert nothing_kept(tmp_path / "data")


def test_links_pipes_and_folders_are_refused_without_waiting(tmp_path: Path) -> None:
    real = chosen(tmp_path, "real.pdf", b"%PDF-1.7\n")
    link = tmp_path / "chosen" / "shortcut.pdf"
    link.symlink_to(real)
    with pytest.raises(EvidenceRefused, match="shortcut"):
        copy_in(tmp_path / "data", link)
    pipe = tmp_path / "chosen" / "pipe.pdf"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    with pytest.raises(EvidenceRefused, match="not a file"):
        copy_in(tmp_path / "data", pipe)
    with pytest.raises(EvidenceRefused, match="not a file"):
        copy_in(tmp_path / "data", tmp_path / "chosen")
    assert nothing_kept(tmp_path / "data")


def test_an_added_file_is_exported_and_erased(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    evidence = EvidenceRepository(open_database(data_dir / DATABASE_NAME))
    item_id = add_file(evidence, data_dir, chosen(tmp_path, "p.png", real_png()), "Photo", [])
    item = evidence.by_id(item_id)
    assert item is not None
    evidence.db.conn.close()
    summary = export_all(data_dir, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.read(f"{EVIDENCE}/{item.details['file']}") == real_png()
    assert summary.files == 1
    erase_all(data_dir, speech_folders=[])
    assert not (data_dir / EVIDENCE).exists()
    assert (tmp_path / "chosen" / "p.png").read_bytes() == real_png()  # the original stays


@pytest.mark.parametrize(
    "url", ["mailto:assessor@example.org", "https://example.org/a?b=c#d", "http://localhost:8080/"]
)
def test_web_and_mail_links_are_kept_as_typed(evidence: EvidenceRepository, url: str) -> None:
    item = evidence.by_id(add_link(evidence, "Where it is", f"  {url} ", ["EC1"]))
    assert item is not None and item.text == url and item.details == {"url": url}


@pytest.mark.parametrize(
    ("url", "message"),
    [("https://bank.example@elsewhere.example/", "hide where"),
     ("mailto:a@example.org?body=hello", "one email address"),
     ("mailto:a@example.org,b@example.org", "one email address"), ("mailto:nobody", "one email"),
     ("javascript:alert(1)", "http"), ("", "Type or paste"),
     ("https://example.org/" + "a" * 2000, "longer")],
)  # fmt: skip
def test_links_that_mislead_or_are_not_web_or_mail_are_refused(url: str, message: str) -> None:
    with pytest.raises(EvidenceRefused, match=message):
        check_link(url)
