"""Seeded, realistic-looking text: a Zipf-weighted vocabulary, Markdown modules, index entries."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

SEED = 20240611
VOCABULARY_SIZE = 4000

# Function words take the most frequent ranks, as in real prose; the domain words are
# shuffled in among generated words of every other frequency.
_FUNCTION_TEXT = (
    "the of and to a in is that for it as with be on not this are by or from at an "
    "which have has can will your you we they their more when what how who it's"
)
_DOMAIN_TEXT = (
    "model models data team teams board budget platform pipeline pipelines training "
    "inference latency cost costs risk risks value adoption strategy stakeholder "
    "stakeholders director engineering engineer engineers learning machine product "
    "roadmap quarter metrics metric evaluation deployment monitoring drift fairness "
    "bias privacy governance accountability explainability feature features store "
    "registry experiment experiments notebook cluster cloud compute gpu vendor "
    "contract hiring retention attrition coaching feedback mentoring culture "
    "leadership executive narrative story evidence portfolio criteria competency "
    "assessment reflection checklist conversation scenario quiz regulation compliance "
    "audit incident outage reliability scalability architecture interface service "
    "services dataset datasets labelling annotation quality baseline benchmark "
    "forecast revenue saving savings investment return payback operating capital "
    "approval sponsor decision decisions trade tradeoff priority priorities backlog "
    "delivery velocity capacity headcount organisation organisational transformation "
    "customer customers user users journey research prototype production release "
    "rollback canary shadow testing validation verification security threat access "
    "permission consent lineage catalogue documentation onboarding playbook standard "
    "standards policy policies principle principles ethics ethical review panel"
)
FUNCTION_WORDS = _FUNCTION_TEXT.split()
DOMAIN_WORDS = _DOMAIN_TEXT.split()
_ONSET_TEXT = (
    "b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh sl st str t th tr v w"
)
_ONSETS = _ONSET_TEXT.split()
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "oa", "ie"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "ck", "ng", "rt", "ss"]
_SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ly", "tion", "ment", "ness", "able", "ity"]


def _pseudo_word(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 2, 3, 3, 4))
    stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    return stem + rng.choice(_CODAS) + rng.choice(_SUFFIXES)


def build_vocabulary(size: int = VOCABULARY_SIZE, seed: int = SEED) -> list[str]:
    """`size` distinct words, most frequent first: function words, domain words, then made up."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(FUNCTION_WORDS + DOMAIN_WORDS))
    taken = set(words)
    while len(words) < size:
        word = _pseudo_word(rng)
        if word not in taken and 3 <= len(word) <= 16:
            taken.add(word)
            words.append(word)
    # Mix the domain words in among the generated ones of middling frequency.
    head, rest = words[: len(FUNCTION_WORDS)], words[len(FUNCTION_WORDS) :]
    rng.shuffle(rest)
    return head + rest


@dataclass
class TextMaker:
    """Draws Zipf-distributed words (weight 1/rank) and shapes them into Markdown."""

    vocabulary: list[str]
    rng: random.Random

    def __post_init__(self) -> None:
        ranks = range(1, len(self.vocabulary) + 1)
        self._cumulative = list(accumulate(1.0 / rank for rank in ranks))

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self._cumulative, k=count)

    def sentence(self, count: int) -> str:
        words = self.words(count)
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def paragraph(self, count: int) -> str:
        sentences = []
        while count > 0:
            length = min(count, self.rng.randint(8, 20))
            sentences.append(self.sentence(length))
            count -= length
        return " ".join(sentences)

    def title(self) -> str:
        return " ".join(self.words(self.rng.randint(3, 6))).capitalize()

    def bullet_list(self, items: int) -> str:
        return "\n".join(f"- {self.sentence(self.rng.randint(5, 12))}" for _ in range(items))

    def table(self, rows: int) -> str:
        header = "| Measure | This quarter | Target | Notes |\n|---|---:|---:|---|"
        lines = [
            f"| {self.title()} | {self.rng.randint(1, 999)} | {self.rng.randint(1, 999)} "
            f"| {self.sentence(6)} |"
            for _ in range(rows)
        ]
        return "\n".join([header, *lines])

    def markdown(self, total_words: int, words_per_section: int) -> str:
        """A module body: `##` sections of paragraphs, with some lists and one table."""
        blocks = [f"# {self.title()}", self.paragraph(60)]
        written, section = 60, 0
        while written < total_words:
            section += 1
            blocks.append(f"## {section}. {self.title()}")
            written += self._section(blocks, min(words_per_section, total_words - written), section)
        return "\n\n".join(blocks) + "\n"

    def _section(self, blocks: list[str], budget: int, section: int) -> int:
        written = 0
        while written < budget:
            roll = self.rng.random()
            if roll < 0.15:
                blocks.append(self.bullet_list(self.rng.randint(3, 6)))
                written += 35
            elif section == 3 and roll < 0.25:
                blocks.append(self.table(8))
                written += 80
            else:
                length = self.rng.randint(40, 90)
                blocks.append(self.paragraph(length))
                written += length
        return written


def text_maker(seed: int = SEED) -> TextMaker:
    return TextMaker(build_vocabulary(), random.Random(seed))


def module_file(module_id: str, competency: str, body: str) -> str:
    """A complete module file: valid front matter (see docs/content-format.md), then the body."""
    return (
        "---\n"
        f"id: {module_id}\n"
        "title: A long module for the benchmarks\n"
        f"competency: {competency}\n"
        "summary: >-\n"
        "  A generated module of about five thousand words, with headings, lists and a\n"
        "  table, to measure how long the reader takes to open a long module.\n"
        "minutes: 40\n"
        "order: 99\n"
        "---\n"
        f"{body}"
    )


def count_words(markdown_text: str) -> int:
    return sum(1 for token in markdown_text.split() if any(ch.isalpha() for ch in token))
