"""Serve a built site or `mkdocs serve` on loopback and drive Debian's chromium with Playwright (tests, benchmark).

Playwright cannot download its own browsers here, so the system chromium is launched with the
flags that keep it from calling out to the network.
"""

from __future__ import annotations

import functools
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Return the system chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    served: list[Path] | None = None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - name fixed by the base class
        pass

    def send_head(self) -> Any:
        if self.served is not None:
            self.served.append(Path(self.translate_path(self.path)))
        return super().send_head()


@contextmanager
def serve_directory(directory: Path, served: list[Path] | None = None) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 and yield its base URL.

    served, if given, collects the file of every request: the benchmark counts what a browser fetched that
    way, because requests from web workers never reach the page's own events.
    """
    handler = functools.partial(type("Handler", (_QuietHandler,), {"served": served}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Start headless system chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium er ikke installeret (Debian-pakken 'chromium')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def mkdocs_serve(project: Path, env: Mapping[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `mkdocs serve` for a project on a loopback port; yield its base URL and the process, stop it after.

    The port is bound here and the listening socket handed to the server (katalog.devserver), so no
    other process can take the port between choosing it and serving on it.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        port = int(sock.getsockname()[1])
        command = [sys.executable, "-m", "katalog.devserver", str(sock.fileno()), "serve"]
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=dict(env),
            pass_fds=[sock.fileno()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    try:
        yield f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        server.wait(timeout=20)


def fetch_text(url: str) -> str:
    """The page at url as text, or "" while the server is not (yet) answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_until(check: Callable[[], bool], seconds: float = 60, interval: float = 0.05) -> bool:
    """Poll check until it holds or the time is up; say which."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False
