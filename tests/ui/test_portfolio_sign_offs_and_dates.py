"""The Portfolio screen over the real window, database and bundled content: an item lists
the sign-offs of its criteria, the list filters by From and To dates chosen by keyboard,
and an item whose changed words are not saved is marked "Draft waiting" where it is listed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QListWidget,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    assert_accessible,
    find_by_name,
    find_starting,
    names_starting,
    settle,
)
from tests.ui.test_portfolio_screen import make_evidence, open_kind, portfolio
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.signing import record_sign_offs, withdraw_sign_off
from zavmo_desktop.core.portfolio.signoff_words import NONE_SIGNED, ONE_NOT_A_CERTIFICATE
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens import portfolio as portfolio_screen
from zavmo_desktop.ui.screens.portfolio import NONE_MATCH, PortfolioScreen

TODAY = date.today()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def date_field(window: MainWindow, name: str) -> QDateEdit:
    found = find_by_name(window, name)
    assert isinstance(found, QDateEdit)
    return found


def set_day(field: QDateEdit, day: date) -> None:
    field.setDate(QDate(day.year, day.month, day.day))
    settle()


def heard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the screen announces, as a screen reader would hear it."""
    said: list[str] = []
    real = portfolio_screen.announce
    monkeypatch.setattr(
        portfolio_screen, "announce", lambda w, text, *a: (said.append(text), real(w, text))
    )
    return said


def open_own_item(window: MainWindow, qtbot: QtBot) -> PortfolioScreen:
    return open_kind(window, qtbot, "Your own writing")


