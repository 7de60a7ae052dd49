"""The largest modules the content limits allow: rendering, validating, indexing, opening.

Each module is as big as the limits allow (MAX_MODULE_BYTES, and its lines, headings, list
items, formatting characters and table rows and columns), shaped to cost the most:
generated prose; 295 list items with emphasis; 195 headings; a 6-column table of 22 rows;
800 "![" (Python-Markdown took 26 s on one 20,000-character line of them); and three
4,096 x 4,096 pictures (each takes Qt ~0.2 s to decode). Timed: render_markdown; `validate`
on the pack (load, check, render every page); loading alone; indexing; and in the real
reader, the time until the text shows and the longest the GUI thread went without
handling events meanwhile (the largest gap of a 5 ms timer). The reference is a bare
QTextBrowser's setHtml and layout of the prose module's HTML.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.benchmarks._corpus import module_file, text_maker
from tests.benchmarks._reader_session import BIG_MODULE_ID, REPO_ROOT, open_session
from tests.benchmarks._report import Row, Summary, record, time_it
from tests.benchmarks.test_module_open import bare_browser_layout
from zavmo_desktop.core.content.limits import (
    MAX_FORMATTING_CHARS,
    MAX_HEADINGS,
    MAX_IMAGE_SIDE,
    MAX_LINE_CHARS,
    MAX_LIST_ITEMS,
    MAX_MODULE_BYTES,
    MAX_MODULE_LINES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.render import render_markdown
from zavmo_desktop.core.content.text_limits import HEADING, LIST_ITEM
from zavmo_desktop.core.content.validator import validate_packs
from zavmo_desktop.core.storage.content_index import ContentIndex, IndexEntry

SECTION = "content limits"
GUI_BLOCK_TARGET = 0.050
RUNS = 3  # every kind is opened in a new reader each run: fewer repeats than elsewhere
FRONT_MATTER_ROOM = 800


def prose(size: int) -> str:
    body = text_maker().markdown(size // 5, 300)
    return body[: size - FRONT_MATTER_ROOM].rsplit("\n", 1)[0] + "\n"


def filled(lines: list[str], size: int = MAX_MODULE_BYTES - FRONT_MATTER_ROOM) -> str:
    """The lines, then prose up to the size and line limits."""
    text = "\n".join(lines) + "\n\n"
    words = prose(size).split("\n\n")
    room = MAX_MODULE_LINES - text.count("\n") - 20
    for paragraph in words[1:]:
        if any(HEADING.match(line) or LIST_ITEM.match(line) for line in paragraph.split("\n")):
            continue  # headings and list items have limits of their own
        if len(text) + len(paragraph) + 2 > size or room < 2:
            break
        text += paragraph + "\n\n"
        room -= paragraph.count("\n") + 2
    return text


def shaped(kind: str) -> str:
    item = "lorem ipsum dolor sit amet consectetur"
    if kind == "list":
        return filled([f"- *{item[:5]}* {item}" for _ in range(MAX_LIST_ITEMS - 5)])
    if kind == "headings":
        return filled([f"# {item} {number}" for number in range(MAX_HEADINGS - 5)])
    if kind == "table":
        columns = MAX_TABLE_COLUMNS
        rows = [
            f"| {n} " + f"| {item[:12]} " * (columns - 1) + "|" for n in range(MAX_TABLE_ROWS - 2)
        ]
        return filled(["| a " * columns + "|", "|---" * columns + "|", *rows])
    if kind == "images":
        return filled([f"![A picture as large as allowed]({name})\n" for name in IMAGES])
    if kind == "'!['":
        return filled(["![" * 200] * (MAX_FORMATTING_CHARS // 200 - 1))
    return prose(MAX_MODULE_BYTES)


KINDS = ("prose", "list", "headings", "table", "'!['", "images")
IMAGES = ("big-1.png", "big-2.png", "big-3.png")


def write_images(folder: Path) -> None:
    """PNGs as wide and high as allowed: each takes Qt ~0.2 s to decode."""
    image = QImage(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for y in range(0, MAX_IMAGE_SIDE, 64):
        image.setPixelColor((y * 7919) % MAX_IMAGE_SIDE, y, QColor("navy"))
    for name in IMAGES:
        assert image.save(str(folder / name), "PNG")


def write_pack(folder: Path, body: str) -> Path:
    (folder / "modules").mkdir(parents=True)
    for name in ("pack.yaml", "framework.yaml"):
        shutil.copy(REPO_ROOT / "content" / name, folder / name)
    framework = yaml.safe_load((folder / "framework.yaml").read_text(encoding="utf-8"))
    competency = framework["areas"][0]["competencies"][0]["id"]
    text = module_file(BIG_MODULE_ID, competency, body)
    assert len(text.encode()) <= MAX_MODULE_BYTES
    (folder / "modules" / "big.md").write_text(text, encoding="utf-8")
    if IMAGES[0] in body:
        write_images(folder / "modules")
    problems = load_library([folder]).problems
    assert problems == [], problems[0]  # the module is within every limit
    return folder


def runs(measure: Callable[[], float]) -> Summary:
    return Summary.of([measure() for _ in range(RUNS)])


def open_in_reader(data_dir: Path, pack: Path) -> tuple[float, float]:
    """Seconds until the reader shows the text, and the GUI thread's longest stall."""
    session = open_session(data_dir, pack)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    session.reader.show_module(session.module)
    while session.reader.text.toPlainText().startswith("Preparing"):
        QApplication.processEvents()
        time.sleep(0.002)
    shown = time.perf_counter() - start
    settle = time.perf_counter() + 0.3  # the layout and scroll the text posted
    while time.perf_counter() < settle:
        QApplication.processEvents()
        time.sleep(0.002)
    timer.stop()
    session.close()
    return shown, max(gaps)


