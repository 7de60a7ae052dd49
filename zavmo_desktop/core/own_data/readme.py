"""The README.txt inside the export: what each file is, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zavmo_desktop.core.own_data.export import TableExport

# What each table holds, for the learner; a table not listed here still gets a line.
TABLE_WORDS = {
    "learner_profile": "your answers when you started: your role, goals and how you like to work",
    "settings": "your choices in Settings, such as font, size and colours",
    "module_progress": "which modules you started and finished, and how far you read",
    "recent_modules": "the modules you opened last",
    "reading_places": "where you stopped reading in each module",
    "focus_sessions": "your focus timer sessions: when, how long and what you studied",
    "conversation_runs": "your practice conversations: when you did them and how far you got",
    "checklist_items": "the checklist items you ticked, with your notes and dates",
    "reflections": "the reflections you wrote",
    "evidence": "the evidence of your work, linked to the skills it shows",
    "assessment_rounds": "each time you did the self-assessment, and when",
    "assessment_answers": "your self-assessment answers, one row for each skill",
    "assessment_scenario_answers": "the choices you made in the self-assessment's situations",
    "conversation_turns": "every message in your practice conversations, in order",
    "evidence_criteria": "which skill each piece of evidence shows",
    "focus_timer_state": "where the focus timer was, so it can carry on after a restart",
    "pathway_done": "the steps of your plan you ticked as done",
    "pathway_plans": "your week-by-week learning plan",
    "review_cards": "the questions you practise remembering, and when each is due",
    "review_log": "each time you practised a question, and how it went",
    "evidence_log": "every change to your portfolio, with its time",
    "sign_offs": "the sign-offs an assessor recorded for a skill: who (name and role), the "
    "date, the comment, and when and why one was withdrawn",
    "_sqlite_migrations": "the versions of the app's storage this file has been through",
}


def readme_text(tables: Sequence[TableExport], files: int, now: datetime) -> str:
    lines = [
        "Your Zavmo Desktop data",
        "",
        f"Made on {now.strftime('%d %B %Y at %H:%M')}.",
        "",
        "This zip holds everything Zavmo Desktop stored about you on this computer.",
        "Each table of your records is here twice: as a JSON file for programs,",
        "and as a CSV file you can open in a spreadsheet. The first row of a CSV",
        "file names its columns.",
        "",
        "Files:",
        "",
        "README.txt: this note.",
        "settings.json: your choices in Settings, by name.",
    ]
    for table in tables:
        what = TABLE_WORDS.get(table.name, "records the app keeps")
        rows = f"{table.rows} row{'s' if table.rows != 1 else ''}"
        lines.append(f"tables/{table.name}.json and .csv: {what} ({rows}).")
    if files:
        lines.append(f"evidence/: the {files} file(s) you added to your portfolio, as they were.")
    lines += [
        "",
        "Dates and times are written as year-month-day, then the time.",
        "Some values hold a list or a group of values: those are written as JSON text.",
        "",
    ]
    return "\n".join(lines)
