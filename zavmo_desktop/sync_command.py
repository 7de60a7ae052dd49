"""`zavmo-desktop sync`: send the waiting learning records to the organisation's LRS.

The LRS is the one the organisation's config names (core.org.config: --org-config, then
ZAVMO_ORG_CONFIG, then the site config folder), read exactly as the app reads it.
Exit codes: 0 all sent (or no LRS configured: nothing leaves the laptop), 1 some still waiting
(the message says why), 2 the config's LRS settings are wrong, 3 everything else was sent but
the LRS refused some records for good in this run (each is listed on stderr with the LRS's
reason; they are never sent again, so the next run exits 0).
"""

from __future__ import annotations

import argparse
import sys

from zavmo_desktop import paths

OK, FAILED, MISUSE, REFUSED = 0, 1, 2, 3


def add_sync_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser("sync", help="send your learning records to your organisation")
    sync.add_argument("--data-dir", help="the data folder (default: the usual one)")
    sync.add_argument("--org-config", help="the organisation's config file (TOML)")
    sync.add_argument(
        "--batch-size", type=int, default=50, help="records sent in one request (default 50)"
    )
    sync.add_argument(
        "--tries", type=int, default=3, help="failed requests in a row before giving up (3)"
    )


def run_sync_command(args: argparse.Namespace) -> int:
    from zavmo_desktop.core.org.config import find_config_file, load_org_config
    from zavmo_desktop.core.storage import DATABASE_NAME
    from zavmo_desktop.core.storage.database import open_database
    from zavmo_desktop.core.xapi.queue import refused
    from zavmo_desktop.core.xapi.sender import send_queue
    from zavmo_desktop.core.xapi.wording import refused_words, statement_summary

    if args.batch_size < 1 or args.tries < 1:
        print("--batch-size and --tries must be 1 or more.", file=sys.stderr)
        return MISUSE
    path = find_config_file(args.org_config)
    config = load_org_config(path)
    for problem in config.problems:
        print(problem, file=sys.stderr)
    if config.lrs is None:
        unreadable = path is not None and config.source is None  # not TOML, missing ...
        if unreadable or any(": lrs" in problem for problem in config.problems):
            return MISUSE
        print("No learning record store is configured: nothing leaves this laptop.")
        return OK
    database = paths.data_dir(args.data_dir) / DATABASE_NAME
    if not database.exists():
        print("There are no learning records yet. Nothing to send.")
        return OK
    db = open_database(database)
    try:
        result = send_queue(db, config.lrs, batch_size=args.batch_size, tries=args.tries)
        refusals = refused(db, list(result.refused)) if result.refused else []
    finally:
        db.conn.close()
    print(f"Sent {result.sent} learning record{'s' if result.sent != 1 else ''}.")
    if refusals:
        print(refused_words(refusals), file=sys.stderr)
    for refusal in refusals:
        what = statement_summary(refusal.statement)
        print(f"  {refusal.statement['id']} {what}: {refusal.reason}", file=sys.stderr)
    if result.error:
        print(f"{result.waiting} still waiting: {result.error}", file=sys.stderr)
        return FAILED
    return REFUSED if refusals else OK
