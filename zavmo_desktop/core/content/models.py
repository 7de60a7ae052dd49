"""What a content pack contains, once loaded and checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

CHECKLIST_WHEN = ("this_quarter", "next_6_months", "next_12_months", "ongoing", "quick_win")
CONVERSATION_TYPES = (
    "socratic",
    "role_play",
    "coaching",
    "case_study",
    "scenario",
    "reflection",
    "teach_back",
    "debate",
    "quiz",
    "action_planning",
)
COACHING_STAGES = ("goal", "reality", "options", "way_forward")
METRIC_KINDS = ("quantitative", "qualitative")
PRIORITIES = ("high", "medium", "low")  # a competency's priority; the pathway orders by it


@dataclass(frozen=True)
class Problem:
    """One thing wrong with content, in the `path:line: message` form authors see."""

    path: Path
    line: int
    message: str
    warning: bool = False  # a warning does not stop the module loading

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return one_line(f"{self.path}:{self.line}: {prefix}{self.message}")


def one_line(text: str) -> str:
    """Control characters (a newline in a file name or a YAML error) shown, never obeyed."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


@dataclass(frozen=True)
class Manifest:
    id: str
    title: str
    version: str
    language: str
    licence: str
    description: str = ""


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class StandardReference:
    """Where a criterion maps onto an outside standard, e.g. a National Occupational Standard."""

    standard: str
    code: str
    title: str = ""


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    references: tuple[StandardReference, ...] = ()


@dataclass(frozen=True)
class Concept:
    """One idea a competency is learnt through; the pack teaches each in a module."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Responsibility:
    """One of the role's key responsibilities, which competencies (and so modules) serve."""

    id: str
    title: str


@dataclass(frozen=True)
class PerformanceMetric:
    """How the role is judged, such as a cost target; competencies link to the ones they move."""

    id: str
    title: str
    kind: str  # one of METRIC_KINDS
    target: str = ""
    frequency: str = ""
    competencies: tuple[str, ...] = ()  # Competency ids


@dataclass(frozen=True)
class LevelDescriptor:
    """What one level looks like in one competency (Discover shows these as choices)."""

    level: str
    description: str
    example: str


@dataclass(frozen=True)
class ScenarioAnswer:
    text: str
    level: str


@dataclass(frozen=True)
class Scenario:
    id: str
    question: str
    answers: tuple[ScenarioAnswer, ...]


