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


# Attributes that hold an address a browser follows or loads, and those that load a resource into the page.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "ping"}
)
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
NEVER_TAGS = frozenset({"iframe", "frame", "object", "embed", "base", "applet"})
JSON_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})


class _LiveMarkupParser(HTMLParser):
    """Collect everything in a page that could run code or load something from another host."""

    def __init__(self, marker: str, own_host: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.own_host = own_host
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        from katalog.markup import link_scheme

        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> (event attribute)")
            if name in URL_ATTRIBUTES and link_scheme(value) not in SAFE_SCHEMES | {None}:
                self.found.append(f"<{tag} {name}={value!r}> (scheme {link_scheme(value)})")
            if name in RESOURCE_ATTRIBUTES and _other_host(value, self.own_host):
                self.found.append(f"<{tag} {name}={value!r}> (resource from another host)")
            if name == "style" and ("url(" in value or "expression(" in value):
                self.found.append(f"<{tag} style={value!r}>")
        if tag in NEVER_TAGS or (tag == "meta" and values.get("http-equiv", "").lower() == "refresh"):
            self.found.append(f"<{tag}>")
        if tag == "link" and _other_host(values.get("href", ""), self.own_host):
            self.found.append(f"<link href={values['href']!r}> (resource from another host)")
        if tag == "script":
            if values.get("src") and _other_host(values["src"], self.own_host):
                self.found.append(f"<script src={values['src']!r}> (script from another host)")
            self._script = None if values.get("type", "").lower() in JSON_SCRIPT_TYPES else ""

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._script and self.marker in self._script:
                self.found.append(f"<script>{self._script[:60]}…</script> (content in a live script)")
            self._script = None


def _other_host(value: str, own_host: str) -> bool:
    hosts = {urlparse(part.strip().split(" ")[0]).netloc for part in value.split(",") if part.strip()}
    return bool(hosts - {"", own_host})


def live_markup(html: str, marker: str = "alert(", own_host: str = "") -> list[str]:
    """Return every event attribute, script-running or data: address, outside resource, frame or refresh in html,
    and every live script that contains marker (the payload the hostile content carries).

    own_host is the site's host:port, for a page read back from a browser (which makes addresses absolute).
    """
    parser = _LiveMarkupParser(marker, own_host)
    parser.feed(html)
    parser.close()
    return parser.found