def test_largest_allowed_module(qapp: QApplication, tmp_path: Path) -> None:
    render_markdown("# warm up")
    bodies = {kind: shaped(kind) for kind in KINDS}
    bare = runs(lambda: bare_browser_layout(render_markdown(bodies["prose"])))
    record(Row(SECTION, f"bare QTextBrowser setHtml + layout (prose, "
                        f"{MAX_MODULE_BYTES // 1024} KiB module)", bare, 1.0,
               note="the reference"))  # fmt: skip
    for number, (kind, body) in enumerate(bodies.items()):
        pack = write_pack(tmp_path / f"pack-{number}", body)
        render = runs(lambda b=body: time_it(lambda: render_markdown(b)))
        validate = runs(lambda p=pack: time_it(lambda: validate_packs([p])))
        load = runs(lambda p=pack: time_it(lambda: load_library([p])))
        index = runs(lambda n=number, b=body: time_it(lambda: index_once(tmp_path, n, b)))
        opened = [open_in_reader(tmp_path / f"data-{number}-{run}", pack) for run in range(RUNS)]
        shown = Summary.of([seconds for seconds, _ in opened])
        stall = Summary.of([gap for _, gap in opened])
        ok = stall.maximum <= GUI_BLOCK_TARGET
        for measure, figures in (("render_markdown", render), ("validate (load + pages)", validate),
                                 ("load_library", load), ("index", index),
                                 ("reader: text shown", shown)):  # fmt: skip
            record(Row(SECTION, f"{kind}: {measure}", figures, figures.median / bare.median))
        target = f"<= {GUI_BLOCK_TARGET * 1000:.0f} ms"
        ratio = stall.median / bare.median
        record(Row(SECTION, f"{kind}: reader: longest GUI-thread stall", stall, ratio, target, ok))
    long_line = "![" * (MAX_LINE_CHARS // 2)
    small = Summary.of([time_it(lambda: render_markdown(long_line)) for _ in range(RUNS)])
    large = Summary.of([time_it(lambda: render_markdown(long_line * 4)) for _ in range(RUNS)])
    growth = large.median / small.median
    record(Row(SECTION, "'![' line: render time for 4x the text", large, growth,
               "< 8x (linear: 4x)", growth < 8))  # fmt: skip
    assert growth < 8, f"rendering grew {growth:.1f}x for 4x the text: not linear"


def index_once(tmp_path: Path, number: int, body: str) -> None:
    path = tmp_path / f"index-{number}-{time.perf_counter_ns()}.sqlite3"
    index = ContentIndex(path)
    index.sync([IndexEntry(BIG_MODULE_ID, "hash", "title", "summary", body)])
    index.close()
