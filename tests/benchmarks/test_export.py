"""Portfolio PDF export time: 100 items <= 2 s, 1,000 items <= 15 s (issue 13 item 5).

The whole export as the command makes it: gathering the document (heat map, matrix,
readiness, sign-offs, every item) and the tagged PDF with the learner's font embedded.
Measured on the 2-core development machine when idle: 100 items 1.64-1.70 s (the earlier,
thinner export took 1.28-1.31 s then), 1,000 items 13.7 s. WeasyPrint is single-threaded, so
the check is on the process's CPU time: on the shared machine the wall time grows with
other people's work (3-7 s for 100 items at a load of 6), the CPU time far less.
"""

import time
from pathlib import Path

import pytest

from tests.benchmarks._report import Row, Summary, record
from tests.conftest import BUNDLED_CONTENT
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.export import ExportOptions, portfolio_document
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.render import to_pdf


@pytest.mark.parametrize(("count", "limit"), [(100, 2.0), (1000, 15.0)])
def test_pdf_export_time(tmp_path: Path, count: int, limit: float) -> None:
    data_dir = tmp_path / "data"
    learner = Learner.open(data_dir, [BUNDLED_CONTENT])
    try:
        pack = learner.library.packs[0]
        criterion = pack.framework.areas[0].competencies[0].criteria[0].id
        for n in range(count):
            add_text(learner.evidence, f"Note {n}", f"What I did, part {n}.", [criterion])

        def export() -> bytes:
            document, _ = portfolio_document(learner, pack, ExportOptions(), data_dir,
                                             tmp_path / "portfolio.pdf")  # fmt: skip
            return to_pdf(document, font="atkinson")

        export()  # warm: fonts, imports, the template
        wall, cpu = time.perf_counter(), time.process_time()
        pdf = export()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        learner.close()
    assert pdf.startswith(b"%PDF-")
    record(Row("export", f"{count} items to PDF (CPU time)", Summary.of([cpu]), None,
               f"<= {limit:g} s", cpu <= limit, f"wall {wall:.2f} s"))  # fmt: skip
    assert cpu <= limit
