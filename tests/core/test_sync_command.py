"""`zavmo-desktop sync` without an LRS, with a bad config and with an unreachable LRS."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.cli import run
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.statements import actor, statement


def test_without_an_lrs_nothing_leaves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sync", "--data-dir", str(tmp_path)]) == 0
    assert "nothing leaves this laptop" in capsys.readouterr().out


def test_a_bad_config_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "org.toml"
    config.write_text("[lrs]\nendpoint = 'http://x/'\n", encoding="utf-8")
    assert run(["sync", "--data-dir", str(tmp_path), "--org-config", str(config)]) == 2
    assert str(config) in capsys.readouterr().err


def test_an_unreachable_lrs_leaves_the_records_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = LrsSettings("http://127.0.0.1:9/xAPI/", "u", "p", "https://org.example")
    db = open_database(tmp_path / DATABASE_NAME)
    queue.enqueue(db, statement(actor(settings, "d"), "completed", "module", ("p", "m"), "M"))
    db.conn.close()
    config = tmp_path / "org.toml"
    config.write_text(
        "[lrs]\nendpoint = 'http://127.0.0.1:9/xAPI/'\nusername = 'u'\npassword = 'p'\n"
        "account_homepage = 'https://org.example'\n",
        encoding="utf-8",
    )
    assert run(["sync", "--data-dir", str(tmp_path), "--org-config", str(config)]) == 1
    assert "1 still waiting" in capsys.readouterr().err


def test_an_lrs_without_an_account_home_page_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "org.toml"
    config.write_text("[lrs]\nendpoint = 'http://127.0.0.1:9/xAPI/'\n", encoding="utf-8")
    assert run(["sync", "--data-dir", str(tmp_path), "--org-config", str(config)]) == 2
    assert "lrs.account_homepage is needed" in capsys.readouterr().err


def test_the_config_is_found_as_the_app_finds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "org.toml"
    config.write_text(
        "[lrs]\nendpoint = 'http://127.0.0.1:9/xAPI/'\naccount_homepage = 'https://org.example'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ZAVMO_ORG_CONFIG", str(config))
    assert run(["sync", "--data-dir", str(tmp_path)]) == 0  # no records yet: nothing to send
    assert "Nothing to send" in capsys.readouterr().out
    assert run(["sync", "--data-dir", str(tmp_path), "--batch-size", "0"]) == 2
