"""Sub-skills, concepts and standard references in framework.yaml; a module's concept and
retrieval questions (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Pack

GDPR = "modules/gdpr-for-ml-leaders.md"
COMPETENCY_LINE = "      - id: gdpr\n"
CONCEPTS = """\
        skills:
          - Lawful basis for training data
        concepts:
          - id: lawful-basis
            title: Lawful basis
            description: Which of the six reasons makes the processing lawful.
          - id: automated-decisions
            title: Automated decisions
"""
RETRIEVAL = """\
concept: lawful-basis
retrieval:
  - id: six-bases
    question: Name two of the lawful bases and when each fits.
    answer: Contract, when the processing is needed to deliver what was agreed; legitimate
      interests, when a balancing test favours it.
  - id: minimise
    question: What does data minimisation ask of a training set?
    answer: Only the personal data the purpose needs.
"""


@pytest.fixture
def pack(tmp_path: Path, bundled_content: Path) -> Path:
    root = Path(shutil.copytree(bundled_content, tmp_path / "pack"))
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    assert text.count(COMPETENCY_LINE) == 1
    head, tail = text.split(COMPETENCY_LINE)
    first, rest = tail.split("\n", 1)
    framework.write_text(f"{head}{COMPETENCY_LINE}{first}\n{CONCEPTS}{rest}", encoding="utf-8")
    module = root / GDPR  # its own questions out: each test writes the ones it needs
    module.write_text(without_retrieval(module.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def without_retrieval(text: str) -> str:
    """The module with its front matter's `retrieval:` block removed."""
    lines = text.splitlines(keepends=True)
    start = lines.index("retrieval:\n")
    end = start + 1
    while lines[end].startswith((" ", "- ")):
        end += 1
    return "".join(lines[:start] + lines[end:])


def add_to_module(pack: Path, extra: str) -> int:
    """Put `extra` at the top of the GDPR module's front matter; the line it starts on."""
    file = pack / GDPR
    file.write_text(file.read_text(encoding="utf-8").replace("---\n", "---\n" + extra, 1))
    return 2


def loaded(pack: Path) -> tuple[Pack, list[str]]:
    result, problems = load_pack(pack)
    assert result is not None
    return result, [str(p) for p in problems]


def test_skills_concepts_and_retrieval_are_read(pack: Path) -> None:
    add_to_module(pack, RETRIEVAL)
    result, problems = loaded(pack)
    assert problems == []
    gdpr = result.framework.competency("gdpr")
    assert gdpr is not None
    assert gdpr.skills == ("Lawful basis for training data",)
    assert [(c.id, c.title) for c in gdpr.concepts] == [
        ("lawful-basis", "Lawful basis"),
        ("automated-decisions", "Automated decisions"),
    ]
    module = next(m for m in result.modules if m.id == "gdpr-for-ml-leaders")
    assert module.concept == "lawful-basis"
    assert [q.id for q in module.retrieval] == ["six-bases", "minimise"]
    assert module.retrieval[1].answer == "Only the personal data the purpose needs."


def test_a_concept_its_competency_does_not_have_is_reported_on_its_line(pack: Path) -> None:
    line = add_to_module(pack, "concept: qubits\n")
    result, problems = loaded(pack)
    assert "gdpr-for-ml-leaders" not in {m.id for m in result.modules}
    assert problems == [
        f"{pack / GDPR}:{line}: concept 'qubits' is not a concept of competency 'gdpr' "
        "(its concepts: lawful-basis, automated-decisions)"
    ]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("retrieval:\n  - id: a\n    question: Why?\n", "missing 'answer'"),
        (
            "retrieval:\n  - id: a\n    question: Why?\n    answer: So.\n    evidences: [G1]\n",
            "unknown field 'evidences' in a retrieval question",
        ),
        (
            "retrieval:\n"
            + "".join(f"  - id: q{n}\n    question: Why?\n    answer: So.\n" for n in range(13)),
            "at most 12 retrieval questions",
        ),
        (
            "retrieval:\n  - id: a\n    question: Why?\n    answer: So.\n"
            "  - id: a\n    question: How?\n    answer: Thus.\n",
            "retrieval question id 'a' is used twice",
        ),
    ],
    ids=["no-answer", "evidences", "too-many", "same-id"],
)
def test_retrieval_mistakes_leave_the_module_out_with_a_message(
    pack: Path, extra: str, words: str
) -> None:
    add_to_module(pack, extra)
    result, problems = loaded(pack)
    assert "gdpr-for-ml-leaders" not in {m.id for m in result.modules}
    assert len(problems) == 1 and words in problems[0]
    assert problems[0].startswith(f"{pack / GDPR}:")


def test_a_criterion_can_name_an_outside_standard(pack: Path) -> None:
    framework = pack / "framework.yaml"
    result, _ = loaded(pack)
    gdpr = result.framework.competency("gdpr")
    assert gdpr is not None
    first = gdpr.criteria[0]
    text = framework.read_text(encoding="utf-8")
    old = f"          - id: {first.id}\n"
    assert text.count(old) == 1
    reference = (
        "            references:\n"
        "              - standard: Example Standards\n"
        "                code: EX-101\n"
    )
    framework.write_text(text.replace(old, old + reference), encoding="utf-8")
    result, problems = loaded(pack)
    assert problems == []
    gdpr = result.framework.competency("gdpr")
    assert gdpr is not None
    assert [(r.standard, r.code) for r in gdpr.criteria[0].references] == [
        ("Example Standards", "EX-101")
    ]


def test_the_bundled_pack_claims_no_outside_code(bundled_content: Path) -> None:
    result, _ = load_pack(bundled_content)
    assert result is not None
    claimed = [
        (c.id, r.code)
        for area in result.framework.areas
        for competency in area.competencies
        for c in competency.criteria
        for r in c.references
    ]
    assert claimed == []
