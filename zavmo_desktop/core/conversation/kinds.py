"""The ten kinds of practice conversation, in words a learner reads before starting."""

from __future__ import annotations

TYPE_NAMES: dict[str, str] = {
    "socratic": "Guided questions",
    "role_play": "Role play",
    "coaching": "Coaching (GROW)",
    "case_study": "Case study",
    "scenario": "Scenario with decisions",
    "reflection": "Reflection",
    "teach_back": "Teach it back",
    "debate": "Debate",
    "quiz": "Quiz",
    "action_planning": "Action planning",
}

TYPE_DESCRIPTIONS: dict[str, str] = {
    "socratic": "The tutor asks questions that help you reason the answer out for yourself.",
    "role_play": "The tutor plays a person at work, and you answer them as you would for real.",
    "coaching": (
        "A coaching conversation in four steps: your goal, where things are now, "
        "your options and your way forward."
    ),
    "case_study": "You work through a real-world style case one step at a time.",
    "scenario": "You make decisions and see what happens after each one.",
    "reflection": "You think back over your own experience, guided by a few questions.",
    "teach_back": "You explain an idea in your own words, as if teaching someone else.",
    "debate": "You argue for a position and answer the challenges put to you.",
    "quiz": "A few short questions to check what you know. Each answer tells you why.",
    "action_planning": "You turn what you learned into actions with dates.",
}

STAGE_NAMES: dict[str, str] = {
    "goal": "Goal",
    "reality": "Reality",
    "options": "Options",
    "way_forward": "Way forward",
}


def type_name(kind: str) -> str:
    return TYPE_NAMES.get(kind, kind.replace("_", " ").capitalize())


def type_description(kind: str) -> str:
    return TYPE_DESCRIPTIONS.get(kind, "A practice conversation.")
