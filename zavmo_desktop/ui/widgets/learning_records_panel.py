"""Settings, Learning records: where records go, who they name, what waits, what was sent
and when, what went wrong and what the server refused for good, with "Send now". Without an
LRS: one sentence that nothing leaves this laptop.

It reads only the local queue and the sender's status (never the network): the sender's own
thread does the sending. While shown, it looks again every second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.xapi.wording import (
    NOTHING_LEAVES,
    identity_words,
    last_sent_words,
    parse_utc,
    problem_words,
    refused_words,
    statement_words,
    waiting_words,
    where_records_go,
)
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.labels import heading, paragraph

SEND_NOW = "Send now"
RECENT = "Recently sent"
SENDING = "Sending…"
REFRESH_MS = 1000


class LearningRecordsPanel(QWidget):
    def __init__(
        self, learner: Learner, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        super().__init__()
        self._learner, self._now = learner, now
        self.setAccessibleName("Learning records")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        records = learner.learning_records
        if records is None:
            self.summary = paragraph(NOTHING_LEAVES)
            column.addWidget(self.summary)
            return
        by_email = "mbox" in records.who
        self.summary = paragraph(where_records_go(records.settings))
        self.identity = paragraph(identity_words(records.identity, by_email))
        self.waiting, self.last_sent, self.problem = paragraph(), paragraph(), paragraph()
        self.refused = paragraph()  # records the server will never take: said plainly
        labels = (self.summary, self.identity, self.waiting, self.last_sent, self.problem)
        for label in (*labels, self.refused):
            column.addWidget(label)
        self.send_button = QPushButton(SEND_NOW)
        self.send_button.setAccessibleName(SEND_NOW)
        self.send_button.setAccessibleDescription("Send the waiting learning records now")
        self.send_button.clicked.connect(self.send_now)
        column.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(heading(RECENT, role="subheading"))
        self.recent_box = QVBoxLayout()
        column.addLayout(self.recent_box)
        self.recent: list[str] = []
        self._asked_at: int | None = None
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def send_now(self) -> None:
        sender = self._learner.records_sender
        if sender is None or not sender.running:
            announce(self, "Records cannot be sent from this window now.")
            return
        self._asked_at = sender.rounds  # "Sending…" until the round after this one is done
        sender.send_now()
        self.refresh()
        announce(self, "Sending your learning records.")

    def refresh(self) -> None:
        if self._learner.learning_records is None or self._learner.closed:
            return
        now = self._now()
        report = self._learner.records_report()
        sender = self._learner.records_sender
        status = sender.status() if sender is not None else None
        self.waiting.setText(waiting_words(report.waiting))
        if status is not None and status.last_sent_at is not None:
            when, count = status.last_sent_at, status.last_sent_count
        else:
            when = parse_utc(report.last_sent_at) if report.last_sent_at else None
            count = report.last_sent_count
        self.last_sent.setText(last_sent_words(when, count, now))
        sending = sender is not None and (
            sender.status().sending or sender.rounds == self._asked_at
        )
        if not sending:
            self._asked_at = None
        self.problem.setText(SENDING if sending else problem_words(status, now) if status else "")
        self.problem.setVisible(bool(self.problem.text()))
        self.refused.setText(refused_words(report.refused))
        self.refused.setVisible(bool(self.refused.text()))
        self._show_recent([statement_words(s, at, now) for s, at in report.recent])

    def _show_recent(self, lines: list[str]) -> None:
        if lines == self.recent:
            return
        self.recent = lines
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for line in lines or ["Nothing has been sent yet."]:
            self.recent_box.addWidget(paragraph(line))

    def showEvent(self, event: QShowEvent) -> None:
        if self._learner.learning_records is not None:
            self.refresh()
            self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._learner.learning_records is not None:
            self._timer.stop()
        super().hideEvent(event)
