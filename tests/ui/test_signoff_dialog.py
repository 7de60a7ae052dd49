"""Record a sign-off, driven by keyboard over the real window, database and framework: the
criterion reads "verified", and withdrawing puts it back, with the sign-off kept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    find_by_name,
    find_starting,
    unnamed_interactive,
    unnamed_tab_stops,
    unreachable_by_tab,
)
from tests.ui.conftest import framework_of
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.status import Status
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.signoff_dialog import SignOffDialog


def first_criteria(framework: Framework) -> list[str]:
    return [c.id for c in framework.areas[0].competencies[0].criteria]


def open_dialog(
    window: MainWindow, qtbot: QtBot, criteria: Sequence[str] | None = None
) -> SignOffDialog:
    assert window.learner is not None
    dialog = SignOffDialog(window.learner, framework_of(window, qtbot), criteria,
                           window.stack.currentWidget())  # fmt: skip
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    return dialog


def status_of(window: MainWindow, qtbot: QtBot, criterion: str) -> Status:
    assert window.learner is not None
    return window.learner.portfolio.states(framework_of(window, qtbot))[criterion].status


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Space) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, key)


def test_it_says_near_the_top_what_a_sign_off_is_and_is_not(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    notice = find_starting(dialog, "This records that a person signed off")
    assert "not a certificate" in notice.text() and "cannot check who typed" in notice.text()
    assert notice.y() < dialog.name.y()  # before the first field
    assert unnamed_interactive(dialog) == [] and unnamed_tab_stops(dialog) == []
    assert unreachable_by_tab(dialog) == []
    assert find_starting(dialog, "No sign-offs are recorded yet").isVisible()


def test_a_sign_off_typed_by_keyboard_verifies_the_criterion_and_withdrawing_restores_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    criterion = first_criteria(framework_of(window, qtbot))[0]
    add_text(window.learner.evidence, "Board talk notes", "What I said and why.", [criterion])
    assert status_of(window, qtbot, criterion) is Status.SOME
    dialog = open_dialog(window, qtbot, [criterion])
    changes: list[bool] = []
    dialog.changed.connect(lambda: changes.append(True))
    qtbot.keyClicks(dialog.name, "Sam Patel")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    role = find_by_name(dialog, "Their role and organisation (optional)")
    assert QApplication.focusWidget() is role
    qtbot.keyClicks(role, "Internal verifier, Acme Training")
    qtbot.keyClick(role, Qt.Key.Key_Return)  # Enter records

    assert status_of(window, qtbot, criterion) is Status.VERIFIED and changes == [True]
    (sign_off,) = window.learner.portfolio.active_sign_offs()
    assert (sign_off.assessor, sign_off.role) == ("Sam Patel", "Internal verifier, Acme Training")
    assert "Signed off by Sam Patel (Internal verifier, Acme Training) on" in (
        dialog.recorded.item(0).text()
    )
    assert dialog.problem.text().startswith("Recorded Sam Patel (Internal verifier")
    recorded = find_by_name(dialog, "Active sign-offs")
    assert recorded.isVisible() and dialog.recorded.count() == 1
    assert dialog.criteria.ticked() == []  # the form is ready for the next criteria

    recorded.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(recorded, Qt.Key.Key_Tab)
    reason = find_by_name(dialog, "Why it is being withdrawn")
    assert QApplication.focusWidget() is reason
    qtbot.keyClicks(reason, "Signed the wrong criterion")
    qtbot.keyClick(reason, Qt.Key.Key_Return)  # Enter here withdraws, records nothing

    assert status_of(window, qtbot, criterion) is Status.SOME and changes == [True, True]
    (kept,) = window.learner.portfolio.sign_offs.all()  # withdrawn, never deleted
    assert kept.id == sign_off.id and kept.withdrawn_at is not None
    assert (kept.comment, kept.withdrawal_reason) == ("", "Signed the wrong criterion")
    assert dialog.recorded.count() == 0 and not recorded.isVisible()
    assert dialog.problem.text().startswith("Withdrew Sam Patel")


def test_what_is_missing_is_said_in_words_and_nothing_is_recorded(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    dialog = open_dialog(window, qtbot)
    press(qtbot, find_by_name(dialog, "Record sign-off"))
    assert dialog.problem.text() == "Type the name of the person signing off."
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Sam Patel")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.problem.text().startswith("Choose at least one criterion")
    assert QApplication.focusWidget() is dialog.criteria
    assert window.learner.portfolio.sign_offs.all() == []
    qtbot.keyClick(dialog.criteria, Qt.Key.Key_Space)  # the first criterion
    press(qtbot, find_by_name(dialog, "Record sign-off"))
    (sign_off,) = window.learner.portfolio.active_sign_offs()
    assert dialog.name.text() == "Sam Patel"  # kept for the next sign-off

    press(qtbot, find_by_name(dialog, "Withdraw sign-off"))  # no reason given
    assert dialog.problem.text() == "Say why the sign-off is being withdrawn."
    assert QApplication.focusWidget() is dialog.reason
    assert window.learner.portfolio.active_sign_offs() == [sign_off]


def test_the_date_defaults_to_today_and_cannot_be_later(window: MainWindow, qtbot: QtBot) -> None:
    from datetime import date

    dialog = open_dialog(window, qtbot)
    field = find_by_name(dialog, "Date signed")
    assert dialog.signed_on.date().toPython() == date.today()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, Qt.Key.Key_Up)  # today is the latest it goes
    assert dialog.signed_on.date().toPython() == date.today()
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert dialog.signed_on.date().toPython() < date.today()


def test_both_dialogs_pass_the_screen_checks_at_100_and_200_percent_and_dark(
    window: MainWindow, qtbot: QtBot
) -> None:
    from datetime import date

    from tests.accessibility import assert_accessible, settle
    from zavmo_desktop.core.portfolio.signing import record_sign_offs
    from zavmo_desktop.ui.widgets.add_evidence_dialog import AddEvidenceDialog

    assert window.learner is not None
    framework = framework_of(window, qtbot)
    record_sign_offs(window.learner.portfolio.sign_offs, first_criteria(framework)[:1],
                     "Sam Patel", "Internal verifier", date.today())  # fmt: skip
    for look in ({"text_scale": 100}, {"text_scale": 200}, {"text_scale": 100, "theme": "dark"}):
        for key, value in look.items():
            window.learner.settings.set(key, value)
        sign_off = SignOffDialog(window.learner, framework, None, window.stack.currentWidget())
        add = AddEvidenceDialog(window.learner, framework, window.stack.currentWidget())
        for dialog, show_a_problem in ((sign_off, sign_off.record), (add, add.add)):
            dialog.open()
            qtbot.waitExposed(dialog)
            show_a_problem()  # nothing typed: what to change is shown
            settle()
            assert dialog.problem.isVisible()
            assert_accessible(dialog)
            dialog.reject()


def test_opened_for_a_criterion_it_is_ticked_and_in_sight(window: MainWindow, qtbot: QtBot) -> None:
    framework = framework_of(window, qtbot)
    last = framework.areas[-1].competencies[-1].criteria[-1].id
    dialog = open_dialog(window, qtbot, [last])
    assert dialog.criteria.ticked() == [last]
    row = dialog.criteria.row_of(last)
    assert row is not None and dialog.criteria.currentItem() is row
    shown = dialog.criteria.viewport().rect()
    qtbot.waitUntil(lambda: shown.intersects(dialog.criteria.visualItemRect(row)))