@dataclass(frozen=True)
class Competency:
    id: str
    title: str
    target_level: str
    description: str
    criteria: tuple[Criterion, ...]
    priority: str = "medium"  # one of PRIORITIES
    responsibilities: tuple[str, ...] = ()  # Responsibility ids
    level_descriptors: tuple[LevelDescriptor, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    skills: tuple[str, ...] = ()  # the named sub-skills, shown to learners
    concepts: tuple[Concept, ...] = ()


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    foundation: bool
    competencies: tuple[Competency, ...]


@dataclass(frozen=True)
class Framework:
    levels: tuple[Level, ...]
    areas: tuple[Area, ...]
    responsibilities: tuple[Responsibility, ...] = ()
    metrics: tuple[PerformanceMetric, ...] = ()

    def metrics_of(self, competency_id: str) -> tuple[PerformanceMetric, ...]:
        return tuple(m for m in self.metrics if competency_id in m.competencies)

    def responsibility(self, responsibility_id: str) -> Responsibility | None:
        return next((r for r in self.responsibilities if r.id == responsibility_id), None)

    def competency(self, competency_id: str) -> Competency | None:
        for area in self.areas:
            for competency in area.competencies:
                if competency.id == competency_id:
                    return competency
        return None

    def area_of(self, competency_id: str) -> Area | None:
        for area in self.areas:
            if any(c.id == competency_id for c in area.competencies):
                return area
        return None

    def level(self, level_id: str) -> Level | None:
        return next((level for level in self.levels if level.id == level_id), None)

    def descriptor(self, competency_id: str, level_id: str) -> LevelDescriptor:
        """The competency's own descriptor of a level, else the framework's general one.

        An own descriptor without a description borrows the general description."""
        general = self.level(level_id)
        general_text = general.description if general is not None else ""
        competency = self.competency(competency_id)
        own = competency.level_descriptors if competency is not None else ()
        for descriptor in own:
            if descriptor.level == level_id:
                return LevelDescriptor(
                    level_id, descriptor.description or general_text, descriptor.example
                )
        return LevelDescriptor(level_id, general_text, "")

    def criterion_ids(self) -> set[str]:
        return {cr.id for area in self.areas for c in area.competencies for cr in c.criteria}


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    when: str | None
    evidences: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Reflection:
    id: str
    prompt: str
    evidences: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    text: str
    next: str
    feedback: str = ""
    correct: bool = False
    consequence: str = ""


@dataclass(frozen=True)
class RubricPoint:
    point: str
    keywords: tuple[str, ...]  # any one of these words or phrases, not negated
    all_of: tuple[tuple[str, ...], ...] = ()  # one of each group, in one sentence
    negated: tuple[str, ...] = ()  # counts only when said in the negative
    if_missed: str = ""  # the node a carry-on goes to when this point was not found


@dataclass(frozen=True)
class Branch:
    """After a written answer, go to `next` when the app found key point `point` (from 1)."""

    point: int
    next: str


@dataclass(frozen=True)
class FreeAnswer:
    prompt: str
    rubric: tuple[RubricPoint, ...]
    min_points: int
    next: str
    branches: tuple[Branch, ...] = ()  # the first whose point was found decides the next turn

    def next_after(self, found: Sequence[bool]) -> str:
        """The next turn, given which key points the app found, in the rubric's order."""
        for branch in self.branches:
            if branch.point <= len(found) and found[branch.point - 1]:
                return branch.next
        return self.next


@dataclass(frozen=True)
class Node:
    id: str
    say: str
    speaker: str = "Tutor"
    stage: str | None = None
    replies: tuple[Reply, ...] = ()
    answer: FreeAnswer | None = None
    next: str | None = None

    @property
    def is_ending(self) -> bool:
        return not self.replies and self.answer is None and self.next is None


@dataclass(frozen=True)
class Conversation:
    id: str
    type: str
    title: str
    summary: str
    evidences: tuple[str, ...]
    start: str
    nodes: tuple[Node, ...]

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)


@dataclass(frozen=True)
class RetrievalQuestion:
    """Recall an idea in your own words, then compare it with the model answer."""

    id: str
    question: str
    answer: str


@dataclass(frozen=True)
class Module:
    id: str
    pack_id: str
    title: str
    competency: str
    summary: str
    minutes: int
    body: str
    path: Path
    content_hash: str
    level: str | None = None
    order: int = 0
    prerequisites: tuple[str, ...] = ()
    prerequisite_lines: tuple[int, ...] = field(default=(), compare=False)  # for problems
    id_line: int = field(default=1, compare=False)  # for problems
    body_line: int = field(default=1, compare=False)  # the file line the body starts on
    checklists: tuple[Checklist, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    conversations: tuple[Conversation, ...] = ()
    reviewed: dt.date | None = None  # when its teaching was last checked as current
    concept: str | None = None  # a Concept id of its competency
    retrieval: tuple[RetrievalQuestion, ...] = ()


@dataclass(frozen=True)
class Pack:
    manifest: Manifest
    framework: Framework
    root: Path
    modules: tuple[Module, ...] = ()


@dataclass
class Library:
    """Every loaded pack, and every problem found while loading them."""

    packs: list[Pack] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def modules(self) -> list[Module]:
        return [m for pack in self.packs for m in pack.modules]

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def pack_of(self, module: Module) -> Pack:
        return next(p for p in self.packs if p.manifest.id == module.pack_id)