def test_an_item_lists_the_active_sign_offs_of_the_criteria_it_maps_to(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    add_text(learner.evidence, "Board paper on model costs", "I wrote it.", ["EC1", "EC2"])
    screen = open_own_item(window, qtbot)
    assert screen.view.sign_offs.text() == NONE_SIGNED
    sign_offs = learner.portfolio.sign_offs
    record_sign_offs(sign_offs, ["EC2"], "Priya Shah", "Head of Data, Acme", TODAY,
                     "Presented it to the board.")  # fmt: skip
    (wrong,) = record_sign_offs(sign_offs, ["EC1"], "Sam Patel", "", TODAY)
    record_sign_offs(sign_offs, ["EC3"], "Alan Turing", "", TODAY)  # the item does not map it
    withdraw_sign_off(sign_offs, wrong.id, "Signed the wrong criterion")
    screen.refresh()  # what the sign-off dialog runs after each change
    settle()
    day = f"{TODAY.day} {TODAY:%B %Y}"
    shown = find_starting(window, "EC2 signed off by Priya Shah")
    assert shown is screen.view.sign_offs and shown.isVisible()
    assert screen.view.sign_offs.text() == (
        f"EC2 signed off by Priya Shah (Head of Data, Acme) on {day}: Presented it to the "
        f"board.\n{ONE_NOT_A_CERTIFICATE}"
    )  # the withdrawn one and the unmapped criterion's are not there
    assert "a record of a person's sign-off, not a certificate" in screen.view.sign_offs.text()
    find_by_name(window, "History").click()
    settle()
    lines = screen.view.history.lines()
    assert [line.split(": ", 1)[1] for line in lines[-3:-1]] == [
        "Signed off by Priya Shah (Head of Data, Acme)", "Signed off by Sam Patel",
    ]  # fmt: skip
    assert lines[-1].endswith("Sign-off withdrawn by you, because: Signed the wrong criterion")


def test_from_and_to_dates_are_chosen_by_keyboard_and_a_crossed_pair_is_said_calmly(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.learner is not None
    make_evidence(window.learner)
    said = heard(monkeypatch)
    screen = portfolio(window, qtbot)
    assert screen.count.text() == "Showing 4 of 4 items"
    period = find_by_name(window, "Filter by date")
    assert isinstance(period, QComboBox)
    with pytest.raises(LookupError):
        find_by_name(window, "From date")  # hidden until asked for
    period.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3):
        qtbot.keyClick(period, Qt.Key.Key_Down)
    settle()
    assert period.currentText() == "Choose dates…"
    since, until = date_field(window, "From date"), date_field(window, "To date")
    assert since.date().toPython() == TODAY - timedelta(days=29)  # the last 30 days to start
    assert until.date().toPython() == TODAY
    qtbot.keyClick(period, Qt.Key.Key_Tab)  # next after the Date list, before Outcome
    assert focused() is since
    qtbot.keyClick(since, Qt.Key.Key_Tab)
    assert focused() is until
    qtbot.keyClick(until, Qt.Key.Key_Tab)
    assert focused().accessibleName() == "Filter by outcome"
    assert screen.count.text() == "Showing 4 of 4 items"

    since.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(since, Qt.Key.Key_Up)  # Up changes the day under the cursor
    assert since.date().toPython() == TODAY - timedelta(days=28)
    set_day(since, TODAY + timedelta(days=1))
    crossed = screen.count.text()
    assert crossed.startswith("Showing 0 of 4 items. The From date (")
    assert crossed.endswith("Choose a From date on or before the To date.")
    assert said[-1] == crossed and NONE_MATCH not in crossed  # heard, and told what to do
    assert not screen.list.isVisible()
    set_day(until, TODAY + timedelta(days=3))  # a real range with nothing in it
    assert screen.count.text() == f"Showing 0 of 4 items. {NONE_MATCH}"
    set_day(since, TODAY)
    assert screen.count.text() == "Showing 4 of 4 items"
    period.setCurrentIndex(0)  # All dates: the fields go, the days stay for next time
    settle()
    assert not since.isVisible() and screen.count.text() == "Showing 4 of 4 items"
    period.setCurrentIndex(3)
    settle()
    assert since.date().toPython() == TODAY


def test_an_item_with_an_unsaved_draft_is_marked_where_it_is_listed(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.learner is not None
    make_evidence(window.learner)
    said = heard(monkeypatch)
    screen = open_kind(window, qtbot, "Reflection")
    find_by_name(window, "Edit reflection").click()
    qtbot.keyClicks(find_by_name(window, "Your words"), " And then the risks.")
    find_by_name(window, "Back to the list").click()
    settle()
    listed = find_by_name(window, "Evidence items")
    assert isinstance(listed, QListWidget)
    row = listed.currentItem()
    assert row.text().startswith("✎ Draft waiting: ") and "— Reflection," in row.text()
    assert [n for n in names_starting(window, "Draft waiting: ")] == [row.text()[2:]]
    assert screen.count.text() == "Showing 4 of 4 items, 1 with a draft waiting"
    assert any(text.endswith(": a draft is waiting. Your changed words are kept but not "
                             "saved yet.") for text in said)  # fmt: skip
    others = [listed.item(i).text() for i in range(listed.count()) if listed.item(i) is not row]
    assert not any("Draft waiting" in text for text in others)

    qtbot.keyClick(listed, Qt.Key.Key_Return)  # open it again and save: the mark goes
    settle()
    find_by_name(window, "Edit reflection").click()
    find_by_name(window, "Save").click()
    settle()
    find_by_name(window, "Back to the list").click()
    settle()
    assert not any("Draft waiting" in listed.item(i).text() for i in range(listed.count()))
    assert screen.count.text() == "Showing 4 of 4 items"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_at_200_percent_the_dates_a_draft_and_the_sign_offs_clip_nothing(
    window: MainWindow, qtbot: QtBot, theme: str
) -> None:
    learner = window.learner
    assert learner is not None
    make_evidence(learner)
    record_sign_offs(learner.portfolio.sign_offs, ["EC1"], "Priya Shah",
                     "Head of Data, Acme Machine Learning Group", TODAY,
                     "Presented the paper to the board and answered every question.")  # fmt: skip
    window.resize(1100, 760)
    learner.settings.apply({"text_scale": 200, "theme": theme})
    settle()
    screen = portfolio(window, qtbot)
    period = find_by_name(window, "Filter by date")
    assert isinstance(period, QComboBox)
    period.setCurrentIndex(3)
    settle()
    assert date_field(window, "From date").isVisible() and date_field(window, "To date").isVisible()
    assert_accessible(window)
    open_kind(window, qtbot, "Reflection")
    find_by_name(window, "Edit reflection").click()
    qtbot.keyClicks(find_by_name(window, "Your words"), " More.")
    find_by_name(window, "Back to the list").click()
    settle()
    assert screen.list.currentItem().text().startswith("✎ Draft waiting")
    assert_accessible(window)
    open_own_item(window, qtbot)
    assert screen.view.sign_offs.text().startswith("EC1 signed off by Priya Shah")
    assert_accessible(window)
    screen.back_to_list()
    screen.tabs.setCurrentIndex(1)  # the matrix, on the signed-off cell, its line in full
    screen.matrix.table.setCurrentCell(1, 0)
    settle()
    assert "Signed off on" in screen.matrix.about.text()
    table, button = (
        screen.matrix.table,
        find_by_name(window, "Record a sign-off for this criterion"),
    )
    assert table.height() >= table.fontMetrics().lineSpacing() * 8  # never a sliver
    page = button.parentWidget()
    while not isinstance(page, QScrollArea):
        page = page.parentWidget()
    page.ensureWidgetVisible(button)  # the page scrolls to it; nothing squashes or cuts it
    settle()
    assert button.visibleRegion().boundingRect().size() == button.size()
    assert_accessible(window)
