"""The Privacy page's words: what is stored, where, for how long, and who can see it.

Plain and literal (the autism preset's "literal labels" are the norm here); a test keeps
it at Flesch reading ease 60 or more.
"""

from __future__ import annotations

from pathlib import Path

from zavmo_desktop.core.own_data.places import BACKUPS
from zavmo_desktop.core.storage.backups import DAILY_KEPT, WEEKLY_KEPT


def who_can_see_it(records_host: str | None) -> list[str]:
    """Records leave only for the organisation's own records server, and only if it set one."""
    if records_host is None:
        return [
            "Nothing leaves this computer. Your organisation has not set Zavmo up to send "
            "your learning records anywhere, so Zavmo sends nothing to anyone.",
            "Only your organisation can turn sending on, when it installs Zavmo.",
        ]
    return [
        "Your organisation has set Zavmo up to send your learning records to its own "
        f"records server, {records_host}. They go there and nowhere else.",
        "A learning record says what you did and when. That is a module you opened or "
        "finished, a practice you finished and its result, a checklist you finished, an "
        "answer in your self-assessment, or evidence you added.",
        "A record names you by the id your organisation gave you. The words you write stay "
        "on this computer.",
        "Settings, Learning records shows what was sent and when.",
    ]


def privacy_sections(
    data_dir: Path, records_host: str | None = None
) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) for each part of the page, with the real data folder and the
    organisation's records server, when it named one."""
    return [
        ("What Zavmo keeps", [
            "Zavmo keeps what you do in the app, so you can carry on where you left off.",
            "That is your answers when you set it up, your self-assessment, your plan, "
            "how far you have read, your practice conversations, your checklists, your "
            "reflections, your evidence, your focus timer sessions and your settings.",
        ]),
        ("Where it is kept", [
            f"It is all in one folder on this computer: {data_dir}",
            f"Zavmo also keeps copies there, in the {BACKUPS} folder, so that a fault "
            "does not lose your work.",
        ]),
        ("How long it is kept", [
            "Your records stay until you erase them. Zavmo does not delete them by itself.",
            f"Zavmo keeps one copy for each of the last {DAILY_KEPT} days you used it, and "
            f"one for each of {WEEKLY_KEPT} weeks before that. Older copies are deleted.",
            "Speech for read aloud is made as you listen. It is deleted when you close Zavmo.",
        ]),
        ("Who can see it", who_can_see_it(records_host)),
        ("What you can do", [
            "Export all my data saves a copy of everything in one zip file. It has a note "
            "inside that says what each file is.",
            "Erase all my data deletes all of it from this computer. It cannot be undone. "
            "Zavmo then starts again as if it were new.",
        ]),
    ]  # fmt: skip


def privacy_text(data_dir: Path, records_host: str | None = None) -> str:
    sections = privacy_sections(data_dir, records_host)
    return "\n\n".join("\n".join([title, *paragraphs]) for title, paragraphs in sections)
