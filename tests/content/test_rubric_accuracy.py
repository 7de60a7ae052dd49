"""How often the bundled rubrics agree with a fair human marker, over labelled answers.

`tests/data/rubric_answers.yaml` holds at least ten answers for every free-text turn in
the bundled content (strong, partial, off-point, negated, paraphrased, one word, copied
from the question ...), each with the key points a fair marker would give it; the rubrics
were rewritten while measuring it. `rubric_answers_holdout.yaml` holds four more per turn,
written afterwards and never tuned to. Precision is how often a point the app finds is one
the marker gave; recall is how often a point the marker gave is one the app finds. Run with
`-s` to print the table per point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Node
from zavmo_desktop.core.conversation.rubric import check_answer
from zavmo_desktop.paths import bundled_content_dir

DATA = Path(__file__).resolve().parents[1] / "data"
TUNED = DATA / "rubric_answers.yaml"  # the rubrics were rewritten while measuring these
HELD_OUT = DATA / "rubric_answers_holdout.yaml"  # written after, never tuned to
KINDS = {"strong", "partial", "off_point", "negated", "paraphrased", "one_word", "copied"}
PRECISION_TARGET = 0.9
RECALL_TARGET = 0.8


@dataclass
class Tally:
    found_and_given: int = 0
    found_not_given: int = 0
    given_not_found: int = 0

    @property
    def precision(self) -> float:
        found = self.found_and_given + self.found_not_given
        return self.found_and_given / found if found else 1.0

    @property
    def recall(self) -> float:
        given = self.found_and_given + self.given_not_found
        return self.found_and_given / given if given else 1.0


def free_text_turns() -> dict[str, Node]:
    pack, problems = load_pack(bundled_content_dir())
    assert pack is not None and not problems
    return {
        f"{module.id}/{conversation.id}/{node.id}": node
        for module in pack.modules
        for conversation in module.conversations
        for node in conversation.nodes
        if node.answer is not None
    }


def labelled(path: Path = TUNED) -> dict[str, list[dict[str, object]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def measure(data: dict[str, list[dict[str, object]]]) -> tuple[Tally, list[str]]:
    turns = free_text_turns()
    total = Tally()
    rows = []
    for key, answers in data.items():
        node = turns[key]
        assert node.answer is not None
        for point, counts in zip(node.answer.rubric, tally(key, node, answers), strict=False):
            rows.append(f"{key:62} {counts.precision:5.2f} {counts.recall:5.2f}  {point.point}")
            total.found_and_given += counts.found_and_given
            total.found_not_given += counts.found_not_given
            total.given_not_found += counts.given_not_found
    return total, rows


def tally(key: str, node: Node, answers: list[dict[str, object]]) -> list[Tally]:
    assert node.answer is not None
    tallies = [Tally() for _ in node.answer.rubric]
    question = f"{node.say}\n{node.answer.prompt}"
    for item in answers:
        given = set(item["points"])  # type: ignore[call-overload]
        assert given <= set(range(1, len(tallies) + 1)), f"{key}: no such point in {given}"
        result = check_answer(str(item["answer"]), node.answer.rubric, 1, question)
        for number, (point, counts) in enumerate(
            zip(result.points, tallies, strict=False), start=1
        ):
            if point.covered and number in given:
                counts.found_and_given += 1
            elif point.covered:
                counts.found_not_given += 1
            elif number in given:
                counts.given_not_found += 1
    return tallies


def test_every_free_text_turn_has_ten_labelled_answers_of_every_kind() -> None:
    turns, data = free_text_turns(), labelled()
    assert set(data) == set(turns) == set(labelled(HELD_OUT))
    for key, answers in data.items():
        assert len(answers) >= 10, key
        assert {str(a["kind"]) for a in answers} >= KINDS, key


def test_precision_and_recall_over_all_labelled_answers_meet_the_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    tuned, held_out = labelled(TUNED), labelled(HELD_OUT)
    assert set(held_out) <= set(tuned)
    every = {key: answers + held_out.get(key, []) for key, answers in tuned.items()}
    total, rows = measure(every)
    with capsys.disabled():
        print(f"\n{'turn (all labelled answers)':62} {'prec':>5} {'rec':>5}  point")
        print("\n".join(rows))
        for name, data in (("tuned set", tuned), ("held-out set", held_out), ("all", every)):
            part, _ = measure(data)
            count = sum(len(answers) for answers in data.values())
            print(
                f"{name}: {count} answers, precision {part.precision:.3f}, recall {part.recall:.3f}"
            )
    assert total.precision >= PRECISION_TARGET
    assert total.recall >= RECALL_TARGET
    held, _ = measure(held_out)
    assert held.precision >= PRECISION_TARGET and held.recall >= RECALL_TARGET
