"""The bundled pack with known levels and scenarios on executive-communication, for Discover.

Built from the real framework.yaml with executive-communication's `levels` and `scenarios`
set to what the tests expect, and every other competency's taken out (whatever the bundled
framework has now), so the tests do not change when the bundled texts do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import BUNDLED_CONTENT

EXEC = "executive-communication"
SCENARIOS = [
    {
        "id": "cfo-asks-value",
        "question": "Your CFO asks what the ML platform is worth. What do you do first?",
        "answers": [
            {"text": "Send the model accuracy figures.", "level": "aware"},
            {"text": "Ask which business measure matters most to the CFO.", "level": "expert"},
        ],
    },
    {
        "id": "board-pushback",
        "question": "A board member doubts a project. What do you say?",
        "answers": [
            {
                "text": "Say what is known, what is not, and when you will know.",
                "level": "advanced",
            },
            {"text": "Repeat the plan.", "level": "aware"},
            {"text": "Ask a colleague to answer.", "level": "practising"},
        ],
    },
]
LEVELS = [{"level": "practising", "example": "Co-presents a quarterly ML update with the CTO."}]


def scenario_pack(root: Path) -> Path:
    pack = Path(shutil.copytree(BUNDLED_CONTENT, root / "scenario-pack"))
    file = pack / "framework.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    for area in data["areas"]:
        for competency in area["competencies"]:
            competency.pop("levels", None)
            competency.pop("scenarios", None)
            if competency["id"] == EXEC:
                competency["levels"] = LEVELS
                competency["scenarios"] = SCENARIOS
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return pack
