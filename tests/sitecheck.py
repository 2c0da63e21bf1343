"""Read a built site: pages, links and anchors, with the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


@dataclass
class ParsedPage:
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.page.links.append(values["href"] or "")
        if tag == "script" and values.get("src"):
            self.page.scripts.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.page.styles.append(values["href"] or "")


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text("utf-8"))
    return parser.page


def broken_links(site: Path) -> list[str]:
    """Return every internal link or anchor in the site that does not resolve."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page_path, page in pages.items():
        base = "/" + page_path.relative_to(site).as_posix()
        for href in page.links:
            target = urlparse(urljoin(base, href))
            if target.scheme or target.netloc:
                continue
            file = site / unquote(target.path).lstrip("/")
            if file.is_dir() or target.path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: {href} (no file)")
            elif target.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else parse(file).ids
                if unquote(target.fragment) not in ids:
                    broken.append(f"{base}: {href} (no anchor)")
    return broken


def external_resources(site: Path) -> list[str]:
    """Return every script or stylesheet a page would load from another host."""
    found = []
    for path in site.rglob("*.html"):
        page = parse(path)
        found += [src for src in page.scripts + page.styles if urlparse(src).netloc]
    return found
