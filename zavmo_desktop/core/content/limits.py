"""The documented limits on content (docs/content-format.md#limits).

They keep every step linear in the size of a pack and small enough to stay quick: the
validator reports each one as `path:line:`, and the app leaves the module out with the
same problem.
"""

from __future__ import annotations

MAX_MODULE_BYTES = 128 * 1024  # a module file; the longest bundled one is ~19 KiB
MAX_LINE_CHARS = 4_000  # one line of a module; the longest bundled table row is ~300
MAX_MODULE_LINES = 800  # the longest bundled module has 409
MAX_FORMATTING_CHARS = 1_000  # * _ [ ` < & ~ \ in a module; the bundled modules use 16-56
MAX_TABLE_ROWS = 24  # lines with "|" in a module; the bundled modules have 5-13
MAX_TABLE_COLUMNS = 6  # "|" on one line, less one; the bundled tables have 2-4 columns
MAX_HEADINGS = 200  # heading lines in a module; the bundled modules have at most 9
MAX_LIST_ITEMS = 300  # list items in a module; the bundled modules have at most 73
MAX_PACK_FILE_BYTES = 1024 * 1024  # pack.yaml and framework.yaml
MAX_NESTING = 20  # lists and quotes inside each other, in the Markdown body
MAX_IMAGE_BYTES = 4 * 1024 * 1024
MAX_IMAGE_SIDE = 4_096  # pixels, width or height
MAX_IMAGE_PIXELS = 4_096 * 4_096
IMAGE_FORMATS = ("png", "jpeg", "gif", "bmp", "webp")  # raster only: an SVG can refer to files
MAX_ASSESSMENT_TEXT = 600  # a level's description or example, a scenario question or answer
MAX_SCENARIOS = 2  # scenario questions in one competency
SCENARIO_ANSWERS = (2, 5)  # fewest and most answers to one scenario question
