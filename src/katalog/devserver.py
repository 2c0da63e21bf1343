"""Run `mkdocs serve` on a listening socket the parent process bound and handed over (tests and the benchmark).

Picking a free port, closing it and letting mkdocs bind it again races with every other process on the
machine. Here the parent binds port 0, keeps the socket open and passes it down; the port is never free
in between. Usage: ``python -m katalog.devserver FD serve --dev-addr 127.0.0.1:PORT``.
"""

from __future__ import annotations

import socket
import sys

from mkdocs.__main__ import cli
from mkdocs.commands import serve
from mkdocs.livereload import LiveReloadServer


class InheritedSocketServer(LiveReloadServer):
    """mkdocs' live-reload server, serving on an inherited socket that is already bound and listening."""

    fd = -1

    def server_bind(self) -> None:
        self.socket.close()
        self.socket = socket.socket(fileno=self.fd)
        self.server_address = self.socket.getsockname()
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()

    def server_activate(self) -> None:
        pass  # the parent listens on it already


def main(argv: list[str]) -> None:
    """Run the mkdocs command line (argv after the descriptor) with its server on the inherited socket."""
    InheritedSocketServer.fd = int(argv[0])
    serve.LiveReloadServer = InheritedSocketServer  # type: ignore[attr-defined]  # the name serve() starts
    cli.main(args=argv[1:], prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
