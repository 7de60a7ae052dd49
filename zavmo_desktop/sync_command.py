"""`zavmo-desktop sync`: send the waiting learning records to the organisation's LRS.

Exit codes: 0 all sent (or no LRS configured: nothing leaves the laptop), 1 some still waiting
(the message says why), 2 misuse. Until orgcfg's --org-config parser is merged, the LRS is read
from the [lrs] table of the TOML file given (endpoint, username, password, account_homepage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zavmo_desktop import paths

OK, FAILED, MISUSE = 0, 1, 2


def add_sync_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser("sync", help="send your learning records to your organisation")
    sync.add_argument("--data-dir", help="the data folder (default: the usual one)")
    sync.add_argument("--org-config", type=Path, help="the organisation's config file (TOML)")


def run_sync_command(args: argparse.Namespace) -> int:
    import tomllib

    from zavmo_desktop.core.storage import DATABASE_NAME
    from zavmo_desktop.core.storage.database import open_database
    from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
    from zavmo_desktop.core.xapi.sender import send_queue

    if args.org_config is None:
        print("No learning record store is configured: nothing leaves this laptop.")
        return OK
    try:
        table = tomllib.loads(args.org_config.read_text(encoding="utf-8")).get("lrs", {})
        settings = LrsSettings(
            str(table["endpoint"]), str(table["username"]), str(table["password"]),
            str(table["account_homepage"]), str(table.get("account_name", "")),
        )  # fmt: skip
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        print(
            f"{args.org_config}: the [lrs] settings could not be read ({error}).", file=sys.stderr
        )
        return MISUSE
    database = paths.data_dir(args.data_dir) / DATABASE_NAME
    if not database.exists():
        print("There are no learning records yet. Nothing to send.")
        return OK
    result = send_queue(open_database(database), settings, tries=3)
    print(f"Sent {result.sent} learning record{'s' if result.sent != 1 else ''}.")
    if result.error:
        print(f"{result.waiting} still waiting: {result.error}", file=sys.stderr)
        return FAILED
    return OK
