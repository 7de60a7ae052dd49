"""A second start with the same data folder brings the running window forward instead."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"zavmo-desktop-{digest}"


class ActivationServer(QObject):
    """Listens for later starts; only the instance holding the data-folder lock runs one."""

    activate_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash; we hold the lock
        self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def stop(self) -> None:
        """Stop listening now. On Unix a server removes its socket file when it closes, so
        a window being replaced stops first: else, deleted later, it would remove the new
        window's socket and a second start would no longer find the app."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activate_requested.emit()


def stop_listening(window: QObject) -> None:
    for server in window.findChildren(ActivationServer):
        server.stop()


def ask_running_instance_to_activate(data_dir: Path) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return delivered


def bring_forward(window: QWidget) -> None:
    """What a later start asks of the running window: un-minimised, shown and active."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
